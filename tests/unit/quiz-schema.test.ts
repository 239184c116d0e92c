import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { draftGaps, hasTag, isDraft, quizSchema } from '@/lib/content/schemas/quiz';
import { drawQuestions } from '@/lib/domain/quiz';
import { buildQuiz, fixtureData, fixtureQuestions, single } from '../support/quiz-fixture';

const banksDir = new URL('../../content/quizzes/', import.meta.url);
const banks = readdirSync(banksDir).filter((f) => f.endsWith('.yaml'));

function issuesOf(data: unknown): string[] {
  const result = quizSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function withQuestion(index: number, patch: Record<string, unknown>): Record<string, unknown> {
  const questions = fixtureQuestions();
  questions[index] = { ...questions[index], ...patch };
  return fixtureData({ questions });
}

describe('the real question banks', () => {
  test('every module has a published bank named after it (imported drafts may sit beside)', () => {
    const modules = readdirSync(new URL('../../content/modules/', import.meta.url)).map((dir) => `${dir.replace(/^\d+-/, '')}.yaml`);
    const published = banks.filter((f) => !isDraft(quizSchema.parse(parse(readFileSync(new URL(f, banksDir), 'utf8')))));
    expect([...published].sort()).toEqual(modules.sort());
  });

  test.each(banks)('%s parses and draws a full paper', (file) => {
    const data: unknown = parse(readFileSync(new URL(file, banksDir), 'utf8'));
    expect(issuesOf(data)).toEqual([]);
    const quiz = quizSchema.parse(data);
    expect(quiz.id).toBe(file.replace(/\.yaml$/, ''));
    expect(drawQuestions(quiz, 1)).toHaveLength(quiz.draw.count);
  });
});

describe('quizSchema', () => {
  test('the fixture parses, with defaults for byTag and cooldown', () => {
    const quiz = buildQuiz({ attempts: undefined });
    expect(quiz.draw.byTag).toEqual([]);
    expect(quiz.attempts).toEqual({ cooldownMinutes: 0 });
  });

  test.each([
    { name: 'key not among the options', data: withQuestion(0, { key: ['z'] }), issue: "questions.0.key: key 'z' is not an option id" },
    { name: 'single question with two keys', data: withQuestion(0, { key: ['a', 'b'] }), issue: 'questions.0.key: a single question has exactly one key' },
    { name: 'multiple question with no key', data: withQuestion(8, { key: [] }), issue: 'questions.8.key: Too small' },
    { name: 'key listed twice', data: withQuestion(8, { key: ['a', 'a'] }), issue: "questions.8.key: key lists 'a' twice" },
    { name: 'duplicate option ids', data: withQuestion(0, { options: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }] }), issue: "questions.0.options: duplicate option id 'a'" },
    { name: 'only one option', data: withQuestion(0, { options: [{ id: 'a', text: 'x' }] }), issue: 'questions.0.options: Too small' },
    { name: 'true-false without t and f', data: withQuestion(6, { options: [{ id: 'a', text: 'True' }, { id: 'f', text: 'False' }], key: ['f'] }), issue: "questions.6.options: a true-false question has exactly the options 't' and 'f'" },
    { name: 'vignette question without a vignette', data: withQuestion(7, { vignette: undefined }), issue: 'questions.7.vignette: a vignette field is required for type vignette and allowed only there' },
    { name: 'vignette field on a single question', data: withQuestion(0, { vignette: 'A scene.' }), issue: 'questions.0.vignette: a vignette field is required for type vignette and allowed only there' },
    { name: 'no references', data: withQuestion(0, { references: [] }), issue: 'questions.0: a published question needs references (or mark the bank status: draft)' },
    { name: 'no competency tags', data: withQuestion(0, { competencies: undefined }), issue: 'questions.0: a published question needs competency tags (or mark the bank status: draft)' },
    { name: 'no rationale', data: withQuestion(0, { rationale: '  ' }), issue: 'questions.0: a published question needs a rationale (or mark the bank status: draft)' },
    { name: 'an unknown status', data: fixtureData({ status: 'review' }), issue: 'status: Invalid option: expected one of "draft"|"published"' },
    { name: 'competency not a D1..D6 id', data: withQuestion(0, { competencies: ['D7'] }), issue: 'questions.0.competencies.0: must be a domain (D1..D6) or a competency id (D1.1..D6.3)' },
    { name: 'unknown field on a question', data: withQuestion(0, { hint: 'x' }), issue: 'questions.0: Unrecognized key: "hint"' },
    { name: 'duplicate question ids', data: fixtureData({ questions: [...fixtureQuestions(), single('q1')] }), issue: "questions: duplicate question id 'q1'" },
    { name: 'draws more than the bank holds', data: fixtureData({ draw: { count: 11 } }), issue: 'draw.count: draws 11 but the bank has 10 questions' },
    { name: 'byTag minimums exceed the draw', data: fixtureData({ draw: { count: 3, byTag: [{ tag: 'D4', count: 2 }, { tag: 'D6', count: 2 }] } }), issue: 'draw.byTag: byTag asks for 4 questions but only 3 are drawn' },
    { name: 'byTag wants more than the bank has', data: fixtureData({ draw: { count: 8, byTag: [{ tag: 'D4.1', count: 4 }] } }), issue: "draw.byTag.0: byTag wants 4 'D4.1' questions; the bank has 3" },
    { name: 'byTag tag listed twice', data: fixtureData({ draw: { count: 8, byTag: [{ tag: 'D6', count: 1 }, { tag: 'D6', count: 1 }] } }), issue: "draw.byTag: tag 'D6' listed twice" },
    { name: 'pass mark above 100', data: fixtureData({ passMark: 101 }), issue: 'passMark: Too big: expected number to be <=100' },
    { name: 'pass mark not a whole percent', data: fixtureData({ passMark: 70.5 }), issue: 'passMark: must be a whole percent' },
    { name: 'unknown review policy', data: fixtureData({ review: 'never' }), issue: 'review: Invalid option: expected one of "full"|"score-only"|"after-pass"|"after-pass-or-last"' },
  ])('rejects: $name', ({ data, issue }) => {
    const issues = issuesOf(data);
    expect(issues.some((i) => i.startsWith(issue))).toBe(true);
  });

  test('a draft may leave rationale, references and competencies empty, and lists what it lacks', () => {
    const quiz = buildQuiz({ status: 'draft', questions: [{ ...single('q1'), rationale: undefined, references: [], competencies: [] }, single('q2')], draw: { count: 2 } });
    expect(isDraft(quiz)).toBe(true);
    expect(draftGaps(quiz)).toEqual(['question q1 needs a rationale, references, competency tags']);
  });

  test('a draft still obeys every other rule: a key must be an option', () => {
    expect(issuesOf(fixtureData({ status: 'draft', questions: [{ ...single('q1'), key: ['z'] }], draw: { count: 1 } }))).toEqual(["questions.0.key: key 'z' is not an option id"]);
  });

  test('a bank without a status is published', () => {
    expect(buildQuiz().status).toBe('published');
  });

  test.each([
    { competencies: ['D4'], tag: 'D4', has: true },
    { competencies: ['D4.1'], tag: 'D4', has: true },
    { competencies: ['D4.1'], tag: 'D4.1', has: true },
    { competencies: ['D4'], tag: 'D4.1', has: false },
    { competencies: ['D1', 'D6.2'], tag: 'D6', has: true },
    { competencies: ['D4.1'], tag: 'D1', has: false },
  ])('hasTag($competencies, $tag) is $has', ({ competencies, tag, has }) => {
    expect(hasTag({ competencies }, tag)).toBe(has);
  });
});
