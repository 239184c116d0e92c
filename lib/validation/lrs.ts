import { z } from 'zod';
import { endpointProblem } from '@/lib/domain/xapi/endpoint';

const checkbox = z.preprocess((v) => v === 'on' || v === 'yes' || v === 'true', z.boolean());

/** The LRS form. `allowLoopbackHttp`: a test LRS on this machine, outside production. An empty secret keeps the stored one. */
export function lrsSchema(allowLoopbackHttp: boolean) {
  return z.object({
    institutionId: z.uuid({ error: 'That institution is not valid.' }),
    endpoint: z
      .string({ error: 'Enter the LRS’s xAPI address.' })
      .trim()
      .max(500, 'The address is too long.')
      .superRefine((v, ctx) => {
        const problem = endpointProblem(v, allowLoopbackHttp);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((v) => v.replace(/\/+$/, '')),
    authKey: z.string({ error: 'Enter the key.' }).trim().min(1, 'Enter the key the LRS gave you.').max(200, 'The key is too long.'),
    secret: z
      .string()
      .max(500, 'The secret is too long.')
      .optional()
      .transform((v) => (v && v.length > 0 ? v : null)),
    sendEmail: checkbox,
    enabled: checkbox,
  });
}

export const lrsRefSchema = z.object({ institutionId: z.uuid({ error: 'That institution is not valid.' }) });
