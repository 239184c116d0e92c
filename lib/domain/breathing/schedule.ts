// When the drawn child breathes: exactly `rate` breaths start inside the counted minute, spread
// unevenly (children breathe irregularly), with the scenario's pauses inserted, and what the
// picture shows at any moment (a frozen video keeps showing the frame it froze on). Pure: the
// jitter comes from a seed, so a scenario always plays the same way.

export const MINUTE_SECONDS = 60;

export type Interval = { at: number; seconds: number };
export type BreathPlan = { rate: number; pauses: readonly Interval[]; seed: string };

/** A small deterministic generator (mulberry32) seeded from a string. */
function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Onset times (seconds from the start of the minute) of every breath: exactly `rate` of them, all inside [0, 60). */
export function breathOnsets(plan: BreathPlan): number[] {
  const pauses = [...plan.pauses].sort((a, b) => a.at - b.at);
  const paused = pauses.reduce((sum, p) => sum + p.seconds, 0);
  const active = MINUTE_SECONDS - paused;
  if (plan.rate < 1 || active <= 0) return [];
  const period = active / plan.rate;
  const random = seededRandom(plan.seed);
  // Each breath starts somewhere in the middle of its own slot, so jitter never moves one across
  // the start or the end of the minute and the count inside the minute is always exactly `rate`.
  const onActiveClock = Array.from({ length: plan.rate }, (_, i) => (i + 0.35 + random() * 0.3) * period);
  // Pauses are placed on the real clock; on the active clock each one starts earlier by the pauses before it.
  let before = 0;
  const activeStarts = pauses.map((p) => {
    const start = p.at - before;
    before += p.seconds;
    return { start, seconds: p.seconds };
  });
  return onActiveClock.map((t) => t + activeStarts.filter((p) => p.start <= t).reduce((sum, p) => sum + p.seconds, 0));
}

/** How far in the chest is (0 at rest, 1 at the end of breathing in) at `t` seconds, for breaths of a given length. */
export function chestExpansion(onsets: readonly number[], t: number, breathSeconds: number): number {
  let onset = -Infinity;
  for (const o of onsets) {
    if (o > t) break;
    onset = o;
  }
  const phase = (t - onset) / breathSeconds;
  if (!(phase >= 0 && phase < 1)) return 0;
  // In for the first 40% of a breath, out for the rest.
  return phase < 0.4 ? Math.sin((Math.PI / 2) * (phase / 0.4)) : Math.cos((Math.PI / 2) * ((phase - 0.4) / 0.6));
}

/** How long one drawn breath lasts: most of the gap between breaths, so breaths never merge. */
export function breathLength(rate: number, paused: number): number {
  const period = (MINUTE_SECONDS - paused) / Math.max(rate, 1);
  return Math.min(period * 0.8, 2.5);
}

/** The moment of the scenario the screen shows at real time `t`: a frozen picture keeps showing `freeze.at`. */
export function shownTime(t: number, freeze: Interval | null): number {
  if (!freeze || t < freeze.at) return t;
  return t < freeze.at + freeze.seconds ? freeze.at : t;
}

/** Whether `t` falls inside one of the intervals (a movement artefact, say). */
export function within(intervals: readonly Interval[], t: number): boolean {
  return intervals.some((i) => t >= i.at && t < i.at + i.seconds);
}
