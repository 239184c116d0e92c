// Where a learner stands against a cohort's due date. Pure: the caller brings the evidence and `now`.

export type ReadinessStatus = 'ready' | 'on-track' | 'behind' | 'not-started';

export type StatusInput = {
  /** Holds a valid certificate for the cohort's programme. */
  certified: boolean;
  /** Share of the programme's requirements met, 0 to 1. */
  progress: number;
  /** Whether the learner has done anything towards the programme at all. */
  started: boolean;
  cohortStart: Date;
  dueDate: Date;
};

/** How far behind the calendar a learner may be and still count as on track (a share, 0..1). */
export const readinessGrace = 0.1;

/**
 * The definition shown on the dashboard: **ready** = certified; **not started** = nothing done;
 * **on track** = the share of requirements met is at least the share of the cohort's time that
 * has passed (less a grace of `grace`, `readinessGrace` = 10 points by default); **behind** = anything else,
 * including everyone not certified once the due date has passed.
 */
export function readinessStatus(input: StatusInput, now: Date, grace = readinessGrace): ReadinessStatus {
  if (input.certified) return 'ready';
  if (!input.started) return 'not-started';
  const span = input.dueDate.getTime() - input.cohortStart.getTime();
  const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (now.getTime() - input.cohortStart.getTime()) / span));
  if (now.getTime() >= input.dueDate.getTime()) return 'behind';
  return input.progress >= elapsed - grace ? 'on-track' : 'behind';
}
