// Learning events: what happened to a learner's record, and which handlers must follow each kind.
// Pure data; the handlers themselves are in lib/services/events.
import { z } from 'zod';

const text = z.string().min(1);

/** Each kind of event and its payload, as stored in the outbox. */
export const eventPayloads = {
  'lesson.completed': z.object({ moduleSlug: text, lessonSlug: text }),
  'quiz.graded': z.object({ quizId: text, attemptId: text, score: z.number(), passed: z.boolean(), closedBy: z.enum(['learner', 'deadline']) }),
  'consult.finished': z.object({ caseId: text, attemptId: text, score: z.number(), passed: z.boolean() }),
  'certificate.issued': z.object({ certificateId: text, programmeId: text, cycle: z.number().int(), code: text }),
  'certificate.revoked': z.object({ certificateId: text, programmeId: text, code: text, reason: text }),
  'certificate.reinstated': z.object({ certificateId: text, programmeId: text, code: text, reason: text }),
  'cohort.joined': z.object({ cohortId: text }),
  'cohort.left': z.object({ cohortId: text, by: z.enum(['learner', 'staff']) }),
  'account.verified': z.object({ email: text }),
  'mail.queued': z.object({ mailId: text, kind: text }),
  // Not about one learner: a sign-off may complete a programme that issues only signed-off content.
  'content.signed-off': z.object({ decisionId: text, itemKind: text, itemId: text, hash: text }),
  // One learner kept waiting by such a programme, released by the sign-off that completed it.
  'certificate.unblocked': z.object({ programmeId: text, decisionId: text }),
} as const;

export type EventKind = keyof typeof eventPayloads;
export type EventPayload<K extends EventKind> = z.infer<(typeof eventPayloads)[K]>;

/** The work that follows events, by name. */
export const handlerNames = ['certificates', 'cohort-summaries', 'mail', 'certificate-holds', 'readiness', 'grades'] as const;
export type HandlerName = (typeof handlerNames)[number];

/**
 * Which handlers follow each kind. A delivery row is written for each, in the event's own
 * transaction, so adding a consumer here is all it takes for every writer to feed it.
 */
export const subscribers: Record<EventKind, readonly HandlerName[]> = {
  // 'readiness' refreshes the learner's rollup rows just after the response, so a dashboard
  // usually finds them current (a reader recomputes any it finds stale either way).
  // `grades`: the score goes to the LMS gradebook of any course activity linked to it (LTI AGS).
  'lesson.completed': ['certificates', 'readiness'],
  'quiz.graded': ['certificates', 'readiness', 'grades'],
  'consult.finished': ['certificates', 'readiness', 'grades'],
  'certificate.issued': ['grades'],
  'certificate.revoked': [],
  'certificate.reinstated': [],
  'cohort.joined': ['cohort-summaries', 'readiness'],
  'cohort.left': ['cohort-summaries'],
  // A verified address may release a certificate that was waiting for it.
  'account.verified': ['certificates'],
  'mail.queued': ['mail'],
  'content.signed-off': ['certificate-holds'],
  'certificate.unblocked': ['certificates'],
};

/** An event's id, derived from the row it describes: writing it again inserts nothing. */
export function eventId(kind: EventKind, sourceId: string | number): string {
  return `${kind}:${sourceId}`;
}

/** How long a failed delivery waits before its next try: 30 s, doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}
