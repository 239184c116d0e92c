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
 * What the calendar alone decides for one cohort at `now`, the same for every member: whether the
 * due date has passed, and the least progress that counts as on track. An aggregate over many
 * members (in the database) applies it to each member's figures with `statusUnder`.
 */
export type StatusRule = { pastDue: boolean; onTrackFrom: number };

/** The cohort's rule at `now`: the share of its time passed (0..1) less the grace. */
export function statusRule(cohortStart: Date, dueDate: Date, now: Date, grace = readinessGrace): StatusRule {
  const span = dueDate.getTime() - cohortStart.getTime();
  const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (now.getTime() - cohortStart.getTime()) / span));
  return { pastDue: now.getTime() >= dueDate.getTime(), onTrackFrom: elapsed - grace };
}

/** A member's status under their cohort's rule, in the order the definition below gives. */
export function statusUnder(rule: StatusRule, member: Pick<StatusInput, 'certified' | 'progress' | 'started'>): ReadinessStatus {
  if (member.certified) return 'ready';
  if (!member.started) return 'not-started';
  if (rule.pastDue) return 'behind';
  return member.progress >= rule.onTrackFrom ? 'on-track' : 'behind';
}

/**
 * The definition shown on the dashboard: **ready** = certified; **not started** = nothing done;
 * **on track** = the share of requirements met is at least the share of the cohort's time that
 * has passed (less a grace of `grace`, `readinessGrace` = 10 points by default); **behind** = anything else,
 * including everyone not certified once the due date has passed.
 */
export function readinessStatus(input: StatusInput, now: Date, grace = readinessGrace): ReadinessStatus {
  return statusUnder(statusRule(input.cohortStart, input.dueDate, now, grace), input);
}
