// Home blood pressure monitoring (NICE NG136 recommendation 1.2.7, taught as usual practice in
// Module 9): two seated readings morning and evening for at least 4 days, ideally 7; discard day 1
// and average all the remaining readings, systolic and diastolic separately. Pure.

export type Reading = { systolic: number; diastolic: number };
/** One day of the diary: every reading of that day, morning and evening. */
export type DiaryDay = { readings: readonly Reading[] };
export type HomeAverage = { systolic: number; diastolic: number; readings: number; days: number };

/** NICE NG136: record for at least 4 days (ideally 7). Fewer days cannot give a usable average. */
export const MIN_DIARY_DAYS = 4;

// NICE NG136 via GPnotebook (course brief §3.5): for people under 80 on treatment, the home target is
// below 135/85 (the clinic target of 140/90 minus 5 mmHg). The course teaches no number at 80 and over.
export const HOME_TARGET_UNDER_80: Reading = { systolic: 135, diastolic: 85 };

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** The mean of every reading, day 1 included or not, each rounded to a whole mmHg (half up). */
export function averageReadings(days: readonly DiaryDay[]): HomeAverage | null {
  const readings = days.flatMap((d) => d.readings);
  if (readings.length === 0) return null;
  return {
    systolic: Math.round(mean(readings.map((r) => r.systolic))),
    diastolic: Math.round(mean(readings.map((r) => r.diastolic))),
    readings: readings.length,
    days: days.length,
  };
}

/** The NICE home average: day 1 discarded, the rest averaged; null when fewer than 4 days were recorded. */
export function homeAverage(days: readonly DiaryDay[]): HomeAverage | null {
  if (days.length < MIN_DIARY_DAYS) return null;
  return averageReadings(days.slice(1));
}

/** Above the home target when either number reaches it: the target is below 135 AND below 85. */
export function aboveHomeTarget(average: Reading, target: Reading = HOME_TARGET_UNDER_80): boolean {
  return average.systolic >= target.systolic || average.diastolic >= target.diastolic;
}
