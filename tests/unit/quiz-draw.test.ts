import { describe, expect, test } from 'vitest';
import { hasTag } from '@/lib/content/schemas/quiz';
import { createRandom, drawQuestions, type Paper } from '@/lib/domain/quiz';
import { buildQuiz, single } from '../support/quiz-fixture';

const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

function ids(paper: Paper): string[] {
  return paper.map((p) => p.questionId);
}

describe('createRandom', () => {
  test('the same seed gives the same stream, in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const stream = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(stream);
    expect(stream.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('the seed is used as a 32-bit unsigned integer', () => {
    expect(createRandom(2 ** 32 + 5)()).toBe(createRandom(5)());
    expect(createRandom(-1)()).toBe(createRandom(2 ** 32 - 1)());
  });
});

describe('drawQuestions', () => {
  const quiz = buildQuiz({ draw: { count: 6 } });

  test.each([0, 1, 12345, 2 ** 32 - 1])('is deterministic for seed %i', (seed) => {
    expect(drawQuestions(quiz, seed)).toEqual(drawQuestions(quiz, seed));
  });

  test('another seed draws another paper', () => {
    expect(drawQuestions(quiz, 1)).not.toEqual(drawQuestions(quiz, 2));
  });

  test('a paper survives a JSON round trip (it is stored as jsonb)', () => {
    const paper = drawQuestions(quiz, 9);
    expect(JSON.parse(JSON.stringify(paper))).toEqual(paper);
  });

  test.each(SEEDS.slice(0, 20))('seed %i draws draw.count distinct questions, each with all its options once', (seed) => {
    const paper = drawQuestions(quiz, seed);
    expect(paper).toHaveLength(6);
    expect(new Set(ids(paper)).size).toBe(6);
    for (const { questionId, optionOrder } of paper) {
      const question = quiz.questions.find((q) => q.id === questionId);
      expect([...optionOrder].sort()).toEqual(question?.options.map((o) => o.id).sort());
    }
  });

  test('true-false options always stay t then f', () => {
    const all = buildQuiz();
    for (const seed of SEEDS) {
      const tf = drawQuestions(all, seed).find((p) => p.questionId === 'q7');
      expect(tf?.optionOrder).toEqual(['t', 'f']);
    }
  });

  test('question order and option order both vary over seeds', () => {
    const all = buildQuiz();
    const orders = new Set(SEEDS.map((seed) => ids(drawQuestions(all, seed)).join()));
    const firstOptions = new Set(SEEDS.map((seed) => drawQuestions(all, seed).find((p) => p.questionId === 'q1')?.optionOrder[0]));
    expect(orders.size).toBeGreaterThan(150);
    expect(firstOptions).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  test('every question is drawn by some seed (the fill is random, not the bank order)', () => {
    const drawn = new Set(SEEDS.flatMap((seed) => ids(drawQuestions(quiz, seed))));
    expect(drawn.size).toBe(quiz.questions.length);
  });

  // 3 D4 questions in a bank of 20: a plain random draw of 4 would often hold fewer than 2.
  test.each([
    { name: 'one tag', byTag: [{ tag: 'D4', count: 2 }] },
    { name: 'two tags', byTag: [{ tag: 'D4', count: 3 }, { tag: 'D2', count: 1 }] },
    { name: 'a sub-competency tag', byTag: [{ tag: 'D4.2', count: 1 }] },
  ])('honours byTag minimums on every seed: $name', ({ byTag }) => {
    const questions = [
      single('d4-a', ['D4.1']),
      single('d4-b', ['D4.1']),
      single('d4-c', ['D4.2', 'D2']),
      ...Array.from({ length: 16 }, (_, i) => single(`other-${i}`, ['D6'])),
      single('d2-a', ['D2.1']),
    ];
    const tagged = buildQuiz({ questions, draw: { count: 4, byTag } });
    for (const seed of SEEDS) {
      const drawn = drawQuestions(tagged, seed).map((p) => tagged.questions.find((q) => q.id === p.questionId));
      expect(drawn).toHaveLength(4);
      for (const rule of byTag) {
        expect(drawn.filter((q) => q !== undefined && hasTag(q, rule.tag)).length).toBeGreaterThanOrEqual(rule.count);
      }
    }
  });

  test('byTag questions are not always placed first', () => {
    const questions = [single('tagged', ['D4.1']), ...Array.from({ length: 9 }, (_, i) => single(`other-${i}`))];
    const tagged = buildQuiz({ questions, draw: { count: 5, byTag: [{ tag: 'D4', count: 1 }] } });
    const positions = new Set(SEEDS.map((seed) => ids(drawQuestions(tagged, seed)).indexOf('tagged')));
    expect(positions).toEqual(new Set([0, 1, 2, 3, 4]));
  });
});
