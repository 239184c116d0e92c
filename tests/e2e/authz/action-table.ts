// The server-action half of the authorization matrix (the route half, and the outcomes' meaning: table.ts).
import { consultStep, count, invitationRow, read, statusesAt } from './reads';
import { type ActionRow, S, bogusToken, everyone, lesson, signedIn } from './table';
import { A, NOT_IN, R, STAFF_NO_JOIN, newPassword, note, toQuiz, toRoom, unknownId, wrongPassword } from './action-kit';
import { staffActions } from './action-table-staff';

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
    // The owner's step answers the page's script with the room's update (a plain form post is redirected to the room).
    expect: [S, 200, 404, 404, 404, 404, 404],
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
  // Everyone sets their own profession only (the matrix's accounts are doctors; the owner stays one).
  { action: `${A.welcome}#chooseProgrammeAction`, at: () => '/welcome', call: 'state', fields: () => ({ profession: 'doctor' }), expect: signedIn(S, 'ok') },
  { action: `${A.profile}#updateProfileAction`, at: () => '/profile', call: 'state', fields: (_w, p) => ({ name: `Matrix ${p}`, profession: 'other' }), expect: signedIn(S, 'ok') },
  // Typing an address that is not one's own asks nothing (the real request ends every session: tests/integration/privacy.test.ts).
  { action: `${A.profile}#requestDeletionAction`, at: () => '/profile', call: 'state', fields: () => ({ email: 'matrix-not-my-address@example.test' }), expect: signedIn(S, 'invalid') },
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
    // The script is told the result's address (`next`) and opens it; a plain form post is redirected there.
    expect: [S, 'ok', 404, 404, 404, 404, 404],
  },
  // A cookie for this device only (how the patient's words are shown), the same for everyone: back to the room.
  { action: `${A.consultLanguage}#setPatientLinesAction`, at: toRoom, call: 'plain', fields: (w) => ({ caseId: w.consultCase, lines: 'en' }), expect: everyone('→ /consults/chest-pain-lagging-video/room') },
  { action: `${A.settings}#setLowDataAction`, at: () => '/settings/data', call: 'plain', fields: () => ({ lowdata: '0' }), expect: everyone('→ /settings/data') },
  { action: `${A.settings}#setUrduFontAction`, at: () => '/settings/data', call: 'plain', fields: () => ({ font: 'system' }), expect: everyone('→ /settings/data') },
  // Anyone may choose a language: this device's cookie, and only the caller's own account row.
  { action: `${A.language}#switchLanguageAction`, at: () => '/modules', call: 'plain', fields: () => ({ locale: 'en', path: '/modules' }), expect: everyone('→ /modules') },
  // Teaching: the cohort instructor's cohorts.
  ...staffActions,
];
