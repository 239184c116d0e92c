// The WHO IMCI fast-breathing rule at every boundary (content brief §3.1): the age bands and the
// thresholds, both inclusive, and grading an attempt of the breath-count trainer against them.
import { describe, expect, test } from 'vitest';
import { type Age, ageBand, fastBreathingThreshold, gradeBreathCount, isFastBreathing } from '@/lib/domain/breathing';

const months = (value: number): Age => ({ value, unit: 'months' });
const weeks = (value: number): Age => ({ value, unit: 'weeks' });
const years = (value: number): Age => ({ value, unit: 'years' });

describe('the IMCI age band', () => {
  test.each([
    { name: 'a newborn is a young infant', age: weeks(0), band: 'young-infant' },
    { name: '8 weeks (56 days) is still under 2 months', age: weeks(8), band: 'young-infant' },
    { name: '9 weeks is past 2 months', age: weeks(9), band: 'infant' },
    { name: 'exactly 2 months starts the 2-12 month band', age: months(2), band: 'infant' },
    { name: '11 months is in the 2-12 month band', age: months(11), band: 'infant' },
    { name: 'exactly 12 months starts the 12 months-5 years band', age: months(12), band: 'child' },
    { name: '1 year equals 12 months', age: years(1), band: 'child' },
    { name: '4 years is in the last band', age: years(4), band: 'child' },
  ])('$name', ({ age, band }) => {
    expect(ageBand(age)).toBe(band);
  });

  test('the thresholds stop at 5 years: a 5-year-old is refused, not guessed', () => {
    expect(() => ageBand(years(5))).toThrow(RangeError);
    expect(() => ageBand(months(60))).toThrow(RangeError);
    expect(() => ageBand(months(-1))).toThrow(RangeError);
  });
});

describe('fast breathing is at or above the threshold for the age', () => {
  test.each([
    { name: '59 at 6 weeks is not fast (under 2 months: 60 or more)', age: weeks(6), rate: 59, fast: false },
    { name: '60 at 6 weeks is fast', age: weeks(6), rate: 60, fast: true },
    { name: '49 at 10 months is not fast (2-12 months: 50 or more)', age: months(10), rate: 49, fast: false },
    { name: '50 at 10 months is fast', age: months(10), rate: 50, fast: true },
    { name: '51 at 10 months is fast', age: months(10), rate: 51, fast: true },
    { name: '49 at 12 months is fast: the threshold drops to 40 on the first birthday', age: months(12), rate: 49, fast: true },
    { name: '39 at 2 years is not fast (12 months-5 years: 40 or more)', age: years(2), rate: 39, fast: false },
    { name: '40 at 2 years is fast', age: years(2), rate: 40, fast: true },
  ])('$name', ({ age, rate, fast }) => {
    expect(isFastBreathing(age, rate)).toBe(fast);
  });

  test('the thresholds are 60, 50 and 40', () => {
    expect([fastBreathingThreshold(weeks(3)), fastBreathingThreshold(months(6)), fastBreathingThreshold(years(3))]).toEqual([60, 50, 40]);
  });
});

describe('grading an attempt', () => {
  const bilal = { age: months(10), rate: 49, indrawing: false, frozen: false };

  test('a count within two breaths, the right class and indrawing right is correct', () => {
    const f = gradeBreathCount(bilal, { count: 48, classification: 'not-fast', indrawing: false });
    expect(f).toMatchObject({ threshold: 50, expected: 'not-fast', countError: -1, countWithinTolerance: true, correct: true });
  });

  test('at the boundary, counting 51 for a true 49 calls it fast: the class is wrong even though the count is close', () => {
    const f = gradeBreathCount(bilal, { count: 51, classification: 'fast', indrawing: false });
    expect(f).toMatchObject({ countWithinTolerance: true, countClassification: 'fast', classificationCorrect: false, correct: false });
  });

  test('a count three out is not accepted, even with the right class', () => {
    expect(gradeBreathCount(bilal, { count: 46, classification: 'not-fast', indrawing: false })).toMatchObject({ countError: -3, countWithinTolerance: false, correct: false });
  });

  test('missing indrawing that is there makes the attempt wrong', () => {
    const f = gradeBreathCount({ ...bilal, rate: 48, indrawing: true }, { count: 48, classification: 'not-fast', indrawing: false });
    expect(f).toMatchObject({ classificationCorrect: true, indrawingCorrect: false, correct: false });
  });

  test('on a frozen picture only "the count cannot be used" is right, whatever number is given', () => {
    const frozen = { age: months(9), rate: 58, indrawing: false, frozen: true };
    expect(gradeBreathCount(frozen, { count: null, classification: 'invalid', indrawing: null })).toMatchObject({ expected: 'invalid', correct: true, countError: null });
    expect(gradeBreathCount(frozen, { count: 58, classification: 'fast', indrawing: false })).toMatchObject({ classificationCorrect: false, correct: false });
  });

  test('calling a live, countable minute invalid is wrong', () => {
    expect(gradeBreathCount(bilal, { count: null, classification: 'invalid', indrawing: null })).toMatchObject({ correct: false });
  });
});
