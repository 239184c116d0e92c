import { z } from 'zod';
import { calendarDate, textField } from '@/lib/validation/text';

const id = (what: string) => z.uuid({ error: `That ${what} is not valid.` });

/** A due date typed as YYYY-MM-DD, taken as the end of that day in Pakistan (UTC+5), and in the future. */
const dueDate = calendarDate('Choose a due date.')
  .transform((v) => new Date(`${v}T23:59:59+05:00`))
  .refine((d) => !Number.isNaN(d.getTime()), 'Choose a real date.')
  .refine((d) => d.getTime() > Date.now(), 'The due date must be in the future.')
  .refine((d) => d.getTime() < Date.now() + 3 * 366 * 86_400_000, 'The due date must be within three years.');

export const createCohortSchema = z.object({
  name: textField({ label: 'The cohort name', min: 3, max: 120, required: 'Name the cohort (at least 3 characters).' }),
  institutionId: z.uuid({ error: 'Choose an institution from the list.' }),
  programmeId: z.string({ error: 'Choose a programme.' }).min(1, 'Choose a programme.').max(80),
  dueDate,
});

export const joinSchema = z.object({
  code: z.string({ error: 'Enter the join code.' }).trim().min(1, 'Enter the join code.').max(40, 'That is not a join code.'),
});

export const cohortRefSchema = z.object({ cohortId: id('cohort') });
export const memberRefSchema = z.object({ cohortId: id('cohort'), userId: id('learner') });
export const invitationAnswerSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'That invitation link is not valid.').optional(),
  id: z.uuid().optional(),
  answer: z.enum(['accept', 'decline']),
});

export const invitationRefSchema = z.object({ invitationId: id('invitation') });

const studentId = textField({ label: 'A student ID', max: 60 }).transform((v) => (v === '' ? null : v));

export const inviteOneSchema = z.object({
  cohortId: id('cohort'),
  email: z.string({ error: 'Enter an e-mail address.' }).trim().toLowerCase().pipe(z.email({ error: 'Enter a valid e-mail address.' })),
  studentId: studentId.optional().default(null),
});
