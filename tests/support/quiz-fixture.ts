// Small hand-made quizzes for the quiz tests, built through the real schema.
import { quizSchema, type QuizDef } from '@/lib/content/schemas/quiz';
import type { Answers, Paper } from '@/lib/domain/quiz';

type RawQuestion = Record<string, unknown>;

const abcd = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}` }));

/** A single-best-answer question keyed 'a'. */
export function single(id: string, competencies: string[] = ['D6']): RawQuestion {
  return { id, type: 'single', stem: `Stem ${id}`, options: abcd, key: ['a'], rationale: `Why ${id}`, references: ['ref-one'], competencies };
}

/** A multiple-response question keyed a, b, c of a..d. */
export function multiple(id: string, key: string[] = ['a', 'b', 'c']): RawQuestion {
  return { ...single(id, ['D1']), type: 'multiple', key };
}

/** The ten-question bank most quiz tests use: six single, one true-false, one vignette, two multiple. */
export function fixtureQuestions(): RawQuestion[] {
  return [
    single('q1', ['D4.1']),
    single('q2', ['D4.1']),
    single('q3', ['D4.1', 'D6']),
    single('q4'),
    single('q5'),
    single('q6'),
    {
      ...single('q7'),
      type: 'true-false',
      options: [
        { id: 't', text: 'True' },
        { id: 'f', text: 'False' },
      ],
      key: ['f'],
    },
    { ...single('q8', ['D4.2']), type: 'vignette', vignette: 'A mother calls about her child.' },
    multiple('q9'),
    multiple('q10', ['a', 'b']),
  ];
}

/** The fixture quiz as raw YAML data, with top-level fields overridden. */
export function fixtureData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'fixture',
    module: 'fixture',
    title: 'Fixture quiz',
    draw: { count: 10 },
    passMark: 70,
    attempts: { limit: 3, cooldownMinutes: 60 },
    timeLimitMinutes: 20,
    multipleResponse: 'partial',
    review: 'full',
    questions: fixtureQuestions(),
    ...overrides,
  };
}

/** The fixture quiz, parsed. */
export function buildQuiz(overrides: Record<string, unknown> = {}): QuizDef {
  return quizSchema.parse(fixtureData(overrides));
}

/** A bank of n single questions q1..qn, all drawn. */
export function bankOf(n: number, overrides: Record<string, unknown> = {}): QuizDef {
  const questions = Array.from({ length: n }, (_, i) => single(`q${i + 1}`));
  return buildQuiz({ questions, draw: { count: n }, ...overrides });
}

/** Every question in bank order with options in definition order: a paper without randomness. */
export function plainPaper(quiz: QuizDef): Paper {
  return quiz.questions.map((q) => ({ questionId: q.id, optionOrder: q.options.map((o) => o.id) }));
}

/** The key as answers, for the given question ids (all when omitted). */
export function keyAnswers(quiz: QuizDef, ids: string[] = quiz.questions.map((q) => q.id)): Answers {
  return Object.fromEntries(quiz.questions.filter((q) => ids.includes(q.id)).map((q) => [q.id, [...q.key]]));
}
