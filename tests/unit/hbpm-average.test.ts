// NICE NG136 home monitoring as the course teaches it (Module 9, Lesson 2): discard day 1, average
// every remaining reading, systolic and diastolic separately; home target below 135/85 under 80.
import { describe, expect, test } from 'vitest';
import { type DiaryDay, aboveHomeTarget, averageReadings, gradeDiary, homeAverage } from '@/lib/domain/hbpm';

const day = (...readings: string[]): DiaryDay => ({
  readings: readings.map((r) => {
    const [systolic = 0, diastolic = 0] = r.split('/').map(Number);
    return { systolic, diastolic };
  }),
});

// Mrs Samina Iqbal's week, the lesson's worked example.
const iqbal = [
  day('158/98', '154/96', '150/94', '148/92'),
  day('148/92', '144/90', '140/88', '140/86'),
  day('146/90', '142/88', '140/86', '140/84'),
  day('150/92', '146/92', '142/88', '138/84'),
  day('144/90', '140/88', '136/86', '136/84'),
  day('148/92', '146/90', '140/88', '138/86'),
  day('146/90', '142/88', '138/86', '138/84'),
];

describe('the home average', () => {
  test("reproduces the lesson's worked example: 142/88 from 24 readings, day 1 discarded", () => {
    expect(homeAverage(iqbal)).toEqual({ systolic: 142, diastolic: 88, readings: 24, days: 6 });
  });

  test('with day 1 left in, 143.5 rounds half up to 144 (the lesson: 143.5/89)', () => {
    expect(averageReadings(iqbal)).toMatchObject({ systolic: 144, diastolic: 89, readings: 28 });
  });

  test.each([
    { name: '3 days are too few (NICE: at least 4)', days: 3, usable: false },
    { name: '4 days are enough: day 1 discarded leaves 3', days: 4, usable: true },
  ])('$name', ({ days, usable }) => {
    expect(homeAverage(iqbal.slice(0, days)) !== null).toBe(usable);
  });

  test('missing sessions: every individual reading counts once', () => {
    expect(homeAverage([day('170/100'), day('140/90', '130/80'), day('120/80'), day('130/84')])).toMatchObject({ systolic: 130, diastolic: 84, readings: 4 });
  });
});

describe('the home target under 80 is below 135/85: above it when either number reaches it', () => {
  test.each([
    { name: '134/84 is within target', bp: { systolic: 134, diastolic: 84 }, above: false },
    { name: '135/80 is above (systolic reaches 135)', bp: { systolic: 135, diastolic: 80 }, above: true },
    { name: '128/85 is above (diastolic reaches 85)', bp: { systolic: 128, diastolic: 85 }, above: true },
  ])('$name', ({ bp, above }) => {
    expect(aboveHomeTarget(bp)).toBe(above);
  });
});

describe('grading a reading of the diary', () => {
  test('the right average within 1 mmHg and the right verdict is correct', () => {
    expect(gradeDiary(iqbal, { average: { systolic: 141, diastolic: 88 }, verdict: 'above' })).toMatchObject({ expected: 'above', averageCorrect: true, correct: true });
  });

  test('an average that kept day 1 is named as such and marked wrong', () => {
    expect(gradeDiary(iqbal, { average: { systolic: 144, diastolic: 89 }, verdict: 'above' })).toMatchObject({ includedDayOne: true, averageCorrect: false, correct: false });
  });

  test('too few days: only "ask for more readings" is right', () => {
    const short = iqbal.slice(0, 3);
    expect(gradeDiary(short, { average: null, verdict: 'too-few-days' })).toMatchObject({ expected: 'too-few-days', correct: true });
    expect(gradeDiary(short, { average: { systolic: 143, diastolic: 88 }, verdict: 'above' })).toMatchObject({ correct: false });
  });
});
