// The virtual-consult case format (content/README.md, "Virtual-consult cases").
// Pure: no fs and no server-only, so scripts, tests and lib/domain (types only) can use it.
import { z } from 'zod';
import { competencyTag, nonEmpty as text, slugSchema as kebabId } from './common';
import { caseLanguagesSchema, urduSchema } from './urdu';

/** The six AAMC telehealth domains. */
export const domainIdSchema = z.enum(['D1', 'D2', 'D3', 'D4', 'D5', 'D6']);
/** What the line is doing at a moment of the case. */
export const connectionSchema = z.enum(['video', 'frozen', 'audio', 'dropped', 'sms']);
/** How a case may begin. */
export const modalitySchema = z.enum(['video', 'audio', 'sms']);
/**
 * The clinical area a case belongs to, for filtering the case library. Broad on purpose: an area
 * shows on the library card, so it must never name the answer (the brief check reads its label).
 */
export const clinicalAreaLabels = {
  'adult-medicine': 'Adult medicine',
  'child-health': 'Child health',
  'maternal-health': 'Maternal health',
  'chronic-disease': 'Chronic disease',
  wellbeing: 'Mood and wellbeing',
  prescribing: 'Prescribing and medicines',
  'primary-care': 'Primary care',
} as const;
export const clinicalAreaSchema = z.enum(Object.keys(clinicalAreaLabels) as [keyof typeof clinicalAreaLabels, ...(keyof typeof clinicalAreaLabels)[]]);
export type ClinicalArea = z.infer<typeof clinicalAreaSchema>;
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

/**
 * A line spoken by a participant (`who` is a participant id), with, on a case whose `languages`
 * include Urdu, the words in Urdu script and Roman Urdu (`ur`).
 */
const lineSchema = z.strictObject({ who: kebabId, text, ur: urduSchema.optional() });

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
  /** One line on why the choice costs, for the debrief's "decisions that cost most" (else feedback's first sentence). */
  why: text.optional(),
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

/** The seven fields of a teleconsult note, in the order the form and the debrief show them. */
export const noteFieldSchema = z.enum(['modality', 'location', 'consent', 'present', 'findings', 'plan', 'safetyNet']);

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

/**
 * A wording a note field is credited for: a phrase (words next to each other; `*` ends a word that may
 * go on, "refer*"), or a list of phrases that must all appear, in any order.
 */
const acceptedWordingSchema = z.union([text, z.array(text).min(2)]);

/** A fact an adequate note states, with the wordings (English, and Roman Urdu where a patient's words are quoted) that count. */
const keyFactSchema = z.strictObject({
  id: kebabId,
  fact: text,
  accept: z.array(acceptedWordingSchema).min(1),
});

const factsOf = z.array(keyFactSchema).min(1);

/** The key facts of each note field: the note's points come from the facts it states. */
const keyFactsSchema = z.strictObject({
  modality: factsOf,
  location: factsOf,
  consent: factsOf,
  present: factsOf,
  findings: factsOf,
  plan: factsOf,
  safetyNet: factsOf,
});

/** What the learner is told before starting, beyond patient, setting, language, modality and minutes. */
const briefSchema = z.strictObject({
  /** Who is with the patient when the call starts, as the clinician would be told. */
  present: text,
  /** The presenting complaint in the patient's or caller's own words (`who` is a participant id). */
  complaint: lineSchema,
});

/** What only the debrief shows: the answer to the case. */
const debriefSchema = z.strictObject({
  diagnosis: text,
  /** The disposition the case expects (where the patient should go, how, how fast). */
  disposition: text,
  objectives: z.array(text).min(1),
});

/** One file in content/cases/. */
export const caseSchema = z.strictObject({
  id: kebabId,
  title: text,
  /** The library card: the presenting situation only, never the diagnosis or the plan. */
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
  /** The languages of the call as codes (the `language` line says it in words). */
  languages: caseLanguagesSchema.optional(),
  modality: modalitySchema,
  /** The clinical area the library's filter uses (see clinicalAreaLabels). */
  area: clinicalAreaSchema,
  brief: briefSchema,
  debrief: debriefSchema,
  /** Words the brief, title and summary must not contain: the diagnosis, its synonyms, the expected plan. */
  spoilerTerms: z.array(text).min(1),
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
    keyFacts: keyFactsSchema,
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
export type NoteField = z.infer<typeof noteFieldSchema>;
export type KeyFact = z.infer<typeof keyFactSchema>;
