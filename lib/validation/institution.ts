import { z } from 'zod';
import { institutionRoles } from '@/lib/domain/institutions';
import { optionalTextField, textField } from '@/lib/validation/text';

const id = (what: string) => z.uuid({ error: `That ${what} is not valid.` });

/** A bare domain such as duhs.edu.pk (no scheme, no @, no path), lower case. */
const emailDomain = optionalTextField({ label: 'The e-mail domain', max: 100 }).refine(
  (v) => v === null || /^(?=.{3,100}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i.test(v),
  'Enter a domain such as duhs.edu.pk (without @ or https://).',
).transform((v) => v?.toLowerCase() ?? null);

export const institutionSchema = z.object({
  name: textField({ label: 'The name', min: 3, max: 160, required: 'Enter the institution’s full name (at least 3 characters).' }),
  shortName: textField({ label: 'The short name', min: 2, max: 20, required: 'Enter a short name such as DUHS (2 to 20 characters).' }),
  country: textField({ label: 'The country', min: 2, max: 60, required: 'Enter the country.' }),
  province: optionalTextField({ label: 'The province or region', max: 60 }),
  emailDomain,
});

export const institutionSettingsSchema = institutionSchema.extend({
  institutionId: id('institution'),
  signatoryName: optionalTextField({ label: 'The signatory’s name', max: 120 }),
  signatoryTitle: optionalTextField({ label: 'The signatory’s title', max: 120 }),
});

export const appointSchema = z.object({
  institutionId: id('institution'),
  email: z.email({ error: 'Enter the e-mail address of their account.' }).max(254).transform((v) => v.toLowerCase()),
  role: z.enum(institutionRoles, { error: 'Choose a role.' }),
});

export const staffRefSchema = z.object({ institutionId: id('institution'), userId: id('person') });
export const mergeSchema = z.object({ fromId: id('institution'), intoId: id('institution') });
export const coTeacherSchema = z.object({ cohortId: id('cohort'), email: z.email({ error: 'Enter the e-mail address of their account.' }).max(254).transform((v) => v.toLowerCase()) });
export const coTeacherRefSchema = z.object({ cohortId: id('cohort'), userId: id('person') });

export const logoLimitBytes = 100 * 1024;

/** A logo's type from its first bytes (never from its name or the browser's word): PNG or JPEG only. */
export function logoType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Why a file cannot be a logo, or null when it can. */
export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Choose a PNG or JPEG file.';
  if (bytes.length > logoLimitBytes) return `The logo must be at most 100 kB (this one is ${Math.ceil(bytes.length / 1024)} kB).`;
  if (!logoType(bytes)) return 'The logo must be a PNG or JPEG image.';
  return null;
}
