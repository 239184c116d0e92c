// A practising doctor with everything the practice certificate asks for but one item, which the
// test then completes through the real service (a lesson, a quiz, a consult), as the app does.
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { startOrResumeConsult, stepOwnConsult } from '@/db/queries/consults';
import { type Actor, createUser } from '@/db/queries/users';
import { consultAttempts, lessonCompletions, quizAttempts } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { completeLesson, finishConsult, saveQuizAnswers, startQuiz, submitQuiz } from '@/lib/services/learning';

export const PROGRAMME = 'practice-doctors';
export type Last = 'lesson' | 'quiz' | 'consult';

async function practice() {
  const catalog = await getCatalog();
  const programme = catalog.programmes.find((p) => p.def.id === PROGRAMME)!.def;
  const lessons = catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).flatMap((m) => m.lessons);
  const { required, anyOf } = programme.requirements.consults;
  const caseIds = [...required, ...(anyOf?.from.slice(0, anyOf.count) ?? [])];
  return { catalog, programme, lessons, caseIds };
}

/**
 * A doctor who has done everything for the practice certificate except `last`: the final lesson,
 * the last quiz, or the first required consult. Rows are written directly (no events: this is the
 * past); what remains is done through the services in the test.
 */
export async function doctorOneShort(db: Db, email: string, last: Last | null, at = new Date()) {
  const { programme, lessons, caseIds } = await practice();
  const user = (await createUser(db, { name: 'Dr Saima Test', email, passwordHash: 'x', profession: 'doctor', registrationNumber: 'PMDC 54321-P', emailVerified: at }))!;
  const doneLessons = last === 'lesson' ? lessons.slice(0, -1) : lessons;
  await db.insert(lessonCompletions).values(doneLessons.map((l) => ({ userId: user.id, moduleSlug: l.moduleSlug, lessonSlug: l.slug, contentHash: l.hash, completedAt: at })));
  const quizzes = programme.requirements.quizzes.map((q) => q.quiz).slice(0, last === 'quiz' ? -1 : undefined);
  await db.insert(quizAttempts).values(quizzes.map((quizId) => ({ userId: user.id, quizId, contentHash: 'h', seed: 1, paper: [], startedAt: at, submittedAt: at, score: 90, passed: true })));
  const cases = last === 'consult' ? caseIds.slice(1) : caseIds;
  await db.insert(consultAttempts).values(cases.map((caseId) => ({ userId: user.id, caseId, contentHash: 'h', state: {}, startedAt: at, finishedAt: at, score: 90, passed: true, criticalErrors: [] })));
  return user;
}

/** What `last` leaves to do, done through the services. */
export async function completeLast(db: Db, user: Actor, last: Last, now: Date) {
  const { catalog, programme, lessons, caseIds } = await practice();
  if (last === 'lesson') {
    const lesson = lessons.at(-1)!;
    return completeLesson(db, user, { moduleSlug: lesson.moduleSlug, lessonSlug: lesson.slug, contentHash: lesson.hash }, now, null, now);
  }
  if (last === 'quiz') return passQuiz(db, user, programme.requirements.quizzes.at(-1)!.quiz, now);
  const loaded = catalog.cases.find((c) => c.def.id === caseIds[0])!;
  return playExpert(db, user, { def: loaded.def, hash: loaded.hash }, now);
}

/** Starts an attempt at a shipped quiz and saves its key; submitting is left to the caller (or to the clock). */
export async function answerQuiz(db: Db, user: Actor, quizId: string, now: Date) {
  const loaded = (await getCatalog()).quizzes.find((q) => q.def.id === quizId)!;
  const started = await startQuiz(db, user, loaded.def, loaded.hash, now);
  if (!started.ok) throw new Error(`quiz ${quizId} refused: ${started.refusal.reason}`);
  const answers = Object.fromEntries(started.attempt.paper.map((p) => [p.questionId, loaded.def.questions.find((q) => q.id === p.questionId)!.key]));
  expect((await saveQuizAnswers(db, user, started.attempt.id, loaded.def, answers, now)).ok).toBe(true);
  return { attempt: started.attempt, quiz: loaded.def };
}

async function passQuiz(db: Db, user: Actor, quizId: string, now: Date) {
  const { attempt, quiz } = await answerQuiz(db, user, quizId, now);
  return submitQuiz(db, user, attempt.id, quiz, now);
}

/** Plays a case along its expert path and finishes it with the expert note. */
export async function playExpert(db: Db, user: Actor, v: { def: Parameters<typeof startOrResumeConsult>[2]['def']; hash: string }, now: Date, path = v.def.expertPath) {
  let { attempt } = await startOrResumeConsult(db, user, v, now);
  for (const id of path) {
    const out = await stepOwnConsult(db, user, attempt.id, attempt.step, id, v, now);
    expect(out.advanced, `step ${id}`).toBe(true);
    attempt = out.attempt;
  }
  return finishConsult(db, user, attempt.id, v.def.note.expert, v, now);
}
