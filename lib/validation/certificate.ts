import { z } from 'zod';

/** A certificate code as issued: 16 characters of lowercase letters and digits 2–9. Anything else names no certificate. */
export const CERTIFICATE_CODE = /^[a-z2-9]{16}$/;

export function isCertificateCode(code: unknown): code is string {
  return typeof code === 'string' && CERTIFICATE_CODE.test(code);
}

export const certificateCodeSchema = z.string().regex(CERTIFICATE_CODE, 'Unknown certificate.');
