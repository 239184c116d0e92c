import 'server-only';
// What follows each learning event, registered once: a writer only appends the event (see
// lib/domain/events for which handlers follow which kind); nothing depends on a caller remembering.
import type { Db } from '@/db/client';
import { markMembershipChanged } from '@/db/queries/cohort-members';
import type { StoredEvent } from '@/db/queries/events';
import { getMail, markMailFailed, markMailSent } from '@/db/queries/mail';
import { refreshLearnerReadiness } from '@/db/queries/readiness-rollup';
import { getCatalog } from '@/lib/content';
import { type HandlerName, eventPayloads } from '@/lib/domain/events';
import { deliverMail } from '@/lib/mail/transport';
import { issueEarnedCertificates, releaseHeldCertificates } from '../certificates';
import { postGrades } from '../lti-advantage/ags';

export type Handler = {
  /**
   * Inline handlers also run in the request that wrote the event, before it answers (the learner
   * sees the certificate at once); the others run just after the response, and every handler runs
   * in the recovery pass.
   */
  inline: boolean;
  /**
   * `transaction`: the handler's writes and the delivery's "done" commit together (exactly once).
   * `lease`: for work outside the database (sending e-mail), the delivery is leased for a few
   * minutes, the work done with no transaction open, then marked done; a crash in between repeats
   * it after the lease (at least once), so such a handler must tolerate a repeat.
   */
  mode: 'transaction' | 'lease';
  handle: (db: Db, event: StoredEvent, now: Date) => Promise<void>;
};

export const handlers: Record<HandlerName, Handler> = {
  certificates: {
    inline: true,
    mode: 'transaction',
    // Dated when the event happened, not when it was processed: a certificate is earned the moment
    // the last requirement is met, even if a crash delayed the follow-up (and a request can find
    // what its own event earned, whichever request processed it).
    handle: async (tx, event) => {
      if (event.userId) await issueEarnedCertificates(tx, event.userId, event.occurredAt);
    },
  },
  'cohort-summaries': {
    inline: true,
    mode: 'transaction',
    handle: async (tx, event) => {
      const kind = event.kind === 'cohort.joined' ? 'cohort.joined' : 'cohort.left';
      await markMembershipChanged(tx, eventPayloads[kind].parse(event.payload).cohortId);
    },
  },
  readiness: {
    // Not worth a learner's wait: the dashboards recompute a stale row themselves, this only spares them the work.
    inline: false,
    mode: 'transaction',
    handle: async (tx, event) => {
      if (event.userId) await refreshLearnerReadiness(tx, event.userId, await getCatalog());
    },
  },
  'certificate-holds': {
    // Not the reviewer's own follow-up: it runs after their response, and in the recovery pass.
    inline: false,
    mode: 'transaction',
    handle: async (tx, event) => {
      const { decisionId } = eventPayloads['content.signed-off'].parse(event.payload);
      await releaseHeldCertificates(tx, decisionId, event.occurredAt);
    },
  },
  grades: {
    // Work outside the database (posting to the LMS), after the learner's response.
    inline: false,
    mode: 'lease',
    handle: postGrades,
  },
  mail: {
    inline: false,
    mode: 'lease',
    handle: async (db, event, now) => {
      const { mailId } = eventPayloads['mail.queued'].parse(event.payload);
      const mail = await getMail(db, mailId);
      // Sent already (a repeat after a crash between sending and marking the delivery done), or gone with its account.
      if (!mail || mail.sentAt || mail.textBody === null || mail.htmlBody === null) return;
      try {
        await deliverMail({ id: mail.id, to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody });
      } catch (error) {
        await markMailFailed(db, mail.id, error instanceof Error ? error.message : String(error));
        throw error;
      }
      await markMailSent(db, mail.id, now);
    },
  },
};
