// What the two action tables share: the files the actions live in, the passwords, the answers.
import type { World } from './table';

export const A = {
  certificates: 'app/(admin)/admin/certificates/actions.ts',
  content: 'app/(admin)/admin/content/actions.ts',
  users: 'app/(admin)/admin/users/actions.ts',
  account: 'app/(auth)/account/actions.ts',
  auth: 'app/(auth)/actions.ts',
  cohorts: 'app/(learn)/cohorts/actions.ts',
  consults: 'app/(learn)/consults/actions.ts',
  consultLanguage: 'app/(learn)/consults/language-actions.ts',
  profile: 'app/(learn)/profile/actions.ts',
  welcome: 'app/(learn)/welcome/actions.ts',
  quizzes: 'app/(learn)/quizzes/[quiz]/actions.ts',
  settings: 'app/(site)/settings/data/actions.ts',
  language: 'app/(site)/settings/language-actions.ts',
  teach: 'app/(teach)/teach/cohorts/actions.ts',
  teachers: 'app/(teach)/teach/cohorts/teacher-actions.ts',
  teachLms: 'app/(teach)/teach/cohorts/lms-actions.ts',
  institutions: 'app/(teach)/institutions/actions.ts',
  platform: 'app/(admin)/admin/institutions/actions.ts',
  lrs: 'app/(teach)/institutions/[institution]/lrs/actions.ts',
  lms: 'app/(teach)/institutions/lms-actions.ts',
  ltiLink: 'app/(auth)/lti/link/actions.ts',
} as const;

export const wrongPassword = 'not-the-password-1';
export const newPassword = 'a-fresh-long-passphrase-for-matrix-7';
export const note = { modality: 'Video call', location: 'At home', consent: 'Verbal consent', present: 'The patient', findings: 'Chest pain', plan: 'Emergency referral', safetyNet: 'Call an ambulance' };
export const unknownId = '00000000-0000-4000-8000-000000000000';
export const toRoom = (w: World) => `/consults/${w.consultCase}/room`;
export const toQuiz = (w: World) => `/quizzes/${w.quiz}`;
export const R = '→ /cohorts' as const;
export const NOT_IN = 'error: You are not in that cohort.' as const;
export const STAFF_NO_JOIN = 'error: Staff accounts do not join cohorts' as const;

// Actions run in this order, and within a row every refusal runs before any success: a success
// (a revoked certificate, a closed cohort) cannot hide a refusal that changed something.
//                                                                                                anon   owner  other  c-inst o-inst review admin
export const EXPIRED = 'error: This link request has expired' as const;
