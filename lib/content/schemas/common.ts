// Shared pieces of the content formats (content/README.md). Pure: usable by scripts, tests and lib/domain types.
import { z } from 'zod';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');
export const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** A domain (`D4`) or a tiered competency (`D4.1`). */
export const competencyTag = z.string().regex(/^D[1-6](?:\.[1-3])?$/, 'must be a domain (D1..D6) or a competency id (D1.1..D6.3)');
