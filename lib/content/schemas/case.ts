// The virtual-consult case format (content/README.md, "Virtual-consult cases").
// Pure: no fs and no server-only, so scripts, tests and lib/domain (types only) can use it.
import { z } from 'zod';
import { competencyTag, nonEmpty as text, slugSchema as kebabId } from './common';

/** The six AAMC telehealth domains. */
export const domainIdSchema = z.enum(['D1', 'D2', 'D3', 'D4', 'D5', 'D6']);
/** What the line is doing at a moment of the case. */
export const connectionSchema = z.enum(['video', 'frozen', 'audio', 'dropped', 'sms']);
/** How a case may begin. */
export const modalitySchema = z.enum(['video', 'audio', 'sms']);
/** The kind of thing a clinician's choice does. */
export const actionSchema = z.enum(['ask', 'examine', 'explain', 'counsel', 'manage', 'refer', 'prescribe', 'technology', 'close']);
/** How a case ending turned out for the patient. */
export const outcomeSchema = z.enum(['good', 'partial', 'unsafe']);

const requiresSchema = z.strictObject({
  flags: z.array(kebabId).default([]),
  notFlags: z.array(kebabId).default([]),
  connection: z.array(connectionSchema).default([]),
});

const effectsSchema = z.strictObject({
  scores: z.partialRecord(domainIdSchema, z.number().int()).default({}),
  flags: z.array(kebabId).default([]),
  connection: connectionSchema.optional(),
});

/** A line spoken by a participant (`who` is a participant id). */
const lineSchema = z.strictObject({ who: kebabId, text });

const choiceSchema = z.strictObject({
  id: kebabId,
  label: text,
  action: actionSchema,
  minutes: z.number().nonnegative().default(1),
  requires: requiresSchema.optional(),
  effects: effectsSchema.optional(),
  /** What the patient or those with them say in answer, shown right after the choice. */
  reply: z.array(lineSchema).default([]),
  next: kebabId,
  feedback: text,
  references: z.array(kebabId).default([]),
});

const nodeSchema = z.strictObject({
  connection: connectionSchema.optional(),
  say: z.array(lineSchema).default([]),
  show: text.optional(),
  choices: z.array(choiceSchema).default([]),
  end: z.strictObject({ outcome: outcomeSchema, text }).optional(),
});

const flaggedItemSchema = z.strictObject({
  id: kebabId,
  label: text,
  flag: kebabId,
  references: z.array(kebabId).default([]),
});

const eventSchema = z.strictObject({
  atMinute: z.number().positive(),
  when: z.array(connectionSchema).min(1).optional(),
  connection: connectionSchema,
  text,
});

/** The seven fields of a teleconsult note, used for the expert's note and the learner's. */
export const consultNoteSchema = z.strictObject({
  modality: z.string(),
  location: z.string(),
  consent: z.string(),
  present: z.string(),
  findings: z.string(),
  plan: z.string(),
  safetyNet: z.string(),
});

const expertNoteSchema = z.strictObject({
  modality: text,
  location: text,
  consent: text,
  present: text,
  findings: text,
  plan: text,
  safetyNet: text,
});

/** One file in content/cases/. */
export const caseSchema = z.strictObject({
  id: kebabId,
  title: text,
  summary: text,
  minutes: z.number().int().positive(),
  competencies: z.array(competencyTag).min(1),
  patient: z.strictObject({
    name: text,
    age: z.union([text, z.number()]).transform(String),
    sex: text,
    initials: text.optional(),
  }),
  setting: text,
  language: text.optional(),
  modality: modalitySchema,
  participants: z.array(z.strictObject({ id: kebabId, name: text, role: text })).default([]),
  start: kebabId,
  pass: z.strictObject({ minScore: z.number().min(0).max(100) }),
  rubric: z.strictObject({
    domains: z.partialRecord(domainIdSchema, z.number().int().positive()),
    criticalActions: z.array(flaggedItemSchema).default([]),
    criticalErrors: z.array(flaggedItemSchema).default([]),
  }),
  events: z.array(eventSchema).default([]),
  nodes: z.record(kebabId, nodeSchema),
  expertPath: z.array(kebabId).min(1),
  note: z.strictObject({
    domain: domainIdSchema,
    points: z.number().int().positive(),
    expert: expertNoteSchema,
  }),
  references: z.array(kebabId).default([]),
});

export type CaseDef = z.infer<typeof caseSchema>;
export type CaseNode = CaseDef['nodes'][string];
export type CaseChoice = CaseNode['choices'][number];
export type CaseEvent = CaseDef['events'][number];
export type CaseLine = CaseNode['say'][number];
export type DomainId = z.infer<typeof domainIdSchema>;
export type Connection = z.infer<typeof connectionSchema>;
export type ChoiceAction = z.infer<typeof actionSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type ConsultNote = z.infer<typeof consultNoteSchema>;
