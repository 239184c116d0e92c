// Every programme can be earned from the shipped content alone: each required quiz is passed by
// answering its key on a drawn paper, and each consult is passed along its expert path.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Catalog, loadCatalog } from '@/lib/content/catalog';
import { type AttemptFact, evaluateProgramme, evidenceFromAttempts } from '@/lib/domain/certification';
import { finishConsult, startConsult, stepConsult } from '@/lib/domain/consult';
import { drawQuestions, gradeAttempt } from '@/lib/domain/quiz';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(path.join(process.cwd(), 'content'));
});

function passQuiz(quizId: string): number {
  const quiz = catalog.quizzes.find((q) => q.def.id === quizId)!.def;
  const paper = drawQuestions(quiz, 12345);
  const answers = Object.fromEntries(paper.map((p) => [p.questionId, quiz.questions.find((q) => q.id === p.questionId)!.key]));
  return gradeAttempt(quiz, paper, answers).score;
}

function playExpertPath(caseId: string): AttemptFact {
  const caseDef = catalog.cases.find((c) => c.def.id === caseId)!.def;
  let state = startConsult(caseDef);
  for (const choiceId of caseDef.expertPath) {
    const stepped = stepConsult(caseDef, state, choiceId);
    if (!stepped.ok) throw new Error(`${caseId}: expert choice ${choiceId} refused (${stepped.error})`);
    state = stepped.state;
  }
  const finished = finishConsult(caseDef, state, caseDef.note.expert);
  if (!finished.ok) throw new Error(`${caseId}: expert path did not end`);
  return { kind: 'consult', id: caseId, score: finished.result.total.percent, passed: finished.result.passed, finished: true };
}

describe('every programme can be earned from shipped content', () => {
  test('there is at least one programme for students and one for doctors', () => {
    const audiences = catalog.programmes.flatMap((p) => p.def.audience);
    expect(audiences).toContain('student');
    expect(audiences).toContain('doctor');
  });

  test.each(['readiness-students', 'practice-doctors'])('%s', (programmeId) => {
    const programme = catalog.programmes.find((p) => p.def.id === programmeId)!.def;
    const { modules, quizzes, consults } = programme.requirements;
    const evidence = evidenceFromAttempts(modules, [
      ...quizzes.map((q): AttemptFact => ({ kind: 'quiz', id: q.quiz, score: passQuiz(q.quiz) })),
      ...[...consults.required, ...(consults.anyOf?.from ?? [])].map(playExpertPath),
    ]);
    const passMarks = new Map(catalog.quizzes.map((q) => [q.def.id, q.def.passMark]));
    const result = evaluateProgramme(programme, evidence, passMarks);
    expect(result.missing).toEqual([]);
    expect(result.earned).toBe(true);
  });
});
