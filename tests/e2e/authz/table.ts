import type { APIRequestContext } from '@playwright/test';
import { consultStep, count, invitationRow, read, statusesAt, strangerInvitation, tinyPng } from './reads';

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

/** The cells of one row, in principal order. */
export const cell = (cells: Cells, p: Principal): Outcome => cells[principals.indexOf(p)]!;

const S = 'sign-in';
const everyone = (o: Outcome): Cells => [o, o, o, o, o, o, o];
/** Signed in: any account; signed out: to sign-in (pages) or 401 (files and APIs). */
const signedIn = (anonymous: Outcome, o: Outcome): Cells => [anonymous, o, o, o, o, o, o];

const lesson = { module: 'foundations', lesson: 'what-is-telemedicine' };
const bogusToken = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const main = (w: World) => ({ cohort: w.cohorts.main.id });
const college = (w: World) => ({ institution: w.college });
const BRIEF = '→ /consults/chest-pain-lagging-video' as const;

//                                                                         anon   owner  other  c-inst o-inst review admin
export const routeTable: readonly RouteRow[] = [
  { method: 'GET', route: '/', expect: everyone(200) },
  { method: 'GET', route: '/account/confirm-email/[token]', params: () => ({ token: bogusToken }), expect: everyone(200) },
  { method: 'GET', route: '/account/confirmed', expect: everyone(200) },
  { method: 'GET', route: '/account/verify/[token]', params: () => ({ token: bogusToken }), expect: everyone(200) },
  { method: 'GET', route: '/admin/certificates', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/content', expect: [S, 403, 403, 403, 403, 200, 200] },
  { method: 'GET', route: '/admin/content/[kind]/[...id]', params: () => ({ kind: 'lesson', id: `${lesson.module}/${lesson.lesson}` }), expect: [S, 403, 403, 403, 403, 200, 200] },
  { method: 'GET', route: '/admin/content/sign-offs.csv', expect: [401, 403, 403, 403, 403, 200, 200] },
  { method: 'GET', route: '/admin/events', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/users', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/readiness', expect: [S, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/admin/readiness.csv', expect: [401, 403, 403, 403, 403, 403, 200] },
  { method: 'GET', route: '/api/auth/[...nextauth]', params: () => ({ nextauth: 'session' }), expect: everyone(200) },
  { method: 'POST', route: '/api/auth/[...nextauth]', params: () => ({ nextauth: 'signout' }), expect: everyone('→ /sign-in') }, // no CSRF token: next-auth's error page, still signed in
  { method: 'GET', route: '/api/credentials/keys', expect: everyone(200) },
  { method: 'POST', route: '/api/credentials/verify', json: () => ({ credential: 'not.a.credential' }), expect: everyone(200) },
  { method: 'GET', route: '/api/events/process', expect: everyone(404) },
  { method: 'GET', route: '/api/health', expect: everyone(200) },
  { method: 'GET', route: '/api/progress/modules/[module]', params: () => ({ module: lesson.module }), expect: everyone(200) },
  { method: 'POST', route: '/api/progress/modules/[module]', params: () => ({ module: lesson.module }), json: () => ({ lesson: lesson.lesson }), expect: signedIn(401, 200) },
  { method: 'DELETE', route: '/api/progress/modules/[module]', params: () => ({ module: lesson.module }), expect: everyone(405) },
  { method: 'GET', route: '/api/review/modules/[module]', params: () => ({ module: lesson.module }), expect: everyone(200) },
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
  { method: 'GET', route: '/institutions', expect: [S, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/institutions/[institution]', params: college, expect: [S, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/institutions/[institution]', label: 'one where nobody teaches', params: (w) => ({ institution: w.spareInstitutions[1] }), expect: [S, 403, 403, 404, 404, 403, 200] },
  { method: 'GET', route: '/institutions/[institution]/logo', params: college, expect: everyone(200) },
  // Its readiness dashboard and export: whoever may read its dashboard (staff there); to anyone else it does not exist.
  { method: 'GET', route: '/institutions/[institution]/readiness', params: college, expect: [S, 404, 404, 200, 200, 404, 200] },
  { method: 'GET', route: '/institutions/[institution]/readiness.csv', params: college, expect: [401, 404, 404, 200, 200, 404, 200] },
  { method: 'GET', route: '/institutions/[institution]/settings', params: college, expect: [S, 403, 403, 404, 404, 403, 200] },
  { method: 'GET', route: '/institutions/[institution]/lrs', params: college, expect: [S, 403, 403, 404, 404, 403, 200] },
  { method: 'GET', route: '/institutions/[institution]/staff', params: college, expect: [S, 403, 403, 404, 404, 403, 200] },
  { method: 'GET', route: '/issuer', expect: everyone(200) },
  { method: 'GET', route: '/lite/modules/[module]/[lesson]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/lite/review/[module]/[lesson]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/modules', expect: everyone(200) },
  { method: 'GET', route: '/modules/[module]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/modules/[module]/[lesson]', params: () => lesson, expect: everyone(200) },
  { method: 'GET', route: '/offline', expect: everyone(200) },
  { method: 'GET', route: '/profile', expect: signedIn(S, 200) },
  { method: 'GET', route: '/progress', expect: signedIn(S, 200) },
  { method: 'GET', route: '/quizzes', expect: everyone(200) },
  { method: 'GET', route: '/quizzes/[quiz]', params: (w) => ({ quiz: w.quiz }), expect: everyone(200) },
  { method: 'GET', route: '/quizzes/[quiz]/attempts/[attempt]', params: (w) => ({ quiz: w.quiz, attempt: w.openQuizAttempt }), expect: [S, 200, 404, 404, 404, 404, 404] },
  { method: 'GET', route: '/quizzes/[quiz]/attempts/[attempt]/result', params: (w) => ({ quiz: w.quiz, attempt: w.submittedQuizAttempt }), expect: [S, 200, 404, 404, 404, 404, 404] },
  { method: 'GET', route: '/quizzes/[quiz]/statistics', params: (w) => ({ quiz: w.quiz }), expect: [S, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/quizzes/[quiz]/statistics/moodle.xml', params: (w) => ({ quiz: w.quiz }), expect: [401, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/reset-password/[token]', params: () => ({ token: bogusToken }), expect: everyone(200) },
  { method: 'GET', route: '/robots.txt', expect: everyone(200) },
  { method: 'GET', route: '/settings/data', expect: everyone(200) },
  { method: 'GET', route: '/sign-in', expect: signedIn(200, '→ /profile') },
  { method: 'GET', route: '/sign-up', expect: signedIn(200, '→ /profile') },
  { method: 'GET', route: '/sitemap.xml', expect: everyone(200) },
  { method: 'GET', route: '/teach/cohorts', expect: [S, 403, 403, 200, 200, 403, 200] },
  { method: 'GET', route: '/teach/cohorts/[cohort]', params: main, expect: [S, 403, 403, 200, 404, 403, 200] },
  // The pages refuse a learner by role (403); the files and the actions look for the cohort among the actor's own (404).
  { method: 'GET', route: '/teach/cohorts/[cohort]/export.csv', params: main, expect: [401, 404, 404, 200, 404, 404, 200] },
  { method: 'PUT', route: '/teach/cohorts/[cohort]/export.csv', params: main, expect: everyone(405) },
  { method: 'GET', route: '/teach/cohorts/[cohort]/invitations.csv', params: main, expect: [401, 404, 404, 200, 404, 404, 200] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/learners/[learner]', params: (w) => ({ ...main(w), learner: w.users.owner.id }), expect: [S, 403, 403, 200, 404, 403, 200] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/members', params: main, expect: [S, 403, 403, 200, 404, 403, 200] },
  { method: 'GET', route: '/teach/cohorts/[cohort]/quizzes/[quiz]', params: (w) => ({ ...main(w), quiz: w.quiz }), expect: [S, 403, 403, 200, 404, 403, 200] },
  { method: 'GET', route: '/verify/[code]', params: (w) => ({ code: w.certificate }), expect: everyone(200) },
];

const A = {
  certificates: 'app/(admin)/admin/certificates/actions.ts',
  content: 'app/(admin)/admin/content/actions.ts',
  users: 'app/(admin)/admin/users/actions.ts',
  account: 'app/(auth)/account/actions.ts',
  auth: 'app/(auth)/actions.ts',
  cohorts: 'app/(learn)/cohorts/actions.ts',
  consults: 'app/(learn)/consults/actions.ts',
  profile: 'app/(learn)/profile/actions.ts',
  quizzes: 'app/(learn)/quizzes/[quiz]/actions.ts',
  settings: 'app/(site)/settings/data/actions.ts',
  teach: 'app/(teach)/teach/cohorts/actions.ts',
  teachers: 'app/(teach)/teach/cohorts/teacher-actions.ts',
  institutions: 'app/(teach)/institutions/actions.ts',
  platform: 'app/(admin)/admin/institutions/actions.ts',
  lrs: 'app/(teach)/institutions/[institution]/lrs/actions.ts',
} as const;

const wrongPassword = 'not-the-password-1';
const newPassword = 'a-fresh-long-passphrase-for-matrix-7';
const note = { modality: 'Video call', location: 'At home', consent: 'Verbal consent', present: 'The patient', findings: 'Chest pain', plan: 'Emergency referral', safetyNet: 'Call an ambulance' };
const unknownId = '00000000-0000-4000-8000-000000000000';
const toRoom = (w: World) => `/consults/${w.consultCase}/room`;
const toQuiz = (w: World) => `/quizzes/${w.quiz}`;
const R = '→ /cohorts' as const;
const NOT_IN = 'error: You are not in that cohort.' as const;
const STAFF_NO_JOIN = 'error: Staff accounts do not join cohorts' as const;

// Actions run in this order, and within a row every refusal runs before any success: a success
// (a revoked certificate, a closed cohort) cannot hide a refusal that changed something.
//                                                                                                anon   owner  other  c-inst o-inst review admin
export const actionTable: readonly ActionRow[] = [
  { action: `${A.certificates}#revokeAction`, at: () => '/admin/certificates', call: 'state', fields: (w) => ({ code: w.certificate, reason: 'Matrix: who may revoke' }), unchanged: (w, as) => read(as.anonymous, `/api/verify/${w.certificate}`, '"status":"valid"'), expect: [S, 403, 403, 403, 403, 403, 'ok'] },
  { action: `${A.certificates}#reinstateAction`, at: () => '/admin/certificates', call: 'state', fields: (w) => ({ code: w.certificate, reason: 'Matrix: who may reinstate' }), unchanged: (w, as) => read(as.anonymous, `/api/verify/${w.certificate}`, '"status":"valid"'), expect: [S, 403, 403, 403, 403, 403, 'ok'] },
  {
    action: `${A.content}#decideAction`,
    at: () => `/admin/content/lesson/${lesson.module}/${lesson.lesson}`,
    call: 'state',
    fields: (w, p) => ({ kind: 'lesson', id: `${lesson.module}/${lesson.lesson}`, hash: w.lessonHash, decision: 'signed-off', comment: '', key: `matrix-${p}-0000000000` }),
    unchanged: (_w, as) => count(as.admin, '/admin/content/sign-offs.csv', 'what-is-telemedicine'),
    expect: [S, 403, 403, 403, 403, 'ok', 'ok'],
  },
  {
    action: `${A.users}#changeRoleAction`,
    label: 'make oneself admin (an admin: leave the other learner a learner)',
    at: () => '/admin/users',
    call: 'state',
    fields: (w, p) => (p === 'admin' ? { userId: w.users.otherLearner.id, role: 'learner' } : { userId: p === 'anonymous' ? w.users.otherLearner.id : w.users[p].id, role: 'admin' }),
    unchanged: statusesAt(() => '/admin/users'),
    expect: [S, 403, 403, 403, 403, 403, 'ok'],
  },
  { action: `${A.account}#changeEmailAction`, at: () => '/profile', call: 'state', fields: (_w, p) => ({ email: `matrix-${p}-new@example.test`, password: wrongPassword }), expect: signedIn(S, 'invalid') },
  { action: `${A.account}#changePasswordAction`, at: () => '/profile', call: 'state', fields: () => ({ current: wrongPassword, password: newPassword, confirm: newPassword }), expect: signedIn(S, 'invalid') },
  { action: `${A.account}#confirmEmailAction`, at: () => `/account/verify/${bogusToken}`, call: 'state', fields: () => ({ token: bogusToken, purpose: 'verify-email' }), expect: everyone('error: This link is not valid') },
  { action: `${A.account}#resendVerificationAction`, at: () => '/profile', call: 'state', fields: () => ({}), expect: signedIn(S, 'ok') },
  { action: `${A.auth}#forgotPasswordAction`, at: () => '/forgot-password', call: 'state', fields: (_w, p) => ({ email: `matrix-nobody-${p}@example.test` }), expect: everyone('ok') },
  {
    action: `${A.auth}#resetPasswordAction`,
    at: () => `/reset-password/${bogusToken}`,
    call: 'state',
    fields: () => ({ token: bogusToken, password: newPassword, confirm: newPassword }),
    expect: everyone('error: This link is not valid'),
  },
  { action: `${A.auth}#signInAction`, at: () => '/sign-in', call: 'state', fields: (_w, p) => ({ email: `matrix-nobody-${p}@example.test`, password: wrongPassword }), expect: everyone('error: That email and password do not match') },
  { action: `${A.auth}#signOutAction`, at: () => '/profile', call: 'plain', fields: () => ({}), fresh: true, expect: signedIn(200, '→ /') },
  {
    action: `${A.auth}#signUpAction`,
    label: 'with an address that has an account',
    at: () => '/sign-up',
    call: 'state',
    fields: (w) => ({ name: 'Matrix Person', email: w.users.owner.email, password: newPassword, profession: 'student' }),
    expect: signedIn('invalid', 'error: You are already signed in.'),
  },
  // The cohorts: join and leave `joinable`; answer the owner's invitation to `invited`.
  { action: `${A.cohorts}#joinCohortAction`, at: () => '/cohorts', call: 'state', fields: (w) => ({ code: w.cohorts.joinable.code }), expect: [S, R, R, STAFF_NO_JOIN, STAFF_NO_JOIN, R, STAFF_NO_JOIN] },
  {
    action: `${A.teach}#removeMemberAction`,
    label: 'the owner from `joinable` (an admin: the reviewer)',
    at: (w) => `/teach/cohorts/${w.cohorts.joinable.id}/members`,
    call: 'state',
    fields: (w, p) => ({ cohortId: w.cohorts.joinable.id, userId: p === 'admin' ? w.users.reviewer.id : w.users.owner.id }),
    unchanged: (w, as) => read(as.cohortInstructor, `/teach/cohorts/${w.cohorts.joinable.id}/members`, `/learners/${w.users.owner.id}`),
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  { action: `${A.cohorts}#leaveCohortAction`, at: () => '/cohorts', call: 'state', fields: (w) => ({ cohortId: w.cohorts.joinable.id }), expect: [S, NOT_IN, R, NOT_IN, NOT_IN, NOT_IN, NOT_IN] },
  {
    action: `${A.cohorts}#answerInvitationAction`,
    label: "the owner's invitation, by its id",
    at: () => '/cohorts',
    call: 'state',
    fields: (w) => ({ id: w.ownerInvitation.id, answer: 'accept' }),
    unchanged: (w, as) => invitationRow(w, as, w.users.owner.email),
    expect: [S, R, 'error: This invitation link is not valid', 'error: This invitation link is not valid', 'error: This invitation link is not valid', 'error: This invitation link is not valid', 'error: This invitation link is not valid'],
  },
  {
    action: `${A.cohorts}#answerInvitationAction`,
    label: 'an invitation id that does not exist',
    at: () => '/cohorts',
    call: 'state',
    fields: () => ({ id: unknownId, answer: 'accept' }),
    expect: signedIn(S, 'error: This invitation link is not valid'),
  },
  {
    action: `${A.cohorts}#answerInvitationAction`,
    label: "the owner's invitation, by its link (already answered)",
    at: (w) => `/cohorts/invitations/${w.ownerInvitation.token}`,
    call: 'state',
    fields: (w) => ({ token: w.ownerInvitation.token, answer: 'decline' }),
    expect: signedIn(S, 'error: This invitation has already been answered.'),
  },
  // Consults: the owner's open attempt.
  { action: `${A.consults}#startConsultAction`, at: toRoom, call: 'plain', fields: (w) => ({ caseId: w.consultCase }), expect: signedIn(S, '→ /consults/chest-pain-lagging-video/room') },
  {
    action: `${A.consults}#stepAction`,
    at: toRoom,
    call: 'plain',
    fields: (w) => ({ caseId: w.consultCase, attemptId: w.openConsult, expectedStep: '0', choiceId: w.firstChoice }),
    unchanged: consultStep,
    expect: [S, '→ /consults/chest-pain-lagging-video/room', 404, 404, 404, 404, 404],
  },
  // The owner's consult has not ended, so there is nothing to grade yet; to anyone else it does not exist.
  {
    action: `${A.consults}#finishConsultAction`,
    at: toRoom,
    call: 'state',
    fields: (w) => ({ caseId: w.consultCase, attemptId: w.openConsult, ...note }),
    unchanged: consultStep,
    expect: [S, 'error: Some of what was sent is not valid.', 404, 404, 404, 404, 404],
  },
  {
    action: `${A.consults}#restartConsultAction`,
    at: toRoom,
    call: 'plain',
    fields: (w) => ({ caseId: w.consultCase, attemptId: w.openConsult }),
    unchanged: consultStep,
    expect: [S, '→ /consults/chest-pain-lagging-video/room', 404, 404, 404, 404, 404],
  },
  { action: `${A.profile}#updateProfileAction`, at: () => '/profile', call: 'state', fields: (_w, p) => ({ name: `Matrix ${p}`, profession: 'other' }), expect: signedIn(S, 'ok') },
  { action: `${A.profile}#signOutEverywhereAction`, at: () => '/profile', call: 'state', fields: () => ({}), fresh: true, expect: signedIn(S, '→ /sign-in') },
  // Quizzes: the owner's open attempt; submitting it comes last.
  { action: `${A.quizzes}#startAttemptAction`, at: toQuiz, call: 'state', fields: (w) => ({ quiz: w.quiz }), expect: signedIn(S, '→ /quizzes/foundations/attempts/:id') },
  { action: `${A.quizzes}#saveAnswersAction`, at: toQuiz, call: 'state', fields: (w) => ({ quiz: w.quiz, attemptId: w.openQuizAttempt, shown: '' }), unchanged: (w, as) => read(as.owner, `/quizzes/${w.quiz}/attempts/${w.openQuizAttempt}`), expect: [S, 'ok', 404, 404, 404, 404, 404] },
  {
    action: `${A.quizzes}#moveAction`,
    at: toQuiz,
    call: 'state',
    fields: (w) => ({ quiz: w.quiz, attemptId: w.openQuizAttempt, shown: '', go: 'save' }),
    unchanged: (w, as) => read(as.owner, `/quizzes/${w.quiz}/attempts/${w.openQuizAttempt}`),
    expect: [S, '→ /quizzes/foundations/attempts/:id', 404, 404, 404, 404, 404],
  },
  {
    action: `${A.quizzes}#submitAttemptAction`,
    at: toQuiz,
    call: 'state',
    fields: (w) => ({ quiz: w.quiz, attemptId: w.openQuizAttempt }),
    unchanged: (w, as) => read(as.owner, `/quizzes/${w.quiz}/attempts/${w.openQuizAttempt}`),
    expect: [S, '→ /quizzes/foundations/attempts/:id/result', 404, 404, 404, 404, 404],
  },
  { action: `${A.settings}#setLowDataAction`, at: () => '/settings/data', call: 'plain', fields: () => ({ lowdata: '0' }), expect: everyone('→ /settings/data') },
  // Teaching: the cohort instructor's cohorts.
  {
    action: `${A.teach}#createCohortAction`,
    at: () => '/teach/cohorts',
    call: 'state',
    fields: (w, p) => ({ name: `Matrix cohort of ${p}`, institutionId: w.college, programmeId: 'readiness-students', dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }),
    unchanged: (_w, as) => count(as.admin, '/teach/cohorts', 'Matrix cohort of'),
    // A learner is at no institution where cohorts may be created: the college is not found among theirs.
    expect: [S, 404, 404, '→ /teach/cohorts/:id/members', '→ /teach/cohorts/:id/members', 404, '→ /teach/cohorts/:id/members'],
  },
  {
    action: `${A.teach}#importRosterAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.main.id}/members`,
    call: 'state',
    fields: (w, p) => ({ cohortId: w.cohorts.main.id, roster: `matrix-roster-${p}@example.test` }),
    unchanged: (w, as) => count(as.cohortInstructor, `/teach/cohorts/${w.cohorts.main.id}/invitations.csv`, 'matrix-roster-'),
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  {
    action: `${A.teach}#inviteOneAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.main.id}/members`,
    call: 'state',
    fields: (w, p) => ({ cohortId: w.cohorts.main.id, email: `matrix-invite-${p}@example.test` }),
    unchanged: (w, as) => count(as.cohortInstructor, `/teach/cohorts/${w.cohorts.main.id}/invitations.csv`, 'matrix-invite-'),
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  {
    action: `${A.teach}#resendInvitationAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.invited.id}/members`,
    call: 'state',
    fields: (w) => ({ invitationId: w.strangerInvitation.id }),
    unchanged: strangerInvitation,
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  {
    action: `${A.teach}#revokeInvitationAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.invited.id}/members`,
    call: 'state',
    fields: (w, p) => ({ invitationId: p === 'admin' ? w.adminsStrangerInvitation.id : w.strangerInvitation.id }),
    unchanged: strangerInvitation,
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  // Co-teachers of `closable`: the spare instructor, added and removed.
  {
    action: `${A.teachers}#addCoTeacherAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.closable.id}/members`,
    call: 'state',
    fields: (w) => ({ cohortId: w.cohorts.closable.id, email: w.spareStaff.email }),
    unchanged: (w, as) => read(as.cohortInstructor, `/teach/cohorts/${w.cohorts.closable.id}/members`, w.spareStaff.email),
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  {
    action: `${A.teachers}#removeCoTeacherAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.closable.id}/members`,
    call: 'state',
    fields: (w) => ({ cohortId: w.cohorts.closable.id, userId: w.spareStaff.id }),
    unchanged: (w, as) => read(as.cohortInstructor, `/teach/cohorts/${w.cohorts.closable.id}/members`, w.spareStaff.email),
    expect: [S, 404, 404, 'ok', 404, 404, 'error: They no longer co-teach this cohort.'],
  },
  {
    action: `${A.teach}#closeCohortAction`,
    at: (w) => `/teach/cohorts/${w.cohorts.closable.id}/members`,
    call: 'state',
    fields: (w) => ({ cohortId: w.cohorts.closable.id }),
    unchanged: (w, as) => read(as.otherLearner, `/cohorts/join/${w.cohorts.closable.code}`, 'closed to new members'),
    expect: [S, 404, 404, 'ok', 404, 404, 'ok'],
  },
  // Institutions: the platform admin's acts, and the college admins' (here only the platform admin).
  {
    action: `${A.platform}#createInstitutionAction`,
    at: () => '/admin/institutions',
    call: 'state',
    fields: (_w, p) => ({ name: `Matrix College of ${p}`, shortName: `MX${principals.indexOf(p)}`, country: 'Pakistan' }),
    unchanged: (_w, as) => count(as.admin, '/admin/institutions', 'Matrix College of'),
    expect: [S, 403, 403, 403, 403, 403, '→ /institutions/:id/staff'],
  },
  {
    action: `${A.platform}#mergeInstitutionsAction`,
    label: 'the college into a spare (the admin: one spare into the other)',
    at: () => '/admin/institutions',
    call: 'state',
    fields: (w, p) => (p === 'admin' ? { fromId: w.spareInstitutions[0], intoId: w.spareInstitutions[1] } : { fromId: w.college, intoId: w.spareInstitutions[0] }),
    unchanged: (w, as) => Promise.all([read(as.cohortInstructor, `/institutions/${w.college}`), read(as.admin, `/institutions/${w.spareInstitutions[0]}`)]),
    expect: [S, 403, 403, 403, 403, 403, 'ok'],
  },
  {
    action: `${A.institutions}#updateInstitutionAction`,
    label: "renaming the college (the admin: to what it was)",
    at: (w) => `/institutions/${w.college}/settings`,
    call: 'state',
    fields: (w, p) => ({ institutionId: w.college, name: p === 'admin' ? 'Demo Medical College' : 'Matrix Hijacked College', shortName: 'DMC', country: 'Pakistan', province: 'Sindh', signatoryName: 'Prof. Demo Principal', signatoryTitle: 'Principal' }),
    unchanged: (w, as) => read(as.cohortInstructor, `/institutions/${w.college}`, 'Hijacked'),
    expect: [S, 404, 404, 404, 404, 404, 'ok'],
  },
  {
    action: `${A.institutions}#logoAction`,
    label: "removing the college's logo (the admin: replacing it)",
    at: (w) => `/institutions/${w.college}/settings`,
    call: 'state',
    fields: (w, p): Record<string, string | Blob> => (p === 'admin' ? { institutionId: w.college, logo: new Blob([tinyPng], { type: 'image/png' }) } : { institutionId: w.college, remove: 'yes' }),
    unchanged: (w, as) => read(as.anonymous, `/institutions/${w.college}/logo`),
    expect: [S, 404, 404, 404, 404, 404, 'ok'],
  },
  {
    action: `${A.institutions}#appointStaffAction`,
    label: "oneself as the college's admin (the admin: the spare instructor as a viewer)",
    at: (w) => `/institutions/${w.college}/staff`,
    call: 'state',
    fields: (w, p) => ({ institutionId: w.college, email: p === 'admin' ? w.spareStaff.email : p === 'anonymous' ? 'matrix-nobody@example.test' : w.users[p].email, role: p === 'admin' ? 'viewer' : 'admin' }),
    unchanged: statusesAt((w) => `/institutions/${w.college}/staff`),
    expect: [S, 404, 404, 404, 404, 404, 'ok'],
  },
  {
    action: `${A.institutions}#removeStaffAction`,
    label: 'the cohort instructor from the college (the admin: the spare instructor)',
    at: (w) => `/institutions/${w.college}/staff`,
    call: 'state',
    fields: (w, p) => ({ institutionId: w.college, userId: p === 'admin' ? w.spareStaff.id : w.users.cohortInstructor.id }),
    unchanged: (w, as) => read(as.admin, `/institutions/${w.college}/staff`, w.users.cohortInstructor.email),
    expect: [S, 404, 404, 404, 404, 404, 'ok'],
  },
  // The college's learning record store: pointing it elsewhere would send its learners' records there.
  {
    action: `${A.lrs}#saveLrsAction`,
    label: 'an address of one’s own (the admin: a closed port on this machine, sending off)',
    at: (w) => `/institutions/${w.college}/lrs`,
    call: 'state',
    fields: (w, p) => ({ institutionId: w.college, endpoint: p === 'admin' ? 'http://127.0.0.1:9/xapi' : 'https://matrix-elsewhere.example/xapi', authKey: 'matrix-key', secret: 'matrix-secret' }),
    unchanged: (w, as) => read(as.admin, `/institutions/${w.college}/lrs`, 'matrix-elsewhere'),
    expect: [S, 404, 404, 404, 404, 404, 'ok'],
  },
  {
    action: `${A.lrs}#testLrsAction`,
    at: (w) => `/institutions/${w.college}/lrs`,
    call: 'state',
    fields: (w) => ({ institutionId: w.college }),
    expect: [S, 404, 404, 404, 404, 404, 'error: The LRS could not be reached'],
  },
];
