import { z } from 'zod';
import { competencyTag, nonEmpty, slugSchema } from './common';

/** module.mdx frontmatter. */
export const moduleFrontmatterSchema = z.strictObject({
  title: nonEmpty,
  summary: nonEmpty,
  objectives: z.array(nonEmpty).min(1, 'list at least one learning objective'),
  competencies: z.array(competencyTag).min(1),
  minutes: z.number().int().positive(),
  order: z.number().int().positive(),
  prerequisites: z.array(slugSchema).default([]),
});

/** A formative knowledge check, defined in a lesson's frontmatter and placed with <KnowledgeCheck id>. */
export const knowledgeCheckSchema = z
  .strictObject({
    id: slugSchema,
    question: nonEmpty,
    options: z.array(nonEmpty).min(2, 'give at least two options'),
    answer: z.number().int().min(0),
    explanation: nonEmpty,
  })
  .refine((c) => c.answer < c.options.length, { message: 'answer must be the index of one of the options (from 0)', path: ['answer'] });

/** A lesson's frontmatter. */
export const lessonFrontmatterSchema = z
  .strictObject({
    title: nonEmpty,
    description: nonEmpty.max(300, 'keep the description under 300 characters (it is used for link previews)'),
    minutes: z.number().int().positive(),
    references: z.array(slugSchema).min(1, 'every lesson lists its references'),
    checks: z.array(knowledgeCheckSchema).min(1, 'every lesson has at least one knowledge check'),
  })
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.checks.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate knowledge check id "${c.id}"`, path: ['checks', i, 'id'] });
      seen.add(c.id);
    });
  });

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type KnowledgeCheckDef = z.infer<typeof knowledgeCheckSchema>;
