import { describe, expect, test } from 'vitest';
import type { MultipleResponse } from '@/lib/content/schemas/quiz';
import { gradeAttempt, validateAgainstQuiz, validateAnswer, type Answers } from '@/lib/domain/quiz';
import { bankOf, buildQuiz, keyAnswers, multiple, plainPaper, single } from '../support/quiz-fixture';

/** Answers the first `right` questions correctly and the rest with a wrong option. */
function rightOf(total: number, right: number): Answers {
  return Object.fromEntries(Array.from({ length: total }, (_, i) => [`q${i + 1}`, [i < right ? 'a' : 'b']]));
}

describe('gradeAttempt: the pass mark', () => {
  // Each passing row is one where earned / total * 100 in floating point falls just below the mark.
  test.each([
    { name: 'pass mark exactly reached (7 of 10 at 70)', total: 10, right: 7, passMark: 70, score: 70, passed: true },
    { name: 'one question below (6 of 10 at 70)', total: 10, right: 6, passMark: 70, score: 60, passed: false },
    { name: 'pass mark exactly reached where float gives 57.999… (29 of 50 at 58)', total: 50, right: 29, passMark: 58, score: 58, passed: true },
    { name: 'one question below (28 of 50 at 58)', total: 50, right: 28, passMark: 58, score: 56, passed: false },
    { name: 'pass mark exactly reached where float gives 56.999… (57 of 100 at 57)', total: 100, right: 57, passMark: 57, score: 57, passed: true },
    { name: 'one question below (56 of 100 at 57)', total: 100, right: 56, passMark: 57, score: 56, passed: false },
    { name: 'pass mark 0 passes with nothing right', total: 10, right: 0, passMark: 0, score: 0, passed: true },
    { name: 'pass mark 100 needs every question', total: 10, right: 9, passMark: 100, score: 90, passed: false },
  ])('$name', ({ total, right, passMark, score, passed }) => {
    const quiz = bankOf(total, { passMark });
    const grade = gradeAttempt(quiz, plainPaper(quiz), rightOf(total, right));
    expect({ score: grade.score, passed: grade.passed, earned: grade.earned, total: grade.total }).toEqual({ score, passed, earned: right, total });
  });

  test('three partial thirds make an exact seventh point (6 + 1/3 + 1/3 + 1/3 is 6.999… in float)', () => {
    const questions = [...Array.from({ length: 7 }, (_, i) => single(`q${i + 1}`)), multiple('m1'), multiple('m2'), multiple('m3')];
    const quiz = buildQuiz({ questions, draw: { count: 10 }, passMark: 70 });
    const answers = { ...rightOf(7, 6), m1: ['a'], m2: ['b'], m3: ['a', 'b', 'd'] };
    const grade = gradeAttempt(quiz, plainPaper(quiz), answers);
    expect(grade.questions.slice(7).map((q) => q.credit)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(grade.score).toBe(70);
    expect(grade.passed).toBe(true);
  });

  test('the score is floored to one decimal, never rounded up past a missed mark (2 of 3 is 66.6)', () => {
    const quiz = bankOf(3, { passMark: 67 });
    const grade = gradeAttempt(quiz, plainPaper(quiz), rightOf(3, 2));
    expect(grade.score).toBe(66.6);
    expect(grade.passed).toBe(false);
  });

  test('an empty paper never passes', () => {
    const grade = gradeAttempt(bankOf(3, { passMark: 0 }), [], {});
    expect(grade).toEqual({ questions: [], earned: 0, total: 0, score: 0, passed: false });
  });
});

describe('gradeAttempt: credit', () => {
  // q9: key a, b, c of a..d.
  test.each([
    { chosen: ['a', 'b', 'c'], partial: 1, allOrNothing: 1, noPenalty: 1 },
    { chosen: ['c', 'b', 'a'], partial: 1, allOrNothing: 1, noPenalty: 1 },
    { chosen: ['a', 'b'], partial: 2 / 3, allOrNothing: 0, noPenalty: 2 / 3 },
    { chosen: ['a'], partial: 1 / 3, allOrNothing: 0, noPenalty: 1 / 3 },
    { chosen: ['a', 'b', 'c', 'd'], partial: 2 / 3, allOrNothing: 0, noPenalty: 1 },
    { chosen: ['a', 'd'], partial: 0, allOrNothing: 0, noPenalty: 1 / 3 },
    { chosen: ['d'], partial: 0, allOrNothing: 0, noPenalty: 0 },
    { chosen: [], partial: 0, allOrNothing: 0, noPenalty: 0 },
  ])('multiple response $chosen: partial $partial, all-or-nothing $allOrNothing, no-penalty $noPenalty', ({ chosen, partial, allOrNothing, noPenalty }) => {
    const policies: [MultipleResponse, number][] = [
      ['partial', partial],
      ['all-or-nothing', allOrNothing],
      ['no-penalty', noPenalty],
    ];
    for (const [policy, credit] of policies) {
      const quiz = buildQuiz({ multipleResponse: policy });
      const q9 = gradeAttempt(quiz, plainPaper(quiz), { q9: chosen }).questions.find((q) => q.questionId === 'q9');
      expect(q9?.credit).toBeCloseTo(credit, 12);
      expect(q9?.correct).toBe(credit === 1);
    }
  });

  test.each([
    { name: 'single, the key', id: 'q1', chosen: ['a'], credit: 1 },
    { name: 'single, a wrong option', id: 'q1', chosen: ['b'], credit: 0 },
    { name: 'single, the key and another (not allowed, earns nothing)', id: 'q1', chosen: ['a', 'b'], credit: 0 },
    { name: 'true-false, the key', id: 'q7', chosen: ['f'], credit: 1 },
    { name: 'true-false, the other', id: 'q7', chosen: ['t'], credit: 0 },
    { name: 'vignette, the key', id: 'q8', chosen: ['a'], credit: 1 },
    { name: 'unanswered', id: 'q1', chosen: [], credit: 0 },
    { name: 'an unknown option beside the key is ignored', id: 'q1', chosen: ['a', 'zz'], credit: 1 },
    { name: 'a repeated key counts once', id: 'q1', chosen: ['a', 'a'], credit: 1 },
  ])('$name', ({ id, chosen, credit }) => {
    const quiz = buildQuiz();
    const graded = gradeAttempt(quiz, plainPaper(quiz), { [id]: chosen }).questions.find((q) => q.questionId === id);
    expect(graded?.credit).toBe(credit);
  });

  test('answers to questions not on the paper are ignored, and chosen follows the paper order', () => {
    const quiz = buildQuiz();
    const paper = [{ questionId: 'q9', optionOrder: ['d', 'c', 'b', 'a'] }];
    const grade = gradeAttempt(quiz, paper, { q1: ['a'], q9: ['a', 'c'], nope: ['a'] });
    expect(grade).toEqual({
      questions: [{ questionId: 'q9', correct: false, credit: 2 / 3, chosen: ['c', 'a'], key: ['a', 'b', 'c'] }],
      earned: 2 / 3,
      total: 1,
      score: 66.6,
      passed: false,
    });
  });

  test('a question id that is also an Object property name is unanswered when absent', () => {
    const quiz = buildQuiz({ questions: [single('constructor'), single('to-string')], draw: { count: 2 } });
    expect(gradeAttempt(quiz, plainPaper(quiz), {}).earned).toBe(0);
  });

  test('the key answers score 100', () => {
    const quiz = buildQuiz();
    expect(gradeAttempt(quiz, plainPaper(quiz), keyAnswers(quiz))).toMatchObject({ score: 100, passed: true, earned: 10 });
  });
});

describe('validateAnswer', () => {
  const quiz = buildQuiz();
  const paper = plainPaper(quiz).filter((p) => p.questionId !== 'q2');

  test.each([
    { name: 'one option for a single question', id: 'q1', chosen: ['b'], check: { ok: true } },
    { name: 'clearing an answer', id: 'q1', chosen: [], check: { ok: true } },
    { name: 'several options for a multiple question', id: 'q9', chosen: ['a', 'b', 'd'], check: { ok: true } },
    { name: 'every option for a multiple question', id: 'q9', chosen: ['a', 'b', 'c', 'd'], check: { ok: true } },
    { name: 'a repeated option counts once', id: 'q1', chosen: ['a', 'a'], check: { ok: true } },
    { name: 'a question not in the quiz', id: 'nope', chosen: ['a'], check: { ok: false, error: 'unknown_question' } },
    { name: 'a quiz question not on this paper', id: 'q2', chosen: ['a'], check: { ok: false, error: 'unknown_question' } },
    { name: 'an option the question does not have', id: 'q1', chosen: ['e'], check: { ok: false, error: 'unknown_option' } },
    { name: 'a/b on a true-false question', id: 'q7', chosen: ['a'], check: { ok: false, error: 'unknown_option' } },
    { name: 'two options for a single question', id: 'q1', chosen: ['a', 'b'], check: { ok: false, error: 'too_many' } },
    { name: 'both options for a true-false question', id: 'q7', chosen: ['t', 'f'], check: { ok: false, error: 'too_many' } },
    { name: 'two options for a vignette question', id: 'q8', chosen: ['a', 'c'], check: { ok: false, error: 'too_many' } },
  ])('$name', ({ id, chosen, check }) => {
    expect(validateAnswer(quiz, paper, id, chosen)).toEqual(check);
  });

  // The save checks the quiz half first and the paper in the statement that writes: the two halves
  // together must decide as validateAnswer does, on this table and on a paper with every question.
  test('is the quiz half (validateAgainstQuiz) with the paper holding the question and every option chosen', () => {
    const full = plainPaper(quiz);
    const cases = [['q1', ['b']], ['q1', []], ['q9', ['a', 'b', 'd']], ['q1', ['a', 'a']], ['nope', ['a']], ['q2', ['a']], ['q1', ['e']], ['q7', ['a']], ['q1', ['a', 'b']], ['q7', ['t', 'f']], ['q8', ['a', 'c']]] as const;
    for (const p of [paper, full]) {
      for (const [id, chosen] of cases) {
        const entry = p.find((e) => e.questionId === id);
        const onPaper = entry !== undefined && chosen.every((o) => entry.optionOrder.includes(o));
        expect(validateAgainstQuiz(quiz, id, chosen).ok && onPaper, `${id} ${chosen.join()}`).toBe(validateAnswer(quiz, p, id, chosen).ok);
      }
    }
    expect(validateAgainstQuiz(quiz, 'q2', ['a'])).toEqual({ ok: true });
  });
});
