import { describe, expect, test } from 'vitest';
import { drawQuestions, gradeAttempt, publicPaper, reviewFor, type Answers } from '@/lib/domain/quiz';
import { buildQuiz, keyAnswers } from '../support/quiz-fixture';
import type { ReviewPolicy } from '@/lib/content/schemas/quiz';

describe('publicPaper', () => {
  const quiz = buildQuiz();
  const paper = drawQuestions(quiz, 77);
  const view = publicPaper(quiz, paper);
  const json = JSON.stringify(view);

  test.each([
    { name: 'no key field', absent: '"key"' },
    { name: 'no rationale field', absent: '"rationale"' },
    { name: 'no references field', absent: '"references"' },
    { name: 'no competencies field', absent: '"competencies"' },
    { name: 'no rationale text', absent: 'Why q' },
    { name: 'no reference id', absent: 'ref-one' },
  ])('holds $name', ({ absent }) => {
    expect(json).not.toContain(absent);
  });

  test('lists the paper questions with options in paper order', () => {
    expect(view.map((q) => q.questionId)).toEqual(paper.map((p) => p.questionId));
    expect(view.map((q) => q.options.map((o) => o.id))).toEqual(paper.map((p) => p.optionOrder));
  });

  test('flags multiple-response questions and carries the vignette only on vignettes', () => {
    const byId = new Map(view.map((q) => [q.questionId, q]));
    expect(byId.get('q9')).toMatchObject({ type: 'multiple', multiple: true });
    expect(byId.get('q1')).toMatchObject({ type: 'single', multiple: false });
    expect(byId.get('q8')?.vignette).toBe('A mother calls about her child.');
    expect(view.filter((q) => 'vignette' in q).map((q) => q.questionId)).toEqual(['q8']);
  });
});

describe('reviewFor', () => {
  const wrongOnHalf: Answers = { ...keyAnswers(buildQuiz(), ['q1', 'q2', 'q3', 'q4', 'q5']), q6: ['b'] };

  test.each([
    { name: "'full' after a fail shows keys", review: 'full', answers: wrongOnHalf, hasPassed: false, level: 'full' },
    { name: "'score-only' after a pass hides keys", review: 'score-only', answers: keyAnswers(buildQuiz()), hasPassed: true, level: 'score-only' },
    { name: "'after-pass' after a fail, never passed, hides keys", review: 'after-pass', answers: wrongOnHalf, hasPassed: false, level: 'score-only' },
    { name: "'after-pass' on the passing attempt shows keys", review: 'after-pass', answers: keyAnswers(buildQuiz()), hasPassed: false, level: 'full' },
    { name: "'after-pass' on an earlier fail, once passed since, shows keys", review: 'after-pass', answers: wrongOnHalf, hasPassed: true, level: 'full' },
    { name: "'after-pass' after the last failed attempt still hides keys", review: 'after-pass', answers: wrongOnHalf, hasPassed: false, attemptsLeft: false, level: 'score-only' },
    { name: "'after-pass-or-last' after a fail with attempts left hides keys", review: 'after-pass-or-last', answers: wrongOnHalf, hasPassed: false, level: 'score-only' },
    { name: "'after-pass-or-last' after the last attempt, failed, shows keys", review: 'after-pass-or-last', answers: wrongOnHalf, hasPassed: false, attemptsLeft: false, level: 'full' },
    { name: "'after-pass-or-last' on the passing attempt shows keys", review: 'after-pass-or-last', answers: keyAnswers(buildQuiz()), hasPassed: false, level: 'full' },
    { name: "'after-pass-or-last' on an earlier fail, once passed since, shows keys", review: 'after-pass-or-last', answers: wrongOnHalf, hasPassed: true, level: 'full' },
  ] as { name: string; review: ReviewPolicy; answers: Answers; hasPassed: boolean; attemptsLeft?: boolean; level: string }[])('$name', ({ review, answers, hasPassed, attemptsLeft = true, level }) => {
    const quiz = buildQuiz({ review });
    const paper = drawQuestions(quiz, 5);
    const grade = gradeAttempt(quiz, paper, answers);
    const result = reviewFor(quiz, paper, grade, { hasPassed, attemptsLeft });
    expect(result.level).toBe(level);
    expect({ score: result.score, passed: result.passed }).toEqual({ score: grade.score, passed: grade.passed });
    expect(result.questions.map((q) => q.questionId)).toEqual(paper.map((p) => p.questionId));
    const json = JSON.stringify(result);
    if (level === 'full') expect(json).toContain('"rationale":"Why q1"');
    else expect(Object.keys(result.questions[0] ?? {}).sort()).toEqual(['correct', 'questionId']);
    if (level === 'score-only') expect(json).not.toMatch(/"key"|rationale|references|Why q/);
  });

  test('a full review carries the choice, key, rationale and references of each question', () => {
    const quiz = buildQuiz();
    const paper = [{ questionId: 'q9', optionOrder: ['b', 'a', 'd', 'c'] }];
    const result = reviewFor(quiz, paper, gradeAttempt(quiz, paper, { q9: ['a', 'b'] }), { hasPassed: false, attemptsLeft: true });
    expect(result.questions).toEqual([
      {
        questionId: 'q9',
        type: 'multiple',
        stem: 'Stem q9',
        options: ['b', 'a', 'd', 'c'].map((id) => ({ id, text: `Option ${id}` })),
        multiple: true,
        correct: false,
        credit: 2 / 3,
        chosen: ['b', 'a'],
        key: ['a', 'b', 'c'],
        rationale: 'Why q9',
        references: ['ref-one'],
      },
    ]);
  });
});
