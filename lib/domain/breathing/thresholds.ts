// WHO IMCI fast-breathing thresholds, counted over a full 60 seconds (WHO IMCI Chart Booklet 2014;
// content brief §3.1): under 2 months 60/min or more; 2 months up to 12 months 50/min or more;
// 12 months up to 5 years 40/min or more. Pure: no I/O.

export type AgeUnit = 'weeks' | 'months' | 'years';
export type Age = { value: number; unit: AgeUnit };
export type AgeBand = 'young-infant' | 'infant' | 'child';

/** The IMCI fast-breathing threshold of each age band, in breaths per minute (inclusive). */
export const FAST_BREATHING_THRESHOLD: Readonly<Record<AgeBand, number>> = { 'young-infant': 60, infant: 50, child: 40 };

/** How each band is named to learners, as in the IMCI chart. */
export const AGE_BAND_LABEL: Readonly<Record<AgeBand, string>> = {
  'young-infant': 'under 2 months',
  infant: '2 months up to 12 months',
  child: '12 months up to 5 years',
};

// A month is 52/12 weeks, so 8 weeks (56 days) is still under 2 months, as IMCI's young infant
// ("up to 2 months", 0-59 days) requires.
const WEEKS_PER_MONTH = 52 / 12;

/** Age in months (fractional for weeks). */
export function ageInMonths(age: Age): number {
  switch (age.unit) {
    case 'weeks':
      return age.value / WEEKS_PER_MONTH;
    case 'months':
      return age.value;
    case 'years':
      return age.value * 12;
    default: {
      const unknown: never = age.unit;
      throw new Error(`unknown age unit ${String(unknown)}`);
    }
  }
}

/** The IMCI age band; IMCI's breathing thresholds stop at 5 years, so older children are refused. */
export function ageBand(age: Age): AgeBand {
  const months = ageInMonths(age);
  if (!Number.isFinite(months) || months < 0) throw new RangeError('age must be zero or more');
  if (months >= 60) throw new RangeError('the IMCI breathing thresholds apply up to 5 years of age');
  if (months < 2) return 'young-infant';
  if (months < 12) return 'infant';
  return 'child';
}

/** The fast-breathing threshold for a child of this age (breaths per minute, inclusive). */
export function fastBreathingThreshold(age: Age): number {
  return FAST_BREATHING_THRESHOLD[ageBand(age)];
}

/** Whether a full-minute count is fast breathing for this age: at or above the threshold. */
export function isFastBreathing(age: Age, breathsPerMinute: number): boolean {
  return breathsPerMinute >= fastBreathingThreshold(age);
}

/** "10 months", "6 weeks", "2 years": how an age is written. */
export function formatAge(age: Age): string {
  const unit = age.value === 1 ? age.unit.slice(0, -1) : age.unit;
  return `${age.value} ${unit}`;
}
