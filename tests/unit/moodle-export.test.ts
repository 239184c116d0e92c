// Export to Moodle XML and GIFT, and the round trip the issue asks for: import → export → import
// gives the same bank, media included.
import { describe, expect, test } from 'vitest';
import { buildBank } from '@/lib/content/formats/bank';
import { shareFraction } from '@/lib/content/formats/export-common';
import { readGift } from '@/lib/content/formats/gift-read';
import { bankToGift } from '@/lib/content/formats/gift-write';
import { markdownToText, normalizeMarkdown } from '@/lib/content/formats/markdown';
import { readMoodleXml } from '@/lib/content/formats/moodle-xml-read';
import { bankToMoodleXml } from '@/lib/content/formats/moodle-xml-write';
import type { MultipleResponse, QuizDef } from '@/lib/content/schemas/quiz';
import { bankOf, bankOptions, fixture, importXml, mediaMap } from '../support/moodle-fixtures';
import { buildQuiz, multiple, single } from '../support/quiz-fixture';

const xmlFixtures = ['multichoice-single-media.xml', 'truefalse-images-feedback.xml', 'multichoice-multiple-hints.xml', 'legacy-image-tag-cloze-and-multichoice.xml'];

/** The answers' fractions of each exported question, read back from the XML. */
function fractionsOf(xml: string): string[][] {
  const blocks = xml.split('<question type=').slice(1).filter((b) => !b.startsWith('"category"'));
  return blocks.map((b) => [...b.matchAll(/<answer fraction="([^"]+)"/g)].map((m) => m[1] ?? ''));
}

describe('round trip: import → export → import gives the same bank', () => {
  test.each(xmlFixtures)('%s through Moodle XML, media byte for byte', (name) => {
    const first = importXml(fixture(name));
    const exported = bankToMoodleXml(bankOf(first), mediaMap(first.file));
    expect(exported.notes).toEqual([]);
    const second = importXml(exported.text);
    expect(second.bank).toEqual(first.bank);
    expect(second.file.media.map((m) => [m.url, Buffer.from(m.bytes).toString('base64')])).toEqual(first.file.media.map((m) => [m.url, Buffer.from(m.bytes).toString('base64')]));
  });

  test.each(['moodle', 'gift'])('questions.gift.txt through %s', (format) => {
    const first = buildBank(readGift(fixture('questions.gift.txt')), bankOptions);
    const bank = bankOf(first);
    const again = format === 'gift' ? readGift(bankToGift(bank).text) : readMoodleXml(bankToMoodleXml(bank, new Map()).text, { bankId: bankOptions.id });
    expect(buildBank(again, bankOptions).bank).toEqual(bank);
  });
});

describe('a hand-written bank in Moodle XML', () => {
  const quiz = buildQuiz();

  test.each<{ policy: MultipleResponse; wrong: string; note?: string }>([
    { policy: 'partial', wrong: '-33.33333' },
    { policy: 'no-penalty', wrong: '0' },
    { policy: 'all-or-nothing', wrong: '-100', note: 'all-or-nothing: in Moodle a wrong tick zeroes the mark, but right ticks alone still earn part marks' },
  ])('multiple response $policy: right options share 100%, wrong ones carry $wrong', ({ policy, wrong, note }) => {
    const bank = buildQuiz({ multipleResponse: policy, questions: [multiple('m', ['a', 'b', 'c']), single('s')], draw: { count: 2 } });
    const { text, notes } = bankToMoodleXml(bank, new Map());
    expect(fractionsOf(text)).toEqual([['33.33333', '33.33333', '33.33333', wrong], ['100', '0', '0', '0']]);
    expect(notes).toEqual(note ? [{ id: 'm', note }] : []);
  });

  test('reading it back keeps every stem, option, key and rationale (references and competencies stay behind)', () => {
    const back = bankOf(buildBank(readMoodleXml(bankToMoodleXml(quiz, new Map()).text, { bankId: 'x' }), bankOptions));
    const essentials = (b: QuizDef) => b.questions.map((q) => ({ id: q.id, stem: q.type === 'vignette' ? `${q.vignette}\n\n${q.stem}` : q.stem, options: q.options, key: q.key, rationale: q.rationale }));
    expect(essentials(back)).toEqual(essentials(quiz));
    expect(back.questions.find((q) => q.id === 'q8')?.type).toBe('single');
  });

  test('a vignette is noted as exported with its scenario before the question', () => {
    expect(bankToMoodleXml(quiz, new Map()).notes).toContainEqual({ id: 'q8', note: 'exported as a one-answer question whose text is the scenario, then the question' });
  });

  test('a question Moodle cannot score (11 right options) is left out and named', () => {
    const options = Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, text: `Option ${i}` }));
    const bank = buildQuiz({ questions: [{ ...multiple('big'), options, key: options.slice(0, 11).map((o) => o.id) }, single('s')], draw: { count: 2 } });
    const { exported, notes } = bankToMoodleXml(bank, new Map());
    expect(exported).toBe(1);
    expect(notes).toEqual([{ id: 'big', note: 'not exported: 11 right options: Moodle has no fraction for an equal share' }]);
  });

  test('text holding "]]>" and markup characters survives the CDATA', () => {
    const stem = 'Is a ]]> b & c < d?';
    const bank = buildQuiz({ questions: [{ ...single('cdata'), stem }], draw: { count: 1 } });
    expect(bankOf(buildBank(readMoodleXml(bankToMoodleXml(bank, new Map()).text, { bankId: 'x' }), bankOptions)).questions[0]?.stem).toBe(stem);
  });

  test('a media file the bank names but public/ lacks is reported', () => {
    const bank = buildQuiz({ questions: [{ ...single('pic'), stem: 'See ![x](/media/quizzes/b/gone.png)' }], draw: { count: 1 } });
    expect(bankToMoodleXml(bank, new Map()).notes).toEqual([{ id: 'pic', note: 'media file /media/quizzes/b/gone.png not found: its reference is left as it is' }]);
  });
});

describe('GIFT export', () => {
  test('a question showing media is left out, named, since GIFT carries no files', () => {
    const bank = buildQuiz({ questions: [{ ...single('pic'), stem: '![x](/media/a.png)' }, single('plain')], draw: { count: 2 } });
    const { exported, notes } = bankToGift(bank);
    expect(exported).toBe(1);
    expect(notes).toEqual([{ id: 'pic', note: 'not exported to GIFT: it shows media files, which GIFT cannot carry (export Moodle XML instead)' }]);
  });

  test("GIFT's special characters are escaped and read back (as the same Markdown, in normal form)", () => {
    const stem = 'Dose {5 mg} ~ 10 = 2 # too: high?';
    const bank = buildQuiz({ questions: [{ ...single('esc'), stem, options: [{ id: 'a', text: 'a=b' }, { id: 'b', text: '~c#d' }] }], draw: { count: 1 } });
    const back = bankOf(buildBank(readGift(bankToGift(bank).text), bankOptions)).questions[0];
    expect([back?.stem, back?.options.map((o) => o.text), back?.key]).toEqual([normalizeMarkdown(stem), ['a=b', normalizeMarkdown('~c#d')], ['a']]);
    expect(markdownToText(back?.stem ?? '')).toBe(stem);
  });
});

test.each([
  [1, '100'],
  [2, '50'],
  [3, '33.33333'],
  [6, '16.66667'],
  [7, '14.28571'],
  [10, '10'],
  [11, undefined],
  [20, '5'],
])("Moodle's fraction for one of %i equal shares is %s", (n, fraction) => {
  expect(shareFraction(n)).toBe(fraction);
});
