import { z } from 'zod';
import { roles } from '@/lib/domain/roles';
import { passwordProblem } from '@/lib/validation/password';
import { optionalTextField, textField } from '@/lib/validation/text';

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));


export const professions = ['student', 'doctor', 'other'] as const;

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
});

const profile = {
  name: textField({ label: 'Your name', min: 2, max: 120, required: 'Enter your name (at least 2 characters).' }),
  profession: z.enum(professions, { error: 'Choose student, doctor or other.' }),
  institution: optionalTextField({ label: 'Institution', max: 160 }),
  registrationNumber: optionalTextField({ label: 'Registration number', max: 40 }).refine(
    (v) => v === null || /^[A-Za-z0-9/.\- ]+$/.test(v),
    'A registration number may contain letters, digits, spaces and / . - only.',
  ),
};

/** A new password, by NIST SP 800-63B: long enough, not common or guessable, no composition rules. */
const newPassword = z
  .string({ error: 'Choose a password.' })
  .max(200, 'Use at most 200 characters for your password.')
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'That link is not valid.');

export const signUpSchema = z
  .object({
    ...profile,
    email,
    password: newPassword,
    /** The token of the invitation whose link brought the person here, if any. */
    invitation: z.union([token, z.literal('')]).optional(),
  })
  .superRefine((v, ctx) => {
    // A password made of the person's own name or address is among the first an attacker tries.
    const problem = passwordProblem(v.password, [v.name, v.email, ...v.email.split(/[@.]/)]);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token, password: newPassword, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are not the same.' });

export const changePasswordSchema = z
  .object({ current: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(200), password: newPassword, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are not the same.' });

export const changeEmailSchema = z.object({ email, password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200) });

export const tokenSchema = z.object({ token });

export const profileSchema = z.object(profile);

export const roleChangeSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  role: z.enum(roles, { error: 'Choose learner, instructor, clinical reviewer or admin.' }),
});

/** The welcome's first question: which programme a new account follows (a student's or a practising doctor's). */
export const programmeChoiceSchema = z.object({ profession: z.enum(['student', 'doctor'], { error: 'Choose medical student or practising doctor.' }) });
