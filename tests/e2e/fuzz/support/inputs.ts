// The classes of bad input, generated for every field, path segment and query parameter, and the
// small table of valid baselines they are applied to (one field broken at a time, so each refusal
// is that field's own). A baseline is chosen so that nothing the suite sends may change data: it
// names something that does not exist or is not the sender's, or the sender lacks the role.
import { createHmac } from 'node:crypto';
import type { Field } from './client';

/** What the suite knows about the seeded site: the objects that belong to someone else, and the fuzzer's own. */
export type World = {
  foreignUser: string;
  foreignQuiz: { quiz: string; attempt: string };
  foreignConsult: { caseId: string; attempt: string };
  foreignCertificate: string;
  foreignCohort: string;
  foreignInstitution: string;
  ownConsult: { caseId: string; attempt: string; firstChoice: string };
};

export type BadValue = { klass: string; value: Field | null };

const nothing = '00000000-0000-4000-8000-000000000000';

/** Characters that never belong in a name, id or code, each inserted into an otherwise valid value. */
const characters: [string, string][] = [
  ['NUL', '\u0000'],
  ['control character', '\u0007'],
  ['bidi override', '\u202E'],
  ['zero-width space', '\u200B'],
  ['CR/LF', '\r\nX-Injected: 1'],
];

/** How a form field may be broken. `secret`: any characters are a valid password; `optional`: absent is valid; `multiline`: line breaks are valid. */
export type FieldKind = 'text' | 'id' | 'secret' | 'optional' | 'multiline';

/** `free`: free text, where a date-like or JSON-like string is a valid value (a name, an institution). */
export type FieldSpec = { value: string; kind?: FieldKind; free?: boolean; foreign?: (w: World) => string[] };

export function badValues(spec: FieldSpec, world: World): BadValue[] {
  const kind = spec.kind ?? 'text';
  const out: BadValue[] = [{ klass: 'oversized (100 kB)', value: `${spec.value}${'x'.repeat(100_000)}` }];
  if (kind !== 'optional') {
    out.push({ klass: 'missing', value: null }, { klass: 'empty', value: '' }, { klass: 'wrong type (a file)', value: { file: spec.value, name: 'value.txt', type: 'text/plain' } });
  }
  if (kind === 'secret') return out;
  for (const [klass, c] of characters) {
    if (kind === 'multiline' && klass === 'CR/LF') continue;
    out.push({ klass, value: `${spec.value.slice(0, 3)}${c}${spec.value.slice(3)}` });
  }
  if (!spec.free) out.push({ klass: 'impossible date', value: '2027-02-31' }, { klass: 'wrong type (JSON)', value: '{"$ne":null}' });
  for (const id of spec.foreign?.(world) ?? []) out.push({ klass: 'foreign id', value: id });
  return out;
}

/** Values for a path segment or query parameter, already percent-encoded as a client would send them. */
export function badSegments(valid: string, world: World): { klass: string; value: string }[] {
  return [
    { klass: 'NUL', value: `${valid}%00` },
    { klass: 'control character', value: `${valid}%07` },
    { klass: 'bidi override', value: `${valid}%E2%80%AE` },
    { klass: 'zero-width space', value: `${valid}%E2%80%8B` },
    { klass: 'CR/LF', value: `${valid}%0D%0ASet-Cookie:%20x=1` },
    { klass: 'broken percent-encoding', value: `${valid}%E0%A4%A` },
    { klass: 'oversized', value: 'x'.repeat(6_000) },
    { klass: 'impossible date', value: '2027-02-31' },
    { klass: 'traversal', value: '..%2F..%2Fetc%2Fpasswd' },
    { klass: 'foreign id', value: world.foreignCohort },
    { klass: 'foreign id', value: world.foreignCertificate },
    { klass: 'foreign id', value: world.foreignQuiz.attempt },
  ];
}

/** Valid values for each dynamic segment name the app uses (a new name falls back to a plain word). */
export function segmentBaseline(name: string, world: World): string {
  const values: Record<string, string> = {
    module: 'foundations',
    lesson: 'what-is-telemedicine',
    quiz: 'foundations',
    attempt: world.foreignQuiz.attempt,
    case: 'chest-pain-lagging-video',
    code: world.foreignCertificate,
    cohort: world.foreignCohort,
    institution: world.foreignInstitution,
    learner: world.foreignUser,
    token: 'a'.repeat(32),
    kind: 'lesson',
    id: 'foundations/what-is-telemedicine',
    nextauth: 'session',
  };
  return values[name] ?? 'word';
}

export type ActionBaseline = {
  /** Who sends it: a role that may not, or whose baseline names something that is not theirs. */
  as: 'learner' | 'anonymous';
  /** The page it is posted to (a dynamic one filled from segmentBaseline). */
  fields: (w: World) => Record<string, FieldSpec>;
};

const email = { value: 'nobody@example.test' };
const password = { value: 'a-wrong-password-1', kind: 'secret' } as const;
const newPassword = { value: 'correct horse battery staple 42', kind: 'secret' } as const;
const uuid = (foreign?: (w: World) => string[]): FieldSpec => ({ value: nothing, kind: 'id', foreign });
const cohortId = uuid((w) => [w.foreignCohort]);
const certificateCode = { value: 'zzzzzzzzzzzzzzzz', foreign: (w: World) => [w.foreignCertificate] };
const institutionId = uuid((w) => [w.foreignInstitution]);
const institutionFields = { name: { value: 'Fuzz Medical College' }, shortName: { value: 'FMC' }, country: { value: 'Pakistan' }, province: { value: 'Sindh', kind: 'optional' as const }, emailDomain: { value: 'fmc.edu.pk', kind: 'optional' as const } };
const reason = { value: 'Issued in error (fuzz baseline).', kind: 'multiline' } as const;
const note = { value: 'video', kind: 'multiline' } as const;

/**
 * A valid input per action, by exported name. A field that is sanitised rather than refused
 * (`next` falls back to the profile) is left out: any value of it is valid.
 */
export const actionBaselines: Record<string, ActionBaseline> = {
  // Admin and reviewer actions, sent by a learner: parsed in full, then refused for the role.
  revokeAction: { as: 'learner', fields: () => ({ code: certificateCode, reason }) },
  reinstateAction: { as: 'learner', fields: () => ({ code: certificateCode, reason }) },
  decideAction: {
    as: 'learner',
    fields: () => ({ kind: { value: 'lesson' }, id: { value: 'foundations/what-is-telemedicine' }, hash: { value: '0123456789abcdef' }, decision: { value: 'signed-off' }, comment: { value: 'Fine.', kind: 'optional' }, key: { value: 'fuzz-key-0123456789' } }),
  },
  changeRoleAction: { as: 'learner', fields: () => ({ userId: uuid((w) => [w.foreignUser]), role: { value: 'admin' } }) },
  // Instructor actions, sent by a learner.
  createCohortAction: { as: 'learner', fields: () => ({ name: { value: 'Fuzz cohort' }, institutionId: uuid((w) => [w.foreignInstitution]), programmeId: { value: 'practice-doctors' }, dueDate: { value: '2027-06-30' } }) },
  closeCohortAction: { as: 'learner', fields: () => ({ cohortId }) },
  syncRosterAction: { as: 'learner', fields: () => ({ cohortId }) },
  removeMemberAction: { as: 'learner', fields: () => ({ cohortId, userId: uuid((w) => [w.foreignUser]) }) },
  inviteOneAction: { as: 'learner', fields: () => ({ cohortId, email, studentId: { value: 'S-1', kind: 'optional' } }) },
  importRosterAction: { as: 'learner', fields: () => ({ cohortId, roster: { value: 'nobody@example.test' } }) },
  resendInvitationAction: { as: 'learner', fields: () => ({ invitationId: uuid() }) },
  revokeInvitationAction: { as: 'learner', fields: () => ({ invitationId: uuid() }) },
  // Institution and co-teacher actions (institution admins, site admins, cohort teachers), sent by a learner.
  createInstitutionAction: { as: 'learner', fields: () => institutionFields },
  updateInstitutionAction: { as: 'learner', fields: () => ({ institutionId: institutionId, ...institutionFields, signatoryName: { value: 'Dr Fuzz', kind: 'optional' }, signatoryTitle: { value: 'Dean', kind: 'optional' } }) },
  mergeInstitutionsAction: { as: 'learner', fields: () => ({ fromId: institutionId, intoId: uuid((w) => [w.foreignInstitution]) }) },
  appointStaffAction: { as: 'learner', fields: () => ({ institutionId, email, role: { value: 'instructor' } }) },
  removeStaffAction: { as: 'learner', fields: () => ({ institutionId, userId: uuid((w) => [w.foreignUser]) }) },
  logoAction: { as: 'learner', fields: () => ({ institutionId, remove: { value: 'yes', kind: 'optional' } }) },
  addCoTeacherAction: { as: 'learner', fields: () => ({ cohortId, email: { value: 'instructor@demo.telehealth.test' } }) },
  removeCoTeacherAction: { as: 'learner', fields: () => ({ cohortId, userId: uuid((w) => [w.foreignUser]) }) },
  // An institution's Learning Record Store (its admins), sent by a learner.
  saveLrsAction: {
    as: 'learner',
    fields: () => ({
      institutionId,
      endpoint: { value: 'https://lrs.example.org/xapi' },
      authKey: { value: 'fuzz-key' },
      secret: { value: 'fuzz-secret', kind: 'optional' },
      sendEmail: { value: 'on', kind: 'optional' },
      enabled: { value: 'on', kind: 'optional' },
    }),
  },
  testLrsAction: { as: 'learner', fields: () => ({ institutionId }) },
  // An institution's LMS platforms (LTI 1.3; its admins), sent by a learner.
  registerPlatformAction: {
    as: 'learner',
    fields: () => ({
      institutionId,
      name: { value: 'Fuzz Moodle' },
      issuer: { value: 'https://moodle.example.org' },
      clientId: { value: 'fuzz-client' },
      deploymentIds: { value: '1' },
      authLoginUrl: { value: 'https://moodle.example.org/mod/lti/auth.php' },
      tokenUrl: { value: 'https://moodle.example.org/mod/lti/token.php' },
      jwksUrl: { value: 'https://moodle.example.org/mod/lti/certs.php' },
      programmeId: { value: 'readiness-students' },
    }),
  },
  removePlatformAction: { as: 'learner', fields: () => ({ institutionId, platformId: uuid() }) },
  setFramingAction: { as: 'learner', fields: () => ({ institutionId, platformId: uuid(), frameOrigins: { value: 'https://moodle.example.org', kind: 'optional' } }) },
  createRegistrationLinkAction: { as: 'learner', fields: () => ({ institutionId, programmeId: { value: 'readiness-students' } }) },
  approvePlatformAction: { as: 'learner', fields: () => ({ institutionId, platformId: uuid(), deploymentIds: { value: '1' } }) },
  rejectPlatformAction: { as: 'learner', fields: () => ({ institutionId, platformId: uuid() }) },
  // Linking an LMS identity: without the launch's cookie there is nothing to link.
  linkLmsAction: { as: 'learner', fields: () => ({ extra: { value: 'x', kind: 'optional' } }) },
  // Learner actions on things that are not the learner's, or do not exist.
  joinCohortAction: { as: 'learner', fields: () => ({ code: { value: 'NOSUCHCODE' } }) },
  leaveCohortAction: { as: 'learner', fields: () => ({ cohortId }) },
  answerInvitationAction: { as: 'learner', fields: () => ({ id: uuid(), answer: { value: 'accept' } }) },
  startAttemptAction: { as: 'learner', fields: () => ({ quiz: { value: 'no-such-quiz' } }) },
  saveAnswersAction: { as: 'learner', fields: (w) => ({ quiz: { value: w.foreignQuiz.quiz }, attemptId: uuid((x) => [x.foreignQuiz.attempt]), shown: { value: '', kind: 'optional' } }) },
  moveAction: { as: 'learner', fields: (w) => ({ quiz: { value: w.foreignQuiz.quiz }, attemptId: uuid((x) => [x.foreignQuiz.attempt]) }) },
  submitAttemptAction: { as: 'learner', fields: (w) => ({ quiz: { value: w.foreignQuiz.quiz }, attemptId: uuid((x) => [x.foreignQuiz.attempt]) }) },
  startConsultAction: { as: 'learner', fields: () => ({ caseId: { value: 'no-such-case' } }) },
  restartConsultAction: { as: 'learner', fields: (w) => ({ caseId: { value: w.foreignConsult.caseId }, attemptId: uuid((x) => [x.foreignConsult.attempt]) }) },
  // The learner's own open consult, at step 0 with a choice it offers: only a broken field may stop the step.
  stepAction: {
    as: 'learner',
    fields: (w) => ({ caseId: { value: w.ownConsult.caseId }, attemptId: { value: w.ownConsult.attempt, kind: 'id', foreign: (x) => [x.foreignConsult.attempt] }, expectedStep: { value: '0' }, choiceId: { value: w.ownConsult.firstChoice } }),
  },
  finishConsultAction: {
    as: 'learner',
    fields: (w) => ({
      caseId: { value: w.foreignConsult.caseId },
      attemptId: uuid((x) => [x.foreignConsult.attempt]),
      ...Object.fromEntries(['modality', 'location', 'consent', 'present', 'findings', 'plan', 'safetyNet'].map((k) => [k, note])),
    }),
  },
  chooseProgrammeAction: { as: 'learner', fields: () => ({ profession: { value: 'student' } }) },
  updateProfileAction: { as: 'learner', fields: () => ({ name: { value: 'Ayesha Demo (learner)', free: true }, profession: { value: 'student' }, institution: { value: 'Demo Medical College', kind: 'optional', free: true }, registrationNumber: { value: 'PMC-1', kind: 'optional', free: true } }) },
  changeEmailAction: { as: 'learner', fields: () => ({ email, password }) },
  changePasswordAction: { as: 'learner', fields: () => ({ current: password, password: newPassword, confirm: newPassword }) },
  resendVerificationAction: { as: 'learner', fields: () => ({ extra: { value: 'x', kind: 'optional' } }) },
  // Signed out.
  signInAction: { as: 'anonymous', fields: () => ({ email: { value: 'learner@demo.telehealth.test' }, password }) },
  signUpAction: {
    as: 'anonymous',
    fields: () => ({ name: { value: 'Fuzz Person', free: true }, email: { value: 'fuzz-sign-up@example.test' }, password: newPassword, profession: { value: 'doctor' }, institution: { value: 'Fuzz College', kind: 'optional', free: true }, registrationNumber: { value: 'R-1', kind: 'optional', free: true }, invitation: { value: 'a'.repeat(32), kind: 'optional' } }),
  },
  forgotPasswordAction: { as: 'anonymous', fields: () => ({ email }) },
  resetPasswordAction: { as: 'anonymous', fields: () => ({ token: { value: 'a'.repeat(32) }, password: newPassword, confirm: newPassword }) },
  confirmEmailAction: { as: 'anonymous', fields: () => ({ token: { value: 'a'.repeat(32) }, purpose: { value: 'verify-email' } }) },
  // Sign-out actions, sent signed out (signed in, any input is valid and ends the session).
  signOutAction: { as: 'anonymous', fields: () => ({}) },
  // A learner typing an address that is not theirs: refused, nothing asked (a valid one would end the fuzzing learner's sessions).
  requestDeletionAction: { as: 'learner', fields: () => ({ email: { value: 'not-the-learners-address@example.test', free: true } }) },
  signOutEverywhereAction: { as: 'anonymous', fields: () => ({ extra: { value: 'x', kind: 'optional' } }) },
  // A cookie for this device only: every value is valid (anything but 1 is "off").
  setLowDataAction: { as: 'anonymous', fields: () => ({ lowdata: { value: '1', kind: 'optional' } }) },
  // The same: any `lines` but en, ur or both is English; a case id that is not one goes to the library.
  setPatientLinesAction: { as: 'anonymous', fields: () => ({ caseId: { value: 'chest-pain-lagging-video', kind: 'optional' }, lines: { value: 'ur', kind: 'optional' } }) },
  // The language switch: a locale, and the page to reopen in it (anything unsafe goes home).
  switchLanguageAction: { as: 'anonymous', fields: () => ({ locale: { value: 'en' }, path: { value: '/modules', kind: 'optional' } }) },
  setUrduFontAction: { as: 'anonymous', fields: () => ({ font: { value: 'system', kind: 'optional' } }) },
};

/** Session cookies no server issued: garbage, a JWT with alg "none", and one signed with a guessed secret. */
export function forgedSessionTokens(): { klass: string; value: string }[] {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const claims = { sub: nothing, sid: nothing, exp: Math.floor(Date.now() / 1000) + 3600 };
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}`;
  const hs = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return [
    { klass: 'garbage session cookie', value: 'garbage' },
    { klass: 'JWT with alg none', value: `${unsigned}.` },
    { klass: 'JWT signed with a guessed secret', value: `${hs}.${createHmac('sha256', 'secret').update(hs).digest('base64url')}` },
    { klass: 'JWE with broken parts', value: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC' },
    { klass: 'oversized session cookie', value: 'x'.repeat(3_900) },
  ];
}
