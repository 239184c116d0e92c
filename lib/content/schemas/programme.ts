// A certification programme (content/programmes/<id>.yaml): what a learner must have done to earn it.
import { z } from 'zod';
import { nonEmpty, slugSchema } from './common';

export const programmeSchema = z
  .strictObject({
    id: slugSchema,
    title: nonEmpty,
    summary: nonEmpty,
    audience: z.array(z.enum(['student', 'doctor', 'other'])).min(1, 'name who the programme is open to'),
    tier: z.number().int().min(1).max(3).describe('AAMC telehealth competency tier'),
    /** Notional study hours: an estimate of the time the programme takes, printed on its certificates. */
    studyHours: z.number().positive().optional(),
    /** Who provides the programme, printed verbatim on certificates (e.g. a college running it for its doctors). */
    provider: nonEmpty.max(200).optional(),
    /**
     * An accreditation statement, printed verbatim, for a deployment whose programme a council has
     * actually accredited (body, credits, approval number). Without it, certificates say plainly
     * that the hours are not accredited credit: the platform awards none of its own.
     */
    accreditation: nonEmpty.max(600).optional(),
    /**
     * Issue certificates only for content a clinical reviewer has signed off: every lesson of its
     * modules, question of its quizzes, case it names and reference they cite, each at its current
     * version (lib/domain/review). Off by default; a deployment that must certify only reviewed
     * content turns it on.
     */
    requireSignOff: z.boolean().default(false),
    validityMonths: z.number().int().positive(),
    recertifyWindowDays: z.number().int().positive().default(60),
    requirements: z.strictObject({
      modules: z.array(slugSchema).default([]),
      quizzes: z.array(z.strictObject({ quiz: slugSchema, minScore: z.number().int().min(0).max(100).optional() })).default([]),
      consults: z
        .strictObject({
          required: z.array(slugSchema).default([]),
          anyOf: z.strictObject({ from: z.array(slugSchema).min(1), count: z.number().int().positive() }).optional(),
        })
        .default({ required: [] }),
    }),
  })
  .superRefine((p, ctx) => {
    const anyOf = p.requirements.consults.anyOf;
    if (anyOf && anyOf.count > anyOf.from.length) {
      ctx.addIssue({ code: 'custom', path: ['requirements', 'consults', 'anyOf', 'count'], message: `asks for ${anyOf.count} consults from a list of ${anyOf.from.length}` });
    }
  });

export type ProgrammeDef = z.infer<typeof programmeSchema>;
