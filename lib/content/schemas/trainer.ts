// Practice trainers (content/trainers/*.yaml): interactive drills placed in a lesson with an MDX
// component. Two kinds: counting a drawn child's breathing over a full minute, and reading a
// week of home blood pressure the NICE way.
import { z } from 'zod';
import { type Age, ageBand } from '@/lib/domain/breathing';
import { nonEmpty, slugSchema } from './common';

const seconds = z.number().min(0).max(60);
const interval = z.strictObject({ at: seconds, seconds: z.number().positive().max(30) });

const ageSchema = z
  .strictObject({ value: z.number().positive(), unit: z.enum(['weeks', 'months', 'years']) })
  .refine((age: Age) => {
    try {
      ageBand(age);
      return true;
    } catch {
      return false;
    }
  }, 'the IMCI breathing thresholds cover children under 5 years');

/** One child to count: who, how fast, and what the picture does during the minute. */
export const breathScenarioSchema = z
  .strictObject({
    id: slugSchema,
    child: z.strictObject({ name: nonEmpty, age: ageSchema, sex: z.enum(['girl', 'boy']) }),
    /** One or two sentences: who holds the phone, what the call is about. Never gives the rate away. */
    setting: nonEmpty,
    /** Breaths that start inside the counted minute: the true full-minute rate. */
    rate: z.number().int().min(10).max(100),
    indrawing: z.boolean(),
    /** Breathing stops for a few seconds (irregular breathing), on the real clock. */
    pauses: z.array(interval).default([]),
    /** The child wriggles or the phone moves; breathing goes on underneath. */
    artefacts: z.array(interval).default([]),
    /** The video freezes at `at`; with `seconds` it jumps forward again after that long. */
    freeze: z.strictObject({ at: seconds, seconds: z.number().positive().max(60).optional() }).optional(),
    /** Shown after the answer: what this scenario teaches. */
    feedback: nonEmpty,
  })
  .superRefine((s, ctx) => {
    const paused = s.pauses.reduce((sum, p) => sum + p.seconds, 0);
    if ((60 - paused) / s.rate < 0.5) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'too many breaths for the minute left between the pauses' });
    for (const [i, p] of s.pauses.entries()) {
      if (p.at + p.seconds > 60) ctx.addIssue({ code: 'custom', path: ['pauses', i], message: 'a pause must end inside the minute' });
    }
  });

export const breathCountTrainerSchema = z
  .strictObject({
    id: slugSchema,
    kind: z.literal('breath-count'),
    title: nonEmpty,
    /** Shown above the trainer. */
    intro: nonEmpty,
    references: z.array(slugSchema).min(1, 'a trainer cites the source of its thresholds'),
    scenarios: z.array(breathScenarioSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.scenarios.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `duplicate scenario id "${s.id}"` });
      seen.add(s.id);
    });
  });

// "148/92": one home reading as the patient writes it.
const readingSchema = z
  .string()
  .regex(/^\d{2,3}\/\d{2,3}$/, 'write a reading as systolic/diastolic, like 148/92')
  .transform((text) => {
    const [systolic = 0, diastolic = 0] = text.split('/').map(Number);
    return { systolic, diastolic };
  })
  .refine((r) => r.systolic > r.diastolic, 'the systolic (first) number must be the higher one');

const sessionSchema = z.array(readingSchema).max(3);

/** One week (or less) of a patient's home blood pressure diary. */
export const diaryScenarioSchema = z
  .strictObject({
    id: slugSchema,
    // The course teaches a home target only for people under 80 (NICE NG136; Module 9, Lesson 2).
    patient: z.strictObject({ name: nonEmpty, age: z.number().int().min(18).max(79, 'the course teaches a home target only under 80'), sex: z.enum(['woman', 'man']) }),
    setting: nonEmpty,
    /** Day 1 first. Each day: the morning and evening readings, as written in the diary. */
    days: z.array(z.strictObject({ morning: sessionSchema.default([]), evening: sessionSchema.default([]) })).min(1).max(7),
    feedback: nonEmpty,
  })
  .superRefine((s, ctx) => {
    s.days.forEach((d, i) => {
      if (d.morning.length + d.evening.length === 0) ctx.addIssue({ code: 'custom', path: ['days', i], message: 'a diary day needs at least one reading' });
    });
  });

export const bpDiaryTrainerSchema = z
  .strictObject({
    id: slugSchema,
    kind: z.literal('bp-diary'),
    title: nonEmpty,
    intro: nonEmpty,
    references: z.array(slugSchema).min(1, 'a trainer cites the source of its rules'),
    scenarios: z.array(diaryScenarioSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.scenarios.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `duplicate scenario id "${s.id}"` });
      seen.add(s.id);
    });
  });

export const trainerSchema = z.discriminatedUnion('kind', [breathCountTrainerSchema, bpDiaryTrainerSchema]);

export type BreathScenario = z.infer<typeof breathScenarioSchema>;
export type BreathCountTrainerDef = z.infer<typeof breathCountTrainerSchema>;
export type DiaryScenario = z.infer<typeof diaryScenarioSchema>;
export type BpDiaryTrainerDef = z.infer<typeof bpDiaryTrainerSchema>;
export type TrainerDef = z.infer<typeof trainerSchema>;
/** The component that places each kind in a lesson. */
export const trainerComponent: Readonly<Record<TrainerDef['kind'], string>> = { 'breath-count': 'BreathCountTrainer', 'bp-diary': 'BpDiaryTrainer' };
