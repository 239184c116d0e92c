// The shapes a consult attempt is stored in (jsonb), parsed back on every read so a row that does not
// match (an older format, a hand edit) fails loudly instead of driving the engine with bad data.
import { z } from 'zod';
import { textField } from '@/lib/validation/text';
import { connectionSchema, domainIdSchema, noteFieldSchema, outcomeSchema } from '@/lib/content/schemas/case';
import type { ConsultResult, ConsultState } from './types';

export const consultStateSchema = z.object({
  nodeId: z.string(),
  step: z.number().int().nonnegative(),
  minute: z.number().nonnegative(),
  connection: connectionSchema,
  flags: z.array(z.string()),
  scores: z.record(z.string(), z.number()),
  taken: z.array(z.string()),
  path: z.array(
    z.object({
      step: z.number().int(),
      nodeId: z.string(),
      choiceId: z.string(),
      minute: z.number(),
      connectionBefore: connectionSchema,
    }),
  ),
  events: z.array(z.object({ index: z.number().int(), step: z.number().int() })),
  ended: z.boolean(),
}) satisfies z.ZodType<ConsultState>;

const domainScoreSchema = z.object({ points: z.number(), max: z.number(), percent: z.number() });
const noteFactSchema = z.object({ field: noteFieldSchema, id: z.string(), fact: z.string(), found: z.boolean() });

export const consultResultSchema = z.object({
  domains: z.partialRecord(domainIdSchema, domainScoreSchema),
  total: domainScoreSchema,
  // `facts` is optional: results graded before notes were marked on their key facts have none.
  note: z.object({ points: z.number(), max: z.number(), missing: z.array(noteFieldSchema), facts: z.array(noteFactSchema).optional() }),
  criticalActions: z.object({ done: z.array(z.string()), missed: z.array(z.string()) }),
  criticalErrors: z.array(z.string()),
  outcome: outcomeSchema,
  passed: z.boolean(),
}) satisfies z.ZodType<ConsultResult>;

/** Longest a note field may be: a teleconsult note is short, and the row should stay small. */
export const NOTE_FIELD_MAX = 2000;

const noteField = (label: string) =>
  textField({ label: `The ${label}`, min: 1, max: NOTE_FIELD_MAX, multiline: true, required: `Write the ${label}; if it does not apply, say why.` });

/** The learner's teleconsult note as submitted: every field written, none too long. */
export const learnerNoteSchema = z.strictObject({
  modality: noteField('modality'),
  location: noteField("patient's location"),
  consent: noteField('consent'),
  present: noteField('people present'),
  findings: noteField('findings'),
  plan: noteField('plan'),
  safetyNet: noteField('safety-net advice'),
});
