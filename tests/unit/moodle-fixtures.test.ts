// The outcomes ../shared/fixtures/moodle-xml/README.md sets for an importer that supports
// multichoice and truefalse, on Moodle's own test files.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { bankToYaml } from '@/lib/content/formats/bank-yaml';
import { buildBank } from '@/lib/content/formats/bank';
import { readGift } from '@/lib/content/formats/gift-read';
import { gradeAttempt, publicPaper } from '@/lib/domain/quiz';
import { plainPaper } from '../support/quiz-fixture';
import { bankOf, bankOptions, fixture, importXml, normalised } from '../support/moodle-fixtures';

/** Every base64 <file> of a fixture, by name, decoded independently of the importer. */
function embeddedFiles(xml: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'file') for (const f of [value].flat()) files.set(String(f['@_name']), Buffer.from(String(f['#text']).replace(/\s+/g, ''), 'base64'));
        else visit(value);
      }
    }
  };
  visit(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml));
  return files;
}

describe('multichoice-single-media.xml', () => {
  const xml = fixture('multichoice-single-media.xml');
  const result = importXml(xml);
  const bank = bankOf(result);
  const [q] = bank.questions;

  test('one single-answer question, "Greeting", keyed French, tagged with its category', () => {
    expect(bank.questions).toHaveLength(1);
    expect(result.report.imported).toEqual([{ id: 'greeting', name: 'Greeting', type: 'single' }]);
    expect(q?.options.map((o) => normalised(o.text).replace(/!\[[^\]]*\]\([^)]*\)/, '').trim())).toEqual(['English', 'French', 'German', 'Danish']);
    expect(q?.key).toEqual(['b']);
    expect(q?.tags).toEqual(['Default for testhead/Multichoice']);
  });

  test('the 5 embedded files become media the bank serves, byte for byte, and every @@PLUGINFILE@@ is rewritten', () => {
    const expected = embeddedFiles(xml);
    expect(expected.size).toBe(5);
    expect(result.file.media.map((m) => m.name).sort()).toEqual([...expected.keys()].sort());
    for (const m of result.file.media) {
      expect(Buffer.from(m.bytes).equals(expected.get(m.name) ?? Buffer.alloc(0))).toBe(true);
      expect(m.url).toBe(`/media/quizzes/${bankOptions.id}/${m.name}`);
    }
    const yaml = bankToYaml(bank);
    expect(yaml).not.toContain('@@PLUGINFILE@@');
    expect(q?.stem).toContain('[Listen to this greeting:](/media/quizzes/imported/bonjour.mp3)');
    expect(q?.options[1]?.text).toBe('![French flag](/media/quizzes/imported/flag-france.jpg) French');
  });

  test('per-option feedback goes to the rationale; neither key nor feedback is in what the browser gets', () => {
    expect(q?.rationale).toContain('**French**: Yes, well done!');
    expect(q?.rationale).toContain('**English**: Sorry, listen again.');
    const seen = JSON.stringify(publicPaper(bank, plainPaper(bank)));
    expect(seen).not.toContain('well done');
    expect(seen).not.toContain('"key"');
    expect(seen).not.toContain('rationale');
  });
});

describe('truefalse-images-feedback.xml', () => {
  const bank = bankOf(importXml(fixture('truefalse-images-feedback.xml')));

  test('"Moodle acronym (False)" is keyed false and "Moodle acronym (True)" true', () => {
    expect(bank.questions.map((q) => [q.id, q.type, q.key])).toEqual([
      ['moodle-acronym-false', 'true-false', ['f']],
      ['moodle-acronym-true', 'true-false', ['t']],
    ]);
  });

  test('question-text images, general and per-answer feedback with their images are kept (compared as normalised text)', () => {
    const [falseQ] = bank.questions;
    expect(normalised(falseQ?.stem ?? '')).toBe('Moodle ![Moodle logo](/media/quizzes/imported/logo.jpg) is an acronym for Modular Object-Oriented Dynamic Learning Education.');
    const rationale = normalised(falseQ?.rationale ?? '');
    expect(rationale).toContain('For further information, see the [documentation about Moodle](http://docs.moodle.org/en/About_Moodle');
    expect(rationale).toContain('**True**: ![Thumb down](/media/quizzes/imported/thumbdown.jpg) Your answer is incorrect.');
    expect(rationale).toContain('**False**: ![Thumb up](/media/quizzes/imported/thumbup.jpg) Your answer is correct.');
  });
});

describe('multichoice-multiple-hints.xml', () => {
  const result = importXml(fixture('multichoice-multiple-hints.xml'));
  const bank = bankOf(result);
  const credit = (chosen: string[]) => gradeAttempt(bank, plainPaper(bank), { 'multi-choice-001': chosen }).questions[0]?.credit;

  test('one multiple-answer question keyed London and Paris, general feedback verbatim (Berlin included)', () => {
    expect(bank.questions.map((q) => [q.id, q.type, q.options.map((o) => o.text), q.key])).toEqual([['multi-choice-001', 'multiple', ['Tokyo', 'Spain', 'London', 'Barcelona', 'Paris'], ['c', 'e']]]);
    expect(bank.questions[0]?.rationale).toBe('Berlin, Paris and London');
  });

  test.each([
    { chosen: ['c', 'e'], name: 'London + Paris', score: 1 },
    { chosen: ['c'], name: 'London alone', score: 0.5 },
    { chosen: ['c', 'a'], name: 'London + Tokyo (Moodle does not subtract for fraction 0)', score: 0.5 },
  ])('scores as Moodle does: $name gives $score', ({ chosen, score }) => {
    expect(bank.multipleResponse).toBe('no-penalty');
    expect(credit(chosen)).toBeCloseTo(score, 12);
  });

  test('the hints and combined feedback it drops are reported', () => {
    expect(result.report.notes.map((n) => n.note)).toEqual([
      '2 hint(s) not imported: the platform gives no hints',
      'combined feedback (correct / partially correct / incorrect) not imported: the rationale holds the general and per-option feedback',
    ]);
  });
});

describe('legacy-image-tag-cloze-and-multichoice.xml', () => {
  const result = importXml(fixture('legacy-image-tag-cloze-and-multichoice.xml'));
  const bank = bankOf(result);

  test('"mcq with image" is keyed "right answer", its HTML entities read as text, and the legacy PNG attached to its text', () => {
    const [q] = bank.questions;
    expect(q?.options.map((o) => o.text)).toEqual(['wrong answer', 'another wrong answer', 'right answer']);
    expect(q?.key).toEqual(['c']);
    expect(q?.stem).toBe('This is a multichoice question with an image in the old "image" field that was used in Moodle 1.9\n\n![moodle](/media/quizzes/imported/moodle.png)');
    expect(result.file.media.map((m) => [m.name, [...m.bytes.slice(0, 4)]])).toEqual([['moodle.png', [0x89, 0x50, 0x4e, 0x47]]]);
  });

  test('the cloze question is skipped by name without failing the file', () => {
    expect(result.report.skipped).toEqual([{ name: 'cloze question with image', type: 'cloze', reason: expect.stringContaining('cloze') }]);
    expect(result.report.imported.map((q) => q.name)).toEqual(['mcq with image']);
  });
});

describe('questions.gift.txt', () => {
  const { bank, report } = buildBank(readGift(fixture('questions.gift.txt')), bankOptions);

  test('imports the choice and true/false questions and names each skipped one with its type', () => {
    expect(report.imported.map((q) => [q.name, q.type])).toEqual([
      ['Q2', 'single'],
      ['colours', 'multiple'],
      ['Q1', 'true-false'],
      ['2-08 TSL', 'true-false'],
      ['2-08 TSL', 'true-false'],
    ]);
    expect(report.skipped.map((s) => [s.name, s.type])).toEqual([
      ['Q8', 'essay'],
      ['Moodle activities', 'match'],
      ['Q5', 'numerical'],
      ['Shortanswer', 'shortanswer'],
    ]);
  });

  test('keys, weights, feedback and general feedback are read; the stray ";" does not break a question', () => {
    const byId = new Map(bank?.questions.map((q) => [q.id, q]));
    expect(byId.get('q2')?.key).toEqual(['a']);
    expect(byId.get('q2')?.rationale).toContain("**red**: wrong, it's yellow");
    expect(byId.get('colours')?.key).toEqual(['a', 'c']);
    expect(byId.get('q1')?.key).toEqual(['f']);
    expect(byId.get('q1')?.rationale).toContain("This is, of course, a Hitchiker's Guide to the Galaxy reference.");
    expect(byId.get('q1')?.rationale).toContain('**True**: 42 is the Ultimate Answer.');
    expect([byId.get('2-08-tsl')?.key, byId.get('2-08-tsl-2')?.key]).toEqual([['t'], ['t']]);
    expect(stringify(report.notes)).toContain('colours');
  });
});
