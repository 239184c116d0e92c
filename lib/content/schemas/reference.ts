import { z } from 'zod';
import { nonEmpty, slugSchema } from './common';

/** One source in content/references/*.yaml. */
export const referenceSchema = z.strictObject({
  id: slugSchema,
  citation: nonEmpty,
  url: z.url().optional(),
  evidence: z.enum(['V', 'S', 'K'], { error: 'must be V, S or K (the content brief’s evidence tags)' }),
  note: z.string().optional(),
});

export const referenceFileSchema = z.array(referenceSchema);
export type Reference = z.infer<typeof referenceSchema>;
