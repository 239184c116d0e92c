// The shipped breath-count trainer covers what issue 17 asks of it: at least eight children across
// the three IMCI age bands, rates on both sides of a threshold (49 and 51 at 10 months), lower
// chest indrawing, irregular pauses, movement, and a frozen picture where the count must stop.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '@/lib/content/catalog';
import { ageBand, breathOnsets, isFastBreathing } from '@/lib/domain/breathing';
import { aboveHomeTarget, averageReadings, homeAverage } from '@/lib/domain/hbpm';

describe('the shipped breath-count trainer', async () => {
  const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
  const found = catalog.trainers.find((t) => t.def.id === 'imci-breath-count')?.def;
  const trainer = found?.kind === 'breath-count' ? found : undefined;

  test('exists and is valid', () => {
    expect(catalog.problems).toEqual([]);
    expect(trainer).toBeDefined();
  });

  test('has at least eight children, in all three age bands, fast and not fast', () => {
    const scenarios = trainer?.scenarios ?? [];
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(new Set(scenarios.map((s) => ageBand(s.child.age)))).toEqual(new Set(['young-infant', 'infant', 'child']));
    const live = scenarios.filter((s) => !s.freeze);
    expect(live.some((s) => isFastBreathing(s.child.age, s.rate))).toBe(true);
    expect(live.some((s) => !isFastBreathing(s.child.age, s.rate))).toBe(true);
  });

  test('includes the borderline pair 49 and 51 at 10 months', () => {
    const tenMonths = (trainer?.scenarios ?? []).filter((s) => s.child.age.unit === 'months' && s.child.age.value === 10 && !s.freeze).map((s) => s.rate);
    expect(tenMonths).toEqual(expect.arrayContaining([49, 51]));
  });

  test('includes indrawing, pauses, movement and a frozen picture', () => {
    const scenarios = trainer?.scenarios ?? [];
    expect(scenarios.some((s) => s.indrawing)).toBe(true);
    expect(scenarios.some((s) => s.pauses.length > 0)).toBe(true);
    expect(scenarios.some((s) => s.artefacts.length > 0)).toBe(true);
    expect(scenarios.some((s) => s.freeze)).toBe(true);
  });

  test('every child breathes exactly the stated rate inside the minute', () => {
    for (const s of trainer?.scenarios ?? []) {
      expect(breathOnsets({ rate: s.rate, pauses: s.pauses, seed: s.id }), s.id).toHaveLength(s.rate);
    }
  });

  test('is placed in the remote-examination module', () => {
    const lesson = catalog.modules.find((m) => m.slug === 'remote-examination')?.lessons.find((l) => l.slug === 'counting-breathing');
    expect(lesson?.body).toContain('<BreathCountTrainer trainer="imci-breath-count" />');
  });
});

describe('the shipped home blood pressure diary trainer', async () => {
  const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
  const found = catalog.trainers.find((t) => t.def.id === 'nice-home-bp-diary')?.def;
  const diaries = found?.kind === 'bp-diary' ? found.scenarios.map((s) => s.days.map((d) => ({ readings: [...d.morning, ...d.evening] }))) : [];

  test('has its traps: a first day that changes the verdict, one number above target, too few days, missed sessions', () => {
    const verdict = (days: (typeof diaries)[number], skipDayOne: boolean) => {
      const average = skipDayOne ? homeAverage(days) : averageReadings(days);
      return average === null ? 'too-few' : aboveHomeTarget(average) ? 'above' : 'within';
    };
    expect(diaries.length).toBeGreaterThanOrEqual(4);
    expect(diaries.some((d) => verdict(d, true) === 'within' && verdict(d, false) === 'above')).toBe(true);
    expect(diaries.some((d) => verdict(d, true) === 'too-few')).toBe(true);
    expect(diaries.some((d) => {
      const a = homeAverage(d);
      return a !== null && (a.systolic >= 135) !== (a.diastolic >= 85);
    })).toBe(true);
    expect(diaries.some((d) => new Set(d.map((day) => day.readings.length)).size > 1)).toBe(true);
  });

  test('is placed in the chronic-disease module', () => {
    const lesson = catalog.modules.find((m) => m.slug === 'chronic-disease')?.lessons.find((l) => l.slug === 'home-bp-logs');
    expect(lesson?.body).toContain('<BpDiaryTrainer trainer="nice-home-bp-diary" />');
  });
});
