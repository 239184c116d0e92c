import { z } from 'zod';
import { roles } from '@/lib/domain/roles';

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

export const professions = ['student', 'doctor', 'other'] as const;

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
});

const profile = {
  name: z.string({ error: 'Enter your name.' }).trim().min(2, 'Enter your name (at least 2 characters).').max(120, 'Your name must be at most 120 characters.'),
  profession: z.enum(professions, { error: 'Choose student, doctor or other.' }),
  institution: optionalText(160, 'Institution'),
  registrationNumber: optionalText(40, 'Registration number').refine(
    (v) => v === null || /^[A-Za-z0-9/.\- ]+$/.test(v),
    'A registration number may contain letters, digits, spaces and / . - only.',
  ),
};

const newPassword = z
  .string({ error: 'Choose a password.' })
  .min(10, 'Use at least 10 characters for your password.')
  .max(200, 'Use at most 200 characters for your password.');

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'That link is not valid.');

export const signUpSchema = z.object({
  ...profile,
  email,
  password: newPassword,
  /** The token of the invitation whose link brought the person here, if any. */
  invitation: z.union([token, z.literal('')]).optional(),
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
