// The privacy registry's LTI tables: LMS registrations, launches and the identities they link.
import { type TableRule, byEmail, byUser, deleteRows, personal, plain, withheld } from '../rules';

export const ltiTables = {
  lti_platforms: {
    owners: [],
    export: 'an institution\u2019s LMS registration, not a person\u2019s',
    erase: { rows: 'keep', why: 'no personal data (created_by is an account id, which names nobody once the account is pseudonymised)' },
    columns: {
      id: plain,
      institution_id: plain,
      name: plain,
      issuer: plain,
      client_id: plain,
      deployment_ids: plain,
      auth_login_url: plain,
      token_url: plain,
      jwks_url: plain,
      programme_id: plain,
      status: plain,
      declared: plain,
      frame_origins: plain,
      created_by: plain,
      created_at: plain,
    },
  },
  lti_registration_links: {
    owners: [],
    export: 'an institution\u2019s single-use link for an LMS to register itself: a secret, never exported',
    erase: { rows: 'keep', why: 'no personal data (created_by is an account id, which names nobody once the account is pseudonymised)' },
    columns: { token_hash: withheld(), institution_id: plain, programme_id: plain, created_by: plain, expires_at: plain, used_at: plain, platform_id: plain, created_at: plain },
  },
  lti_contexts: {
    owners: [],
    export: 'a course of an LMS mapped to a cohort: the institution\u2019s, not a person\u2019s',
    erase: { rows: 'keep', why: 'no personal data (an LMS course id and the cohort it maps to)' },
    columns: { platform_id: plain, context_id: plain, cohort_id: plain, memberships_url: plain, roster_synced_at: plain, created_at: plain },
  },
  lti_resource_links: {
    owners: [],
    export: 'an activity in an LMS course and its gradebook column: the institution\u2019s, not a person\u2019s',
    erase: { rows: 'keep', why: 'no personal data (an LMS activity, what it points at here, its line item URL)' },
    columns: { id: plain, platform_id: plain, resource_link_id: plain, context_id: plain, title: plain, activity: plain, line_item_url: plain, line_items_url: plain, ags_scopes: plain, updated_at: plain },
  },
  lti_grade_posts: {
    owners: [byUser()],
    export: true,
    // Scores already accepted by the LMS are held there; deleting them is a request to the institution.
    erase: deleteRows,
    columns: { event_id: plain, resource_link_id: plain, user_id: plain, line_item_url: plain, score: personal, attempts: plain, last_error: personal, outcome: plain, done_at: plain, created_at: plain },
  },
  lti_deep_links: {
    owners: [],
    export: 'an instructor\u2019s pending choice of activity for their LMS (30 minutes): a request, not a record about them',
    erase: { rows: 'keep', why: 'names an LMS identity only by its opaque sub, and expires within 30 minutes' },
    columns: { token_hash: withheld(), platform_id: plain, issuer: plain, sub: withheld(), deployment_id: plain, return_url: plain, data: withheld(), context_title: plain, expires_at: plain },
  },
  lti_links: {
    owners: [byUser()],
    export: true,
    // Without the link the LMS identity no longer signs anyone in; a later launch would make a new account.
    erase: deleteRows,
    columns: { issuer: plain, sub: personal, user_id: plain, platform_id: plain, created_at: plain },
  },
  lti_login_states: {
    owners: [],
    export: 'a launch\u2019s state and nonce for ten minutes, before anyone is known: nobody\u2019s',
    erase: { rows: 'keep', why: 'no personal data; each row expires within ten minutes' },
    columns: { state_hash: withheld(), platform_id: plain, nonce: withheld(), expires_at: plain },
  },
  lti_tickets: {
    owners: [byUser(), byEmail()],
    export: 'single-use sign-in tickets (hashed), valid two minutes: secrets, never exported',
    erase: deleteRows,
    columns: {
      token_hash: withheld(),
      purpose: plain,
      lms_role: plain,
      user_id: plain,
      platform_id: plain,
      issuer: plain,
      sub: personal,
      name: personal,
      email: personal,
      context_id: plain,
      context_title: plain,
      target: plain,
      expires_at: plain,
    },
  },
} satisfies Record<string, TableRule>;
