import { z } from 'zod';
import { nonEmpty } from './common';

export const competenciesFileSchema = z.strictObject({
  source: z.string(),
  tiers: z.array(z.strictObject({ tier: z.number().int().min(1).max(3), label: nonEmpty })).length(3),
  domains: z
    .array(
      z.strictObject({
        id: z.enum(['D1', 'D2', 'D3', 'D4', 'D5', 'D6']),
        title: nonEmpty,
        short: nonEmpty,
        paraphrased: z.boolean().optional(),
        competencies: z
          .array(z.strictObject({ id: z.string().regex(/^D[1-6]\.[1-3]$/), tier: z.number().int().min(1).max(3), text: nonEmpty }))
          .length(3),
      }),
    )
    .length(6, 'must list the six AAMC domains'),
});

export type Competencies = z.infer<typeof competenciesFileSchema>;
export type Domain = Competencies['domains'][number];
