import type { APIRequestContext } from '@playwright/test';

// The authorization matrix: one row per route (and method) and per server action, one column per
// principal, each cell the outcome the app must give. matrix.spec.ts requests every cell and checks
// that routes.ts finds exactly the routes and actions named here.
//
// Outcomes:
//   200, 401, 403, 404, 405 …  the HTTP status (pages: forbidden() → 403, notFound() → 404)
//   'sign-in'                  sent to /sign-in?next=<the page> (a page), or the action's "sign in first" answer
//   '→ /path'                  redirected elsewhere (ids in the path read as :id)
//   'ok' / 'invalid'           an action's form answer: done, or field errors (nothing changed)
//   'error: …'                 an action's form answer with this message (compared by its start)
// An action answering "You do not have access to this." or "We could not find that." reads as 403 or 404.

export const principals = ['anonymous', 'owner', 'otherLearner', 'cohortInstructor', 'otherInstructor', 'reviewer', 'admin'] as const;
export type Principal = (typeof principals)[number];

/**
 * Staff scoped to an institution (issue 23), asked every route: an admin and a viewer of the demo
 * college (where the cohorts are), and the admin of another institution, whose staff must never see
 * the college's data. Their server actions are covered by tests/integration/institutions.test.ts.
 */
export const scopedPrincipals = ['collegeAdmin', 'collegeViewer', 'elsewhereAdmin'] as const;
export type ScopedPrincipal = (typeof scopedPrincipals)[number];

export type Outcome = number | 'sign-in' | 'ok' | 'invalid' | `→ /${string}` | `error: ${string}`;
/** One outcome per principal, in the order of `principals`. */
export type Cells = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

/** What setup made: the owner learner's records, the cohorts, and everyone's ids. */
export type World = {
  users: Record<Exclude<Principal, 'anonymous'>, { id: string; email: string }>;
  /** The owner's certificate (the demo doctor's, earned in setup). */
  certificate: string;
  quiz: string;
  /** The owner's open attempt at `quiz`, and a submitted one. */
  openQuizAttempt: string;
  submittedQuizAttempt: string;
  consultCase: string;
  /** The owner's open consult of `consultCase` and a finished one. */
  openConsult: string;
  finishedConsult: string;
  firstChoice: string;
  /** The cohort instructor's cohorts: `main` has the owner as a member; the others serve one action each. */
  cohorts: Record<'main' | 'joinable' | 'invited' | 'closable', { id: string; code: string }>;
  /** The owner's open invitation to the `invited` cohort, and two to addresses with no account (the admin withdraws the second). */
  ownerInvitation: { id: string; token: string };
  strangerInvitation: { id: string };
  adminsStrangerInvitation: { id: string };
  /** The version of the reviewed lesson a reviewer signs off. */
  lessonHash: string;
  /** The demo college, where both instructors teach (and where the cohorts are). */
  college: string;
  /** Another institution, with its own admin (a scoped principal) and a cohort of its own. */
  elsewhere: { institution: string; cohort: string };
  /** Two institutions the admin made, for merging. */
  spareInstitutions: readonly [string, string];
  /** An instructor at the college, not a principal: the one the staff and co-teacher actions add and remove. */
  spareStaff: { id: string; email: string };
};

/** Every principal's requests, signed in as that principal. */
export type Clients = Record<Principal, APIRequestContext>;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Params = (w: World, p: Principal) => Record<string, string>;

export type RouteRow = {
  method: Method;
  route: string;
  /** When a route has several rows: what this one asks for. */
  label?: string;
  /** Values of the route's dynamic segments (the owner's or the cohort's: every principal asks for the same thing). */
  params?: Params;
  /** A JSON body for POST. */
  json?: (w: World) => unknown;
  expect: Cells;
  /** The scoped principals' outcomes; without it, each gets what the other instructor gets (staff with no part in the college's cohorts). */
  scoped?: readonly [Outcome, Outcome, Outcome];
};

export type ActionRow = {
  /** `file#exportName`, as routes.ts names it. */
  action: string;
  /** When an action has several rows: what this one tries. */
  label?: string;
  /** The page whose form posts it (one of its pages in the build's manifest). */
  at: (w: World) => string;
  /** `state`: a form with useActionState (previous state, form data); `plain`: a form action (form data only). */
  call: 'state' | 'plain';
  fields: (w: World, p: Principal) => Record<string, string | Blob>;
  /** The action ends the principal's session: it gets a session of its own for this row. */
  fresh?: boolean;
  /** A read of what the action changes, taken before the row and again after its refusals: they must not differ. */
  unchanged?: (w: World, as: Clients) => Promise<unknown>;
  expect: Cells;
};

/** What a route row expects of any principal, scoped ones included. */
export function routeCell(row: RouteRow, p: Principal | ScopedPrincipal): Outcome {
  const scoped = scopedPrincipals.indexOf(p as ScopedPrincipal);
  if (scoped < 0) return cell(row.expect, p as Principal);
  return row.scoped?.[scoped] ?? cell(row.expect, 'otherInstructor');
}

/** The cells of one row, in principal order. */
export const cell = (cells: Cells, p: Principal): Outcome => cells[principals.indexOf(p)]!;

export const S = 'sign-in';
export const everyone = (o: Outcome): Cells => [o, o, o, o, o, o, o];
/** Signed in: any account; signed out: to sign-in (pages) or 401 (files and APIs). */
export const signedIn = (anonymous: Outcome, o: Outcome): Cells => [anonymous, o, o, o, o, o, o];

export const lesson = { module: 'foundations', lesson: 'what-is-telemedicine' };
export const bogusToken = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const main = (w: World) => ({ cohort: w.cohorts.main.id });
const college = (w: World) => ({ institution: w.college });
const BRIEF = '→ /consults/chest-pain-lagging-video' as const;

//                                                                         anon   owner  other  c-inst o-inst review admin
export const routeTable: readonly RouteRow[] = [
  { method: 'GET', route: '/', expect: everyone(200) },
  { method: 'GET', route: '/account/confirm-email/[token]', params: () => ({ token: bogusToken }), expect: everyone(200) },
  { method: 'GET', route: '/account/confirmed', expect: everyone(200) },
  { method: 'GET', route: '/account/deletion-requested', expect: everyone(200) },
  { method: 'GET', route: '/account/verify/[token]', params: () => ({ token: bogusToken }), expect: everyone(200) },
  { method: 'GET', route: '/admin/certificates', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/content', expect: [S, 403, 403, 403, 403, 200, 200] },
  { method: 'GET', route: '/admin/content/[kind]/[...id]', params: () => ({ kind: 'lesson', id: `${lesson.module}/${lesson.lesson}` }), expect: [S, 403, 403, 403, 403, 200, 200] },
  { method: 'GET', route: '/admin/content/sign-offs.csv', expect: [401, 403, 403, 403, 403, 200, 200] },
  { method: 'GET', route: '/admin/audit', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/events', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/users', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/readiness', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/readiness.csv', expect: [401, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/api/auth/[...nextauth]', params: () => ({ nextauth: 'session' }), expect: everyone(200) },
  { method: 'POST', route: '/api/auth/[...nextauth]', params: () => ({ nextauth: 'signout' }), expect: everyone('→ /sign-in') }, // no CSRF token: next-auth's error page, still signed in
  { method: 'GET', route: '/api/credentials/keys', expect: everyone(200) },
  // LTI 1.3: the tool's public key for any LMS; a login or launch without a registered platform's parameters is a plain 400.
  { method: 'GET', route: '/api/lti/jwks', expect: everyone(200) },
  { method: 'GET', route: '/api/lti/login', expect: everyone(400) },
  { method: 'POST', route: '/api/lti/login', expect: everyone(400) },
  { method: 'POST', route: '/api/lti/launch', expect: everyone(400) },
  // Embedded mode's first-party hop: without a launch's ticket there is nothing to continue.
  { method: 'POST', route: '/api/lti/continue', expect: everyone(400) },
  // Deep linking's answer: a pick without a pending request of one's own (here, with no form at all).
  { method: 'POST', route: '/api/lti/deep-link', expect: [401, 400, 400, 400, 400, 400, 400] },
  { method: 'POST', route: '/api/credentials/verify', json: () => ({ credential: 'not.a.credential' }), expect: everyone(200) },
  { method: 'GET', route: '/api/events/process', expect: everyone(404) },
  { method: 'GET', route: '/api/health', expect: everyone(200) },
  { method: 'GET', route: '/api/progress/modules/[module]', params: () => ({ module: lesson.module }), expect: everyone(200) },
  { method: 'POST', route: '/api/progress/modules/[module]', params: () => ({ module: lesson.module }), json: () => ({ lesson: lesson.lesson }), expect: signedIn(401, 200) },
  { method: 'DELETE', route: '/api/progress/modules/[module]', params: () => ({ module: lesson.module }), expect: everyone(405) },
  { method: 'GET', route: '/api/review/modules/[module]', params: () => ({ module: lesson.module }), expect: everyone(200) },
  { method: 'GET', route: '/api/review/translations', expect: everyone(200) },
  { method: 'POST', route: '/api/review/translations', expect: everyone(405) },
  { method: 'GET', route: '/api/verify/[code]', params: (w) => ({ code: w.certificate }), expect: everyone(200) },
  { method: 'POST', route: '/api/verify/[code]', params: (w) => ({ code: w.certificate }), expect: everyone(405) },
  { method: 'GET', route: '/certificates', expect: signedIn(S, 200) },
  // The holder's, and admins' (who revoke and reinstate certificates); to anyone else it does not exist.
  { method: 'GET', route: '/certificates/[code]/badge', params: (w) => ({ code: w.certificate }), expect: [S, 200, 404, 404, 404, 404, 200] },
  { method: 'GET', route: '/certificates/[code]/credential', params: (w) => ({ code: w.certificate }), expect: [401, 200, 404, 404, 404, 404, 200] },
  { method: 'GET', route: '/certificates/[code]/pdf', params: (w) => ({ code: w.certificate }), expect: [401, 200, 404, 404, 404, 404, 200] },
  { method: 'GET', route: '/cohorts', expect: signedIn(S, 200) },
  { method: 'GET', route: '/cohorts/invitations/[token]', params: (w) => ({ token: w.ownerInvitation.token }), expect: everyone(200) },
  { method: 'GET', route: '/cohorts/join/[code]', params: (w) => ({ code: w.cohorts.main.code }), expect: signedIn(S, 200) },
  { method: 'GET', route: '/consults', expect: everyone(200) },
  { method: 'GET', route: '/consults/[case]', params: (w) => ({ case: w.consultCase }), expect: everyone(200) },
  { method: 'GET', route: '/consults/[case]/debrief/[attempt]', params: (w) => ({ case: w.consultCase, attempt: w.finishedConsult }), expect: [S, 200, 404, 404, 404, 404, 404] },
  // The room of one's own open consult; without one, back to the case brief.
  { method: 'GET', route: '/consults/[case]/room', params: (w) => ({ case: w.consultCase }), expect: [S, 200, BRIEF, BRIEF, BRIEF, BRIEF, BRIEF] },
  { method: 'GET', route: '/forgot-password', expect: everyone(200) },
  { method: 'GET', route: '/admin/institutions', expect: [S, 403, 403, 403, 403, 403, 200] },
  // The staff's institutions: both instructors teach at the college; its settings and staff are its admins' (here, the platform admin's).
  { method: 'GET', route: '/institutions', expect: [S, 403, 403, 200, 200, 403, 200], scoped: [200, 200, 200] },
  { method: 'GET', route: '/institutions/[institution]', params: college, expect: [S, 403, 403, 200, 200, 403, 200], scoped: [200, 200, 404] },
  // Another institution's overview and its cohort: only its own admin and platform admins see them.
  { method: 'GET', route: '/institutions/[institution]', label: 'another institution', params: (w) => ({ institution: w.elsewhere.institution }), expect: [S, 403, 403, 404, 404, 403, 200], scoped: [404, 404, 200] },
  { method: 'GET', route: '/teach/cohorts/[cohort]', label: 'another institution’s cohort', params: (w) => ({ cohort: w.elsewhere.cohort }), expect: [S, 403, 403, 404, 404, 403, 200], scoped: [404, 404, 200] },
  { method: 'GET', route: '/institutions/[institution]/readiness.csv', label: 'another institution', params: (w) => ({ institution: w.elsewhere.institution }), expect: [401, 404, 404, 404, 404, 404, 200], scoped: [404, 404, 200] },
  { method: 'GET', route: '/institutions/[institution]', label: 'one where nobody teaches', params: (w) => ({ institution: w.spareInstitutions[1] }), expect: [S, 403, 403, 404, 404, 403, 200] },
  { method: 'GET', route: '/institutions/[institution]/logo', params: college, expect: everyone(200) },
  // Its readiness dashboard and export: whoever may read its dashboard (staff there); to anyone else it does not exist.
  { method: 'GET', route: '/institutions/[institution]/readiness', params: college, expect: [S, 404, 404, 200, 200, 404, 200], scoped: [200, 200, 404] },
  { method: 'GET', route: '/institutions/[institution]/readiness.csv', params: college, expect: [401, 404, 404, 200, 200, 404, 200], scoped: [200, 200, 404] },
  { method: 'GET', route: '/institutions/[institution]/settings', params: college, expect: [S, 403, 403, 404, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/institutions/[institution]/lrs', params: college, expect: [S, 403, 403, 404, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/institutions/[institution]/lms', params: college, expect: [S, 403, 403, 404, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/institutions/[institution]/staff', params: college, expect: [S, 403, 403, 404, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/issuer', expect: everyone(200) },
  // Without the launch's cookie there is no pending link: the page says so to anyone.
  { method: 'GET', route: '/lti/link', expect: everyone(200) },
  { method: 'GET', route: '/lti/deep-link/[token]', params: () => ({ token: bogusToken }), expect: signedIn(S, 200) },
  // Dynamic Registration: the LMS opens the link; an unknown, used or expired one is not found, for anyone.
  { method: 'GET', route: '/lti/register/[token]', params: () => ({ token: bogusToken }), expect: everyone(404) },
  { method: 'POST', route: '/lti/register/[token]', params: () => ({ token: bogusToken }), expect: everyone(404) },
  { method: 'GET', route: '/lite/modules/[module]/[lesson]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/lite/review/[module]/[lesson]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/modules', expect: everyone(200) },
  { method: 'GET', route: '/modules/[module]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/modules/[module]/[lesson]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/offline', expect: everyone(200) },
  { method: 'GET', route: '/profile', expect: signedIn(S, 200) },
  // The signed-in home and the welcome read only the signed-in account's own rows (tests/integration/home.test.ts).
  { method: 'GET', route: '/home', expect: signedIn(S, 200) },
  { method: 'GET', route: '/welcome', expect: signedIn(S, 200) },
  // One's own data only: the export reads the signed-in account, nothing else (tests/integration/privacy.test.ts checks the contents).
  { method: 'GET', route: '/profile/data.zip', expect: signedIn(401, 200), scoped: [200, 200, 200] },
  { method: 'POST', route: '/profile/data.zip', expect: everyone(405) },
  { method: 'GET', route: '/progress', expect: signedIn(S, 200) },
  { method: 'GET', route: '/quizzes', expect: everyone(200) },
  { method: 'GET', route: '/quizzes/[quiz]', params: (w) => ({ quiz: w.quiz }), expect: everyone(200) },
  { method: 'GET', route: '/quizzes/[quiz]/attempts/[attempt]', params: (w) => ({ quiz: w.quiz, attempt: w.openQuizAttempt }), expect: [S, 200, 404, 404, 404, 404, 404] },
  { method: 'GET', route: '/quizzes/[quiz]/attempts/[attempt]/result', params: (w) => ({ quiz: w.quiz, attempt: w.submittedQuizAttempt }), expect: [S, 200, 404, 404, 404, 404, 404] },
  { method: 'GET', route: '/quizzes/[quiz]/statistics', params: (w) => ({ quiz: w.quiz }), expect: [S, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/quizzes/[quiz]/statistics/moodle.xml', params: (w) => ({ quiz: w.quiz }), expect: [401, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/reset-password/[token]', params: () => ({ token: bogusToken }), expect: everyone(200) },
  { method: 'GET', route: '/robots.txt', expect: everyone(200) },
  { method: 'GET', route: '/search', expect: everyone(200) },
  // Only this build's index exists (its hash is in the search page; tests/e2e/search.spec.ts fetches it): any other is not found.
  { method: 'GET', route: '/search-index/[hash]', params: () => ({ hash: '0123456789abcdef' }), expect: everyone(404) },
  { method: 'GET', route: '/settings/data', expect: everyone(200) },
  { method: 'GET', route: '/sign-in', expect: signedIn(200, '→ /home') },
  { method: 'GET', route: '/sign-up', expect: signedIn(200, '→ /home') },
  { method: 'GET', route: '/sitemap.xml', expect: everyone(200) },
  { method: 'GET', route: '/teach/cohorts', expect: [S, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/teach/cohorts/[cohort]', params: main, expect: [S, 403, 403, 200, 404, 403, 200], scoped: [200, 404, 404] },
  // The pages refuse a learner by role (403); the files and the actions look for the cohort among the actor's own (404).
  { method: 'GET', route: '/teach/cohorts/[cohort]/export.csv', params: main, expect: [401, 404, 404, 200, 404, 404, 200], scoped: [200, 404, 404] },
  { method: 'PUT', route: '/teach/cohorts/[cohort]/export.csv', params: main, expect: everyone(405) },
  { method: 'GET', route: '/teach/cohorts/[cohort]/invitations.csv', params: main, expect: [401, 404, 404, 200, 404, 404, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/learners/[learner]', params: (w) => ({ ...main(w), learner: w.users.owner.id }), expect: [S, 403, 403, 200, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/members', params: main, expect: [S, 403, 403, 200, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/lms', params: main, expect: [S, 403, 403, 200, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/quizzes/[quiz]', params: (w) => ({ ...main(w), quiz: w.quiz }), expect: [S, 403, 403, 200, 404, 403, 200], scoped: [200, 404, 404] },
  { method: 'GET', route: '/verify/[code]', params: (w) => ({ code: w.certificate }), expect: everyone(200) },
];
