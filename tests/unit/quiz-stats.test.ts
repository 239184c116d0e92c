import { describe, expect, test } from 'vitest';
import { gradeAttempt, itemFlags, itemStatistics, MIN_ATTEMPTS_FOR_DISCRIMINATION, type Answers, type Grade } from '@/lib/domain/quiz';
import { buildQuiz, multiple, plainPaper, single } from '../support/quiz-fixture';

describe('itemStatistics on a hand-computed example', () => {
  // s1: single keyed a (of a..d); m1: multiple keyed a, b (of a..d), partial credit; s2 never drawn.
  const quiz = buildQuiz({ questions: [single('s1'), multiple('m1', ['a', 'b']), single('s2')], draw: { count: 2 } });
  const paper = plainPaper(quiz).slice(0, 2);
  const answers: Answers[] = [
    { s1: ['a'], m1: ['a', 'b'] }, // 1 + 1   = 2   -> 100
    { s1: ['b'], m1: ['a'] }, //      0 + 1/2 = 0.5 -> 25
    { s1: ['a'] }, //                 1 + 0   = 1   -> 50
    { m1: ['a', 'c'] }, //            0 + 0   = 0   -> 0
  ];
  const stats = itemStatistics(quiz, answers.map((a) => ({ paper, answers: a, grade: gradeAttempt(quiz, paper, a) })));

  test('scores: mean and 10-point bins', () => {
    expect(stats.attempts).toBe(4);
    expect(stats.meanScore).toBe(43.75);
    expect(stats.distribution.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
    expect(stats.distribution[9]).toEqual({ from: 90, to: 100, count: 1 });
  });

  test.each([
    { questionId: 's1', n: 4, facility: 0.5, options: [2, 1, 0, 0], unanswered: 1 },
    { questionId: 'm1', n: 4, facility: 0.375, options: [3, 1, 1, 0], unanswered: 1 },
    { questionId: 's2', n: 0, facility: null, options: [0, 0, 0, 0], unanswered: 0 },
  ])('item $questionId: n $n, facility $facility', ({ questionId, n, facility, options, unanswered }) => {
    const item = stats.items.find((i) => i.questionId === questionId);
    expect(item).toEqual({
      questionId,
      n,
      facility,
      discrimination: null,
      options: ['a', 'b', 'c', 'd'].map((optionId, i) => ({ optionId, count: options[i] })),
      unanswered,
    });
  });

  test('no attempts: no mean, empty bins, n 0', () => {
    const empty = itemStatistics(quiz, []);
    expect(empty.meanScore).toBeNull();
    expect(empty.distribution.every((b) => b.count === 0)).toBe(true);
    expect(empty.items.map((i) => i.n)).toEqual([0, 0, 0]);
  });
});

describe('itemStatistics: discrimination', () => {
  const quiz = buildQuiz({ questions: [single('s1')], draw: { count: 1 } });

  function graded(score: number, correct: boolean): { grade: Grade } {
    const question = { questionId: 's1', correct, credit: correct ? 1 : 0, chosen: [correct ? 'a' : 'b'], key: ['a'] };
    return { grade: { questions: [question], earned: question.credit, total: 1, score, passed: score >= 70 } };
  }

  // Scores 100, 90 … 10; the 27% groups of 10 are the top 3 and bottom 3.
  const correctByRank = [true, true, false, true, false, true, false, false, true, false];
  const ten = correctByRank.map((correct, i) => graded(100 - i * 10, correct));

  test('upper 27% minus lower 27%: 2/3 − 1/3', () => {
    expect(itemStatistics(quiz, ten).items[0]?.discrimination).toBeCloseTo(1 / 3, 12);
  });

  test('input order does not matter, only the scores', () => {
    expect(itemStatistics(quiz, [...ten].reverse()).items[0]?.discrimination).toBeCloseTo(1 / 3, 12);
  });

  test.each([
    { name: `null below ${MIN_ATTEMPTS_FOR_DISCRIMINATION} attempts`, attempts: ten.slice(0, MIN_ATTEMPTS_FOR_DISCRIMINATION - 1), discrimination: null },
    { name: 'a perfect item scores 1', attempts: correctByRank.map((_, i) => graded(100 - i * 10, i < 5)), discrimination: 1 },
    { name: 'an inverted item scores -1', attempts: correctByRank.map((_, i) => graded(100 - i * 10, i >= 5)), discrimination: -1 },
  ])('$name', ({ attempts, discrimination }) => {
    expect(itemStatistics(quiz, attempts).items[0]?.discrimination).toBe(discrimination);
  });
});

describe('itemFlags', () => {
  test.each([
    { name: '9 attempts saw a question everyone failed: too few to flag', item: { n: 9, facility: 0, discrimination: null }, flags: [] },
    { name: 'the 10th attempt: hard', item: { n: 10, facility: 0.29, discrimination: 0.5 }, flags: ['hard'] },
    { name: 'facility exactly 30%: not hard', item: { n: 10, facility: 0.3, discrimination: 0.5 }, flags: [] },
    { name: 'facility above 90% and poor discrimination', item: { n: 40, facility: 0.95, discrimination: 0.1 }, flags: ['easy', 'low discrimination'] },
    { name: 'discrimination exactly 0.2: fine', item: { n: 40, facility: 0.6, discrimination: 0.2 }, flags: [] },
  ])('$name', ({ item, flags }) => {
    expect(itemFlags(item)).toEqual(flags);
  });
});
