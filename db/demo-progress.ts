import 'server-only';
import type { Catalog } from '@/lib/content/catalog';
import type { CaseDef } from '@/lib/content/schemas/case';
import type { ConsultState } from '@/lib/domain/consult/types';
import { finishConsult, startConsult, stepConsult } from '@/lib/domain/consult';
import { drawQuestions, gradeAttempt } from '@/lib/domain/quiz';
import { quizDomainCredit } from '@/lib/domain/readiness';
import type { Db } from './client';
import { consultAttempts, lessonCompletions, quizAttempts } from './schema';

/**
 * A finished consult attempt as stored, scored by the real engine with the case's expert note;
 * null when the played state has not reached an ending.
 */
export function finishedConsultRow(userId: string, loaded: { def: CaseDef; hash: string }, state: ConsultState, at: Date) {
  const finished = finishConsult(loaded.def, state, loaded.def.note.expert);
  if (!finished.ok) return null;
  return {
    userId,
    caseId: loaded.def.id,
    contentHash: loaded.hash,
    state,
    step: state.step,
    note: loaded.def.note.expert,
    result: finished.result,
    score: finished.result.total.percent,
    passed: finished.result.passed,
    criticalErrors: finished.result.criticalErrors,
    startedAt: at,
    updatedAt: at,
    finishedAt: at,
  } satisfies typeof consultAttempts.$inferInsert;
}

/**
 * Gives a demo learner real progress towards a programme, made with the real engines: every
 * required lesson completed but the last one, each quiz answered from its key on a drawn paper,
 * each consult played along its expert path. One lesson is left so a person (or a test) can
 * finish it and watch the certificate arrive.
 */
export async function seedNearlyCertified(db: Db, userId: string, catalog: Catalog, programmeId: string, now: Date) {
  const programme = catalog.programmes.find((p) => p.def.id === programmeId)?.def;
  if (!programme) return null;
  const { modules, quizzes, consults } = programme.requirements;
  const lessons = catalog.modules.filter((m) => modules.includes(m.slug)).flatMap((m) => m.lessons);
  const leftOut = lessons.at(-1);
  const done = lessons.slice(0, -1);
  if (done.length > 0) {
    await db.insert(lessonCompletions).values(done.map((l) => ({ userId, moduleSlug: l.moduleSlug, lessonSlug: l.slug, contentHash: l.hash, completedAt: now })));
  }
  for (const [i, req] of quizzes.entries()) {
    const loaded = catalog.quizzes.find((q) => q.def.id === req.quiz);
    if (!loaded) continue;
    const quiz = loaded.def;
    const seed = 1000 + i;
    const paper = drawQuestions(quiz, seed);
    const answers = Object.fromEntries(paper.map((p) => [p.questionId, quiz.questions.find((q) => q.id === p.questionId)?.key ?? []]));
    const grade = gradeAttempt(quiz, paper, answers);
    await db.insert(quizAttempts).values({
      userId,
      quizId: quiz.id,
      contentHash: loaded.hash,
      seed,
      paper,
      answers,
      startedAt: now,
      submittedAt: now,
      grade,
      score: grade.score,
      passed: grade.passed,
      domainCredit: quizDomainCredit(quiz.questions, grade.questions),
    });
  }
  const caseIds = [...consults.required, ...(consults.anyOf?.from.slice(0, consults.anyOf.count) ?? [])];
  for (const caseId of caseIds) {
    const loaded = catalog.cases.find((c) => c.def.id === caseId);
    if (!loaded) continue;
    const caseDef = loaded.def;
    let state = startConsult(caseDef);
    for (const choiceId of caseDef.expertPath) {
      const stepped = stepConsult(caseDef, state, choiceId);
      if (stepped.ok) state = stepped.state;
    }
    const row = finishedConsultRow(userId, loaded, state, now);
    if (row) await db.insert(consultAttempts).values(row);
  }
  return leftOut ? { moduleSlug: leftOut.moduleSlug, lessonSlug: leftOut.slug } : null;
}
