// "Continue where you left off" on a learner's home: what they were last doing, newest first.
// Pure: the caller brings their completions, open attempts and the course outline, and `now`.

export type OutlineModule = { slug: string; lessons: readonly { slug: string }[] };
export type CompletionFact = { moduleSlug: string; lessonSlug: string; completedAt: Date };
export type QuizAttemptFact = { id: string; quizId: string; startedAt: Date; deadline: Date | null; submittedAt: Date | null };
export type OpenConsultFact = { id: string; caseId: string; startedAt: Date; step: number };

export type ResumePoint =
  | { kind: 'lesson'; moduleSlug: string; lessonSlug: string; at: Date | null }
  | { kind: 'quiz'; quizId: string; attemptId: string; at: Date }
  | { kind: 'consult'; caseId: string; attemptId: string; at: Date };

/**
 * The lesson to read next: after the most recent completion, the next unread lesson of that module,
 * else the first unread lesson of the course after it (wrapping to earlier modules); with nothing
 * read yet, the course's first lesson. Null when every lesson is read.
 */
export function nextLesson(modules: readonly OutlineModule[], completions: readonly CompletionFact[]): Extract<ResumePoint, { kind: 'lesson' }> | null {
  const done = new Set(completions.map((c) => `${c.moduleSlug}/${c.lessonSlug}`));
  const latest = completions.reduce<CompletionFact | null>((top, c) => (top === null || c.completedAt > top.completedAt ? c : top), null);
  const flat = modules.flatMap((m) => m.lessons.map((l) => ({ moduleSlug: m.slug, lessonSlug: l.slug })));
  const from = latest ? flat.findIndex((l) => l.moduleSlug === latest.moduleSlug && l.lessonSlug === latest.lessonSlug) + 1 : 0;
  // A completion of a lesson since removed from the course gives -1 + 1 = 0: start from the top.
  const ordered = [...flat.slice(from), ...flat.slice(0, from)];
  const next = ordered.find((l) => !done.has(`${l.moduleSlug}/${l.lessonSlug}`));
  return next ? { kind: 'lesson', ...next, at: latest?.completedAt ?? null } : null;
}

/** Quiz attempts still open (not submitted, deadline not passed) and consults in progress, with the next lesson; newest first. */
export function resumePoints(input: {
  modules: readonly OutlineModule[];
  completions: readonly CompletionFact[];
  quizAttempts: readonly QuizAttemptFact[];
  openConsults: readonly OpenConsultFact[];
  now: Date;
}): ResumePoint[] {
  const quizzes: ResumePoint[] = input.quizAttempts
    .filter((a) => a.submittedAt === null && (a.deadline === null || a.deadline > input.now))
    .map((a) => ({ kind: 'quiz', quizId: a.quizId, attemptId: a.id, at: a.startedAt }));
  const consults: ResumePoint[] = input.openConsults.map((c) => ({ kind: 'consult', caseId: c.caseId, attemptId: c.id, at: c.startedAt }));
  const lesson = nextLesson(input.modules, input.completions);
  const points = [...quizzes, ...consults, ...(lesson ? [lesson] : [])];
  // A lesson never started sorts last: an open attempt is the more urgent thing to finish.
  return points.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0));
}

export type ResultFact = { kind: 'quiz' | 'consult'; id: string; itemId: string; at: Date; score: number | null; passed: boolean | null };

/** The latest graded quiz attempts and finished consults, newest first. */
export function recentResults(results: readonly ResultFact[], limit = 5): ResultFact[] {
  return [...results].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
