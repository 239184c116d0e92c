// The privacy registry: every table and every column of the database, with what it holds about a
// person, whether it goes into that person's export, and what erasing their account does to it.
// tests/integration/privacy-registry.test.ts reads the migrated database and fails on any table or
// column missing here, so a new feature cannot forget to decide. Pure data: no I/O.
import { type Erasure, type TableRule, erased, personal, plain, withheld } from './rules';

export type { Column, Erasure, TableRule } from './rules';

/** Days between a deletion request and the erasure; signing in during them cancels the request. */
export const deletionGraceDays = 14;

/** What a pseudonymised account shows wherever its name was: instructors' views, admin lists. */
export const deletedLearnerName = 'Deleted learner';

/** The holder name a revoked certificate of an erased account keeps, so /verify can say "revoked". */
export const certificateTombstoneName = '[holder deleted their account]';

const byUser = (column = 'user_id') => ({ column, holds: 'user-id' }) as const;
const byEmail = (column = 'email') => ({ column, holds: 'email' }) as const;
const deleteRows: Erasure = { rows: 'delete' };

export const privacyRegistry = {
  users: {
    owners: [byUser('id')],
    export: true,
    erase: { rows: 'update', why: 'the row stays, pseudonymised, so certificates, cohorts and the audit log keep pointing at an id that names nobody' },
    columns: {
      id: plain,
      name: erased({ set: 'deleted-name' }),
      email: erased({ set: 'deleted-email' }),
      email_verified: erased({ set: null }),
      image: erased({ set: null }),
      password_hash: withheld({ set: null }),
      role: plain,
      profession: plain,
      institution: erased({ set: null }),
      registration_number: erased({ set: null }),
      created_at: plain,
      updated_at: plain,
      deletion_requested_at: plain,
      erased_at: plain,
    },
  },
  sessions: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: { session_token: withheld(), user_id: plain, expires: plain, created_at: plain, last_seen_at: plain, user_agent: personal },
  },
  accounts: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: {
      user_id: plain,
      type: plain,
      provider: plain,
      provider_account_id: personal,
      refresh_token: withheld(),
      access_token: withheld(),
      expires_at: plain,
      token_type: plain,
      scope: plain,
      id_token: withheld(),
      session_state: withheld(),
    },
  },
  verification_tokens: {
    owners: [byEmail('identifier')],
    export: 'single-use sign-in tokens: secrets, never exported',
    erase: deleteRows,
    columns: { identifier: personal, token: withheld(), expires: plain },
  },
  account_tokens: {
    owners: [byUser(), byEmail()],
    export: 'single-use link tokens (hashed): secrets, never exported',
    erase: deleteRows,
    columns: { id: plain, user_id: plain, purpose: plain, token_hash: withheld(), email: personal, created_at: plain, expires_at: plain, used_at: plain },
  },
  audit_log: {
    owners: [byUser('actor_id')],
    export: true,
    erase: {
      rows: 'scrub',
      why: 'append-only record of who did what: entries keep the account id (which names nobody once the account is pseudonymised); addresses and names inside the detail are replaced',
    },
    columns: { id: plain, at: plain, actor_id: plain, action: plain, subject_type: plain, subject_id: plain, detail: erased({ set: 'scrub' }) },
  },
  sign_in_attempts: {
    owners: [byEmail()],
    export: true,
    erase: deleteRows,
    columns: { id: plain, email: personal, ip: personal, succeeded: plain, at: plain },
  },
  rate_limit_hits: {
    owners: [],
    export: 'keys are one-way hashes that cannot be matched to a person',
    erase: { rows: 'keep', why: 'hashed keys only, and the recovery pass deletes every hit older than a day' },
    columns: { id: plain, bucket: plain, key: plain, at: plain },
  },
  lesson_completions: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: { id: plain, user_id: plain, module_slug: plain, lesson_slug: plain, content_hash: plain, completed_at: plain },
  },
  quiz_attempts: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: {
      id: plain,
      user_id: plain,
      quiz_id: plain,
      content_hash: plain,
      seed: withheld(),
      paper: plain,
      answers: personal,
      started_at: plain,
      deadline: plain,
      submitted_at: plain,
      // The answer key stays on the quiz's review page, under its review policy: the export keeps
      // the learner's own choices, marks and credit, never the key.
      grade: { personal: true, export: 'without-keys' },
      score: personal,
      passed: personal,
      domain_credit: personal,
    },
  },
  consult_attempts: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: {
      id: plain,
      user_id: plain,
      case_id: plain,
      content_hash: plain,
      // The engine's working state names branches the learner has not reached: internal.
      state: withheld(),
      step: plain,
      note: personal,
      result: personal,
      score: personal,
      passed: personal,
      critical_errors: personal,
      started_at: plain,
      updated_at: plain,
      finished_at: plain,
    },
  },
  sync_receipts: {
    owners: [byUser()],
    export: 'copies of answers already in the export, kept only so a retried offline sync adds nothing',
    erase: deleteRows,
    columns: { key: plain, user_id: plain, operation: plain, response: withheld(), received_at: plain },
  },
  certificates: {
    owners: [byUser()],
    export: true,
    erase: {
      rows: 'update',
      why: 'revoked with the reason "account deleted" and kept as a tombstone, so a verification of its code says "revoked", not "unknown"',
    },
    columns: {
      id: plain,
      code: plain,
      user_id: plain,
      programme_id: plain,
      cycle: plain,
      holder_name: erased({ set: 'tombstone' }),
      institution_id: plain,
      holder_registration: erased({ set: null }),
      programme_title: plain,
      cpd_hours: plain,
      issued_at: plain,
      expires_at: plain,
      evidence: erased({ set: 'empty-json' }),
      content_versions: plain,
      // The signed credential states the holder's name: it goes (the tombstone is no longer verifiable as a credential).
      credential: erased({ set: 'empty-text' }),
      details: plain,
      revoked_at: plain,
      revoked_by: plain,
      revoked_reason: plain,
    },
  },
  certificate_status_changes: {
    owners: [],
    export: 'the current status of each certificate is in certificates.revoked_*',
    erase: { rows: 'keep', why: 'the history of a certificate: dates, actions and the acting account id, nothing that names the holder' },
    columns: { id: plain, certificate_id: plain, action: plain, reason: plain, actor_id: plain, at: plain },
  },
  certificate_holds: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: { user_id: plain, programme_id: plain, since: plain },
  },
  institutions: {
    owners: [],
    export: 'an organisation, not a person',
    erase: { rows: 'keep', why: 'the signatory is an office holder named by the institution, not an account' },
    columns: {
      id: plain,
      name: plain,
      short_name: plain,
      country: plain,
      province: plain,
      email_domain: plain,
      signatory_name: plain,
      signatory_title: plain,
      logo: plain,
      logo_type: plain,
      logo_version: plain,
      created_at: plain,
      merged_into: plain,
    },
  },
  institution_staff: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: { institution_id: plain, user_id: plain, role: plain, appointed_by: plain, appointed_at: plain },
  },
  cohorts: {
    owners: [byUser('owner_id')],
    export: true,
    erase: { rows: 'keep', why: 'a cohort belongs to its institution and learners; its owner stays as an id that names nobody' },
    columns: {
      id: plain,
      name: plain,
      institution_id: plain,
      programme_id: plain,
      due_date: plain,
      owner_id: plain,
      join_code: plain,
      created_at: plain,
      closed_at: plain,
      membership_version: plain,
    },
  },
  cohort_staff: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: { cohort_id: plain, user_id: plain, added_by: plain, added_at: plain },
  },
  cohort_memberships: {
    owners: [byUser()],
    export: true,
    erase: { rows: 'update', why: 'the membership ends and stays, so the cohort\u2019s history shows a "deleted learner"' },
    columns: { id: plain, cohort_id: plain, user_id: plain, joined_at: plain, left_at: erased({ set: 'now-if-null' }), student_id: erased({ set: null }) },
  },
  cohort_invitations: {
    owners: [byUser(), byEmail()],
    export: true,
    erase: deleteRows,
    columns: {
      id: plain,
      cohort_id: plain,
      email: personal,
      token_hash: withheld(),
      user_id: plain,
      invited_by: plain,
      student_id: personal,
      created_at: plain,
      expires_at: plain,
      mail_id: plain,
      accepted_at: plain,
      declined_at: plain,
      revoked_at: plain,
    },
  },
  learning_events: {
    owners: [byUser()],
    export: true,
    erase: deleteRows,
    columns: { id: plain, kind: plain, user_id: plain, payload: personal, occurred_at: plain, recorded_at: plain },
  },
  event_deliveries: {
    owners: [byUser()],
    export: 'the platform\u2019s own bookkeeping of follow-ups to the events above',
    erase: deleteRows,
    columns: { event_id: plain, handler: plain, user_id: plain, attempts: plain, next_attempt_at: plain, last_error: plain, done_at: plain },
  },
  mail_messages: {
    owners: [byUser(), byEmail('to_address')],
    export: true,
    erase: deleteRows,
    columns: {
      id: plain,
      user_id: plain,
      to_address: personal,
      kind: plain,
      subject: personal,
      // Bodies hold single-use links until sent.
      text_body: withheld(),
      html_body: withheld(),
      created_at: plain,
      sent_at: plain,
      attempts: plain,
      last_error: plain,
    },
  },
  review_decisions: {
    owners: [byUser('reviewer_id')],
    export: true,
    erase: {
      rows: 'keep',
      why: 'the record of who signed off clinical content is what the content\u2019s sign-off rests on; a reviewer\u2019s name stays on their decisions (learners never appear here)',
    },
    columns: {
      id: plain,
      item_kind: plain,
      item_id: plain,
      content_hash: plain,
      decision: plain,
      comment: personal,
      reviewer_id: plain,
      reviewer_name: personal,
      decided_at: plain,
      idempotency_key: plain,
    },
  },
} satisfies Record<string, TableRule>;

export type RegisteredTable = keyof typeof privacyRegistry;

/** Whether an address is the stand-in an erased account was given (views show "deleted learner" without it). */
export function isErasedAddress(email: string): boolean {
  return email.endsWith('@deleted.invalid');
}
