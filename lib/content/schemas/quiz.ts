// The quiz (question bank) format (content/README.md, "Quizzes").
// Pure: no fs and no server-only, so scripts, tests and lib/domain (types only) can use it.
import { z } from 'zod';
import { competencyTag as competencyTagSchema, nonEmpty as text, slugSchema as kebabId } from './common';

/** How a question is answered: one option (single, true-false, vignette) or several (multiple). */
export const questionTypeSchema = z.enum(['single', 'multiple', 'true-false', 'vignette']);
/**
 * How multiple-response questions earn credit (see gradeAttempt). 'no-penalty' is Moodle's scoring
 * when wrong options carry fraction 0, kept so an imported bank scores as it did in Moodle.
 */
export const multipleResponseSchema = z.enum(['partial', 'all-or-nothing', 'no-penalty']);
/** What a learner sees after submitting: keys and rationale, the score only, or keys once passed. */
/**
 * What a learner sees after an attempt. 'full': keys and rationales every time (practice banks only;
 * with repeated attempts, throw-away accounts would collect the bank). 'score-only': which questions
 * were right, never the keys. 'after-pass': keys once passed. 'after-pass-or-last': keys once passed
 * or once no attempt is left, so a bank that bears a certificate is not given away to someone who
 * can still sit it (the content check requires one of the last three for such banks).
 */
export const reviewPolicySchema = z.enum(['full', 'score-only', 'after-pass', 'after-pass-or-last']);

/**
 * A bank's status. A draft (what an import produces) may lack references, competency tags and
 * rationales; the content check lists what it is missing, learners are never offered it, and no
 * programme may use it. Absent means published.
 */
export const bankStatusSchema = z.enum(['draft', 'published']);

/** The two option ids every true/false question has. */
export const TRUE_FALSE_IDS: readonly ['t', 'f'] = ['t', 'f'];

const questionSchema = z.strictObject({
  id: kebabId,
  type: questionTypeSchema,
  vignette: text.optional(),
  stem: text,
  options: z.array(z.strictObject({ id: kebabId, text })).min(2),
  key: z.array(kebabId).min(1),
  // Required for a published bank (quizIssues); a draft may leave them empty.
  rationale: z.string().trim().default(''),
  references: z.array(kebabId).default([]),
  competencies: z.array(competencyTagSchema).default([]),
  difficulty: z.enum(['easy', 'medium', 'hard']).optional(),
  /** Free labels, such as the Moodle category a question was imported from. */
  tags: z.array(text).default([]),
});

type Issue = { message: string; path: (string | number)[] };

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}

/** A question carries a tag when one of its competencies is the tag or sits under it (D4.1 under D4). */
export function hasTag(question: { competencies: readonly string[] }, tag: string): boolean {
  return question.competencies.some((c) => c === tag || c.startsWith(`${tag}.`));
}

function questionIssues(q: z.infer<typeof questionSchema>, at: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const optionIds = q.options.map((o) => o.id);
  for (const id of duplicates(optionIds)) issues.push({ message: `duplicate option id '${id}'`, path: [...at, 'options'] });
  for (const id of duplicates(q.key)) issues.push({ message: `key lists '${id}' twice`, path: [...at, 'key'] });
  for (const id of q.key.filter((k) => !optionIds.includes(k))) {
    issues.push({ message: `key '${id}' is not an option id`, path: [...at, 'key'] });
  }
  if (q.type !== 'multiple' && q.key.length !== 1) {
    issues.push({ message: `a ${q.type} question has exactly one key`, path: [...at, 'key'] });
  }
  const isTrueFalse = optionIds.length === 2 && TRUE_FALSE_IDS.every((id) => optionIds.includes(id));
  if (q.type === 'true-false' && !isTrueFalse) {
    issues.push({ message: "a true-false question has exactly the options 't' and 'f'", path: [...at, 'options'] });
  }
  if ((q.type === 'vignette') !== (q.vignette !== undefined)) {
    issues.push({ message: 'a vignette field is required for type vignette and allowed only there', path: [...at, 'vignette'] });
  }
  return issues;
}

/** What a draft question still needs before its bank can be published, in words for an educator. */
export function questionGaps(q: Pick<z.infer<typeof questionSchema>, 'rationale' | 'references' | 'competencies'>): string[] {
  return [
    ...(q.rationale === '' ? ['a rationale'] : []),
    ...(q.references.length === 0 ? ['references'] : []),
    ...(q.competencies.length === 0 ? ['competency tags'] : []),
  ];
}

/** Each question of a bank that still lacks something, as "id: needs …"; empty when it could be published. */
export function draftGaps(quiz: { questions: readonly z.infer<typeof questionSchema>[] }): string[] {
  return quiz.questions.flatMap((q) => {
    const gaps = questionGaps(q);
    return gaps.length === 0 ? [] : [`question ${q.id} needs ${gaps.join(', ')}`];
  });
}

/** A draft bank is never offered to learners nor counted by a programme. */
export function isDraft(quiz: { status: z.infer<typeof bankStatusSchema> }): boolean {
  return quiz.status === 'draft';
}

/** One file in content/quizzes/. */
export const quizSchema = z
  .strictObject({
    id: kebabId,
    module: kebabId,
    title: text,
    status: bankStatusSchema.default('published'),
    draw: z.strictObject({
      count: z.number().int().positive(),
      byTag: z.array(z.strictObject({ tag: competencyTagSchema, count: z.number().int().positive() })).default([]),
    }),
    passMark: z.number().int('must be a whole percent').min(0).max(100),
    attempts: z
      .strictObject({
        limit: z.number().int().positive().optional(),
        cooldownMinutes: z.number().nonnegative().default(0),
      })
      .default({ cooldownMinutes: 0 }),
    timeLimitMinutes: z.number().positive().optional(),
    multipleResponse: multipleResponseSchema,
    review: reviewPolicySchema,
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((quiz, ctx) => {
    const issues = quiz.questions.flatMap((q, i) => questionIssues(q, ['questions', i]));
    if (quiz.status === 'published') {
      quiz.questions.forEach((q, i) => {
        for (const gap of questionGaps(q)) issues.push({ message: `a published question needs ${gap} (or mark the bank status: draft)`, path: ['questions', i] });
      });
    }
    for (const id of duplicates(quiz.questions.map((q) => q.id))) {
      issues.push({ message: `duplicate question id '${id}'`, path: ['questions'] });
    }
    if (quiz.draw.count > quiz.questions.length) {
      issues.push({ message: `draws ${quiz.draw.count} but the bank has ${quiz.questions.length} questions`, path: ['draw', 'count'] });
    }
    const { byTag } = quiz.draw;
    for (const tag of duplicates(byTag.map((rule) => rule.tag))) issues.push({ message: `tag '${tag}' listed twice`, path: ['draw', 'byTag'] });
    const minimums = byTag.reduce((sum, rule) => sum + rule.count, 0);
    if (minimums > quiz.draw.count) {
      issues.push({ message: `byTag asks for ${minimums} questions but only ${quiz.draw.count} are drawn`, path: ['draw', 'byTag'] });
    }
    byTag.forEach((rule, i) => {
      const available = quiz.questions.filter((q) => hasTag(q, rule.tag)).length;
      if (available < rule.count) {
        issues.push({ message: `byTag wants ${rule.count} '${rule.tag}' questions; the bank has ${available}`, path: ['draw', 'byTag', i] });
      }
    });
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
  });

export type QuizDef = z.infer<typeof quizSchema>;
export type QuestionDef = QuizDef['questions'][number];
export type OptionDef = QuestionDef['options'][number];
export type QuestionType = z.infer<typeof questionTypeSchema>;
export type MultipleResponse = z.infer<typeof multipleResponseSchema>;
export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;
export type BankStatus = z.infer<typeof bankStatusSchema>;
