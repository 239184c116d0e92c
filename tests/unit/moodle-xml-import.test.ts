// Moodle XML import, one question type (and one way of going wrong) per row.
import { describe, expect, test } from 'vitest';
import { SKIP_REASONS } from '@/lib/content/formats/imported';
import { readMoodleXml } from '@/lib/content/formats/moodle-xml-read';
import { importXml, moodleXml } from '../support/moodle-fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex').toString('base64');

type Answer = [fraction: number, text: string, feedback?: string];
const answers = (list: Answer[]) =>
  list.map(([f, t, fb = '']) => `<answer fraction="${f}" format="html"><text><![CDATA[${t}]]></text><feedback><text><![CDATA[${fb}]]></text></feedback></answer>`).join('');

function question(type: string, name: string, body = '', text = 'Which one?') {
  return `<question type="${type}"><name><text>${name}</text></name><questiontext format="html"><text><![CDATA[${text}]]></text></questiontext>${body}</question>`;
}
const multichoice = (name: string, single: boolean, list: Answer[], extra = '') => question('multichoice', name, `<single>${single}</single>${answers(list)}${extra}`);

describe('question types that map onto the platform', () => {
  test.each([
    {
      name: 'multichoice, one answer: the 100% option is the key',
      xml: multichoice('Single one', true, [[0, 'Red'], [100, 'Green'], [0, 'Blue']]),
      expected: { id: 'single-one', type: 'single', key: ['b'], options: ['Red', 'Green', 'Blue'] },
    },
    {
      name: 'multichoice, several answers: every positive fraction is in the key',
      xml: multichoice('Many', false, [[50, 'A'], [0, 'B'], [50, 'C']]),
      expected: { id: 'many', type: 'multiple', key: ['a', 'c'], options: ['A', 'B', 'C'] },
    },
    {
      name: 'multichoice with single written as 0/1',
      xml: question('multichoice', 'Numeric single', `<single>0</single>${answers([[100, 'X'], [0, 'Y']])}`),
      expected: { id: 'numeric-single', type: 'multiple', key: ['a'], options: ['X', 'Y'] },
    },
    {
      name: 'truefalse keyed true',
      xml: question('truefalse', 'TF true', answers([[100, 'true'], [0, 'false']])),
      expected: { id: 'tf-true', type: 'true-false', key: ['t'], options: ['True', 'False'] },
    },
    {
      name: 'truefalse keyed false, answers in the other order',
      xml: question('truefalse', 'TF false', answers([[100, 'false'], [0, 'true']])),
      expected: { id: 'tf-false', type: 'true-false', key: ['f'], options: ['True', 'False'] },
    },
  ])('$name', ({ xml, expected }) => {
    const { bank } = importXml(moodleXml(xml));
    const q = bank?.questions[0];
    expect({ id: q?.id, type: q?.type, key: q?.key, options: q?.options.map((o) => o.text) }).toEqual(expected);
    expect(bank?.status).toBe('draft');
  });

  test('blank options are dropped, as Moodle ignores them', () => {
    const { bank } = importXml(moodleXml(multichoice('Blank', true, [[100, 'Yes'], [0, ''], [0, 'No']])));
    expect(bank?.questions[0]?.options.map((o) => o.text)).toEqual(['Yes', 'No']);
  });

  test('two questions of one name get distinct ids; a nameless one is named by position', () => {
    const q = multichoice('Same', true, [[100, 'A'], [0, 'B']]);
    const nameless = `<question type="multichoice"><questiontext><text>?</text></questiontext>${answers([[100, 'A'], [0, 'B']])}</question>`;
    const { bank } = importXml(moodleXml(q, q, nameless));
    expect(bank?.questions.map((x) => x.id)).toEqual(['same', 'same-2', 'question-3']);
  });

  test('the category path (context and top left out) and Moodle tags become tags', () => {
    const category = '<question type="category"><category><text>$course$/top/Cardiology/Hypertension</text></category></question>';
    const tagged = multichoice('Tagged', true, [[100, 'A'], [0, 'B']], '<tags><tag><text>exam-2024</text></tag></tags>');
    const { bank } = importXml(moodleXml(category, tagged));
    expect(bank?.questions[0]?.tags).toEqual(['Cardiology/Hypertension', 'exam-2024']);
  });
});

describe('what a one-answer question cannot keep', () => {
  test.each([
    { name: 'two options at 100%', list: [[100, 'A'], [100, 'B'], [0, 'C']] as Answer[], skip: '2 options earn full credit, but a one-answer question has one key' },
    { name: 'no option earning credit', list: [[0, 'A'], [0, 'B']] as Answer[], skip: 'no option earns any credit' },
    { name: 'a single option', list: [[100, 'A']] as Answer[], skip: 'it has fewer than two options' },
  ])('skipped with a reason: $name', ({ list, skip }) => {
    const { bank, report } = importXml(moodleXml(multichoice('Odd', true, list)));
    expect(bank).toBeUndefined();
    expect(report.skipped).toEqual([{ name: 'Odd', type: 'multichoice', reason: skip }]);
  });

  test('partial credit on a wrong option is noted, not silently lost', () => {
    const { bank, report } = importXml(moodleXml(multichoice('Partial', true, [[100, 'Best'], [50, 'Half'], [0, 'Wrong']])));
    expect(bank?.questions[0]?.key).toEqual(['a']);
    expect(report.notes).toEqual([{ id: 'partial', note: 'partial credit (50%) for option b dropped: a one-answer question is right or wrong' }]);
  });
});

describe('question types the platform has no equivalent for', () => {
  test.each(Object.keys(SKIP_REASONS))('%s is skipped by name, the rest of the file imported', (type) => {
    const { report } = importXml(moodleXml(question(type, `A ${type} question`), multichoice('Kept', true, [[100, 'A'], [0, 'B']])));
    expect(report.skipped).toEqual([{ name: `A ${type} question`, type, reason: SKIP_REASONS[type] }]);
    expect(report.imported.map((q) => q.id)).toEqual(['kept']);
  });

  test('an unknown type is skipped with its name too', () => {
    expect(importXml(moodleXml(question('ordering', 'Put in order'))).report.skipped).toEqual([{ name: 'Put in order', type: 'ordering', reason: 'question type "ordering" is not supported' }]);
  });

  test('a question the reader cannot make sense of is skipped; the file is not lost', () => {
    const broken = '<question><name><text>No type</text></name></question>';
    const { report } = importXml(moodleXml(broken, multichoice('Kept', true, [[100, 'A'], [0, 'B']])));
    expect(report.skipped.map((s) => s.name)).toEqual(['No type']);
    expect(report.imported.map((q) => q.id)).toEqual(['kept']);
  });

  test.each([
    { name: 'text that is not XML', text: 'not xml <', error: /not well-formed XML/ },
    { name: 'XML that is not a Moodle export', text: '<?xml version="1.0"?><html><body/></html>', error: /root element must be <quiz>/ },
  ])('a whole file is refused only when it is not Moodle XML: $name', ({ text, error }) => {
    expect(() => readMoodleXml(text, { bankId: 'x' })).toThrow(error);
  });
});

describe('HTML becomes safe Markdown', () => {
  test.each([
    { name: 'script removed', html: '<p>Dose<script>alert(1)</script> check</p>', md: 'Dose check' },
    { name: 'event handlers removed', html: '<p onclick="alert(1)" onmouseover="x()">Click</p>', md: 'Click' },
    { name: 'remote image dropped, its alt kept', html: '<p><img src="https://tracker.example/p.png" alt="ECG"> strip</p>', md: 'ECG strip' },
    { name: 'data: image dropped', html: '<p><img src="data:image/png;base64,AAAA">x</p>', md: 'x' },
    { name: 'javascript: link unwrapped', html: '<p><a href="javascript:alert(1)">here</a></p>', md: 'here' },
    { name: 'web link kept', html: '<p>See <a href="https://www.who.int">WHO</a></p>', md: 'See [WHO](https://www.who.int)' },
    { name: 'style and iframe removed', html: '<style>p{}</style><iframe src="https://x.example"></iframe><p>Text</p>', md: 'Text' },
    { name: 'emphasis and lists kept', html: '<p><b>Fever</b> and <i>rash</i></p><ul><li>one</li><li>two</li></ul>', md: '**Fever** and *rash*\n\n* one\n* two' },
    { name: 'entities read as text, Markdown characters escaped', html: '<p>5 &lt; 6 &amp; 2 * 3</p>', md: '5 < 6 & 2 \\* 3' },
  ])('$name', ({ html, md }) => {
    const { bank } = importXml(moodleXml(question('truefalse', 'Safe', answers([[100, 'true'], [0, 'false']]), html)));
    expect(bank?.questions[0]?.stem).toBe(md);
  });

  test('plain_text format is shown literally', () => {
    const xml = `<question type="truefalse"><name><text>Plain</text></name><questiontext format="plain_text"><text>&lt;b&gt;not bold&lt;/b&gt; *not emphasis*</text></questiontext>${answers([[100, 'true'], [0, 'false']])}</question>`;
    expect(importXml(moodleXml(xml)).bank?.questions[0]?.stem).toBe('\\<b>not bold\\</b> \\*not emphasis\\*');
  });
});

describe('embedded files', () => {
  const withFile = (name: string, base64: string) =>
    `<question type="truefalse"><name><text>Media</text></name><questiontext format="html"><text><![CDATA[<p><img src="@@PLUGINFILE@@/${encodeURIComponent(name)}" alt="pic"> text</p>]]></text><file name="${name}" path="/" encoding="base64">${base64}</file></questiontext>${answers([[100, 'true'], [0, 'false']])}</question>`;

  test.each([
    { name: 'a PNG is kept under the bank’s media URL, its name made safe', file: 'My Image.PNG', data: PNG, stem: '![pic](/media/quizzes/imported/my-image.png) text', kept: ['my-image.png'] },
    { name: 'an SVG is refused (it could carry script)', file: 'x.svg', data: Buffer.from('<svg onload="alert(1)"/>').toString('base64'), stem: 'pic text', kept: [] },
    { name: 'an HTML page named .png is refused', file: 'evil.png', data: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), stem: 'pic text', kept: [] },
    { name: 'a path in the name cannot leave the folder', file: '../../etc/passwd.png', data: PNG, stem: '![pic](/media/quizzes/imported/passwd.png) text', kept: ['passwd.png'] },
  ])('$name', ({ file, data, stem, kept }) => {
    const { bank, file: read, report } = importXml(moodleXml(withFile(file, data)));
    expect(bank?.questions[0]?.stem).toBe(stem);
    expect(read.media.map((m) => m.name)).toEqual(kept);
    if (kept.length === 0) expect(report.notes.map((n) => n.note).join('\n')).toMatch(/not kept|not a \.png file|dropped/);
  });

  test('one name used for two different files keeps both, the second with a short hash', () => {
    const other = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from([1])]).toString('base64');
    const { file } = importXml(moodleXml(withFile('a.png', PNG), withFile('a.png', PNG), withFile('a.png', other)));
    expect(file.media.map((m) => m.name)).toEqual(['a.png', expect.stringMatching(/^a-[0-9a-f]{8}\.png$/)]);
  });

  test('a reference without its file is dropped and reported', () => {
    const xml = question('truefalse', 'Missing', answers([[100, 'true'], [0, 'false']]), '<p><img src="@@PLUGINFILE@@/gone.png" alt="gone"></p>');
    const { bank, report } = importXml(moodleXml(xml));
    expect(bank?.questions[0]?.stem).toBe('gone');
    expect(report.notes).toEqual([{ id: 'missing', note: 'image gone.png dropped: its file is missing or not a safe media type' }]);
  });
});
