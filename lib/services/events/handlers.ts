import 'server-only';
// What follows each learning event, registered once: a writer only appends the event (see
// lib/domain/events for which handlers follow which kind); nothing depends on a caller remembering.
import type { Db } from '@/db/client';
import { markMembershipChanged } from '@/db/queries/cohort-members';
import type { StoredEvent } from '@/db/queries/events';
import { type HandlerName, eventPayloads } from '@/lib/domain/events';
import { issueEarnedCertificates } from '../certificates';

export type Handler = {
  /**
   * Inline handlers also run in the request that wrote the event, before it answers (the learner
   * sees the certificate at once); every handler runs in the recovery pass.
   */
  inline: boolean;
  /** Runs in the transaction that marks the delivery done: its writes and the mark commit together. */
  handle: (tx: Db, event: StoredEvent, now: Date) => Promise<void>;
};

export const handlers: Record<HandlerName, Handler> = {
  certificates: {
    inline: true,
    // Dated when the event happened, not when it was processed: a certificate is earned the moment
    // the last requirement is met, even if a crash delayed the follow-up (and a request can find
    // what its own event earned, whichever request processed it).
    handle: async (tx, event) => {
      if (event.userId) await issueEarnedCertificates(tx, event.userId, event.occurredAt);
    },
  },
  'cohort-summaries': {
    inline: true,
    handle: async (tx, event) => {
      const kind = event.kind === 'cohort.joined' ? 'cohort.joined' : 'cohort.left';
      await markMembershipChanged(tx, eventPayloads[kind].parse(event.payload).cohortId);
    },
  },
};
