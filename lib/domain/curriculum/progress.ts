// Module and course progress derived from lesson completions. Pure: the caller brings both lists.

export type LessonOutline = { slug: string; minutes: number };
export type ModuleOutline = { slug: string; lessons: readonly LessonOutline[] };
export type CompletionRef = { moduleSlug: string; lessonSlug: string };

export type ModuleProgress = {
  slug: string;
  done: number;
  total: number;
  minutesDone: number;
  minutesTotal: number;
  complete: boolean;
  completedLessons: Set<string>;
  nextLesson: string | null;
};

/** Progress in one module: completions of lessons no longer in the module are ignored. */
export function moduleProgress(mod: ModuleOutline, completions: readonly CompletionRef[]): ModuleProgress {
  const mine = new Set(completions.filter((c) => c.moduleSlug === mod.slug).map((c) => c.lessonSlug));
  const doneLessons = mod.lessons.filter((l) => mine.has(l.slug));
  const total = mod.lessons.length;
  return {
    slug: mod.slug,
    done: doneLessons.length,
    total,
    minutesDone: doneLessons.reduce((s, l) => s + l.minutes, 0),
    minutesTotal: mod.lessons.reduce((s, l) => s + l.minutes, 0),
    complete: total > 0 && doneLessons.length === total,
    completedLessons: new Set(doneLessons.map((l) => l.slug)),
    nextLesson: mod.lessons.find((l) => !mine.has(l.slug))?.slug ?? null,
  };
}

/** Progress across the course: each module, and the totals. */
export function courseProgress(modules: readonly ModuleOutline[], completions: readonly CompletionRef[]) {
  const perModule = modules.map((m) => moduleProgress(m, completions));
  return {
    modules: perModule,
    lessonsDone: perModule.reduce((s, m) => s + m.done, 0),
    lessonsTotal: perModule.reduce((s, m) => s + m.total, 0),
    minutesDone: perModule.reduce((s, m) => s + m.minutesDone, 0),
    minutesTotal: perModule.reduce((s, m) => s + m.minutesTotal, 0),
    modulesComplete: perModule.filter((m) => m.complete).length,
  };
}
