// The Urdu beside an English line or phrase: Urdu in Arabic script and in Roman Urdu. Pure.
import { z } from 'zod';
import { isRomanUrdu, isUrduScript } from '@/lib/domain/language/script';
import { nonEmpty } from './common';

/** `{ script, roman }`: the same words in Urdu script and in Roman Urdu. */
export const urduSchema = z.strictObject({
  script: nonEmpty.refine(isUrduScript, 'must be Urdu in Arabic script (the Urdu Unicode block), not Latin letters'),
  roman: nonEmpty.refine(isRomanUrdu, 'must be Roman Urdu in Latin letters, with no Arabic script'),
});
export type UrduText = z.infer<typeof urduSchema>;

/** A language code: `ur`, `pa`, `ps`, `sd`, `en`… (ISO 639-1, or -3 where there is none). */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as ur, pa, ps, sd or en');

/**
 * The languages of a case's call, for the machine: which the patient and those with them speak, and
 * which the call is interpreted into. A case may carry Urdu lines only when Urdu is one of them.
 */
export const caseLanguagesSchema = z.strictObject({
  spoken: z.array(languageCode).min(1),
  interpretedInto: languageCode.optional(),
});
export type CaseLanguages = z.infer<typeof caseLanguagesSchema>;
