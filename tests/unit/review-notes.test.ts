import { describe, expect, test } from 'vitest';
import { type NoteTarget, noteBlocks, notesConcerning } from '@/lib/domain/review';

const notes = `# Review notes: modules M1 and M8

Intro paragraph about \`README.md\`,
on two lines.

## Major

- **MJ-1, hypertension in pregnancy: fixed.**
  - M8 Lesson 4 (\`08-maternal-child/lessons/04-pregnancy-danger-signs.mdx\`): new section on 140/90,
    continued on a second line. **For clinician sign-off.**
  - Quiz: new question \`bp-140-90-after-20-weeks\`.

- **MN-2: fixed.** Lessons 3 and 4 changed (no module named here).

## M1: Telemedicine foundations

- **Lesson 3 (Dr Kamran's case).** Now cites the India TPG.
- **Quiz \`convert-abdominal-pain\`.** The rationale changed.

Needs a clinician's sign-off ([K]):
- the reference \`who-psbi-2015\`;
- the consent check \`who-started-call\`.

### C3 (\`cases/diabetes-hypertension-interpreter.yaml\`)

- The interpreter rules follow NHS England.

The case's consent model is the TPG's.
`;

const targets: NoteTarget[] = [
  { key: 'lesson:maternal-child/pregnancy-danger-signs', tokens: ['04-pregnancy-danger-signs.mdx'], lesson: { module: 8, number: 4 } },
  { key: 'lesson:foundations/frameworks', tokens: ['01-frameworks.mdx', 'who-started-call'], lesson: { module: 1, number: 3 } },
  { key: 'lesson:foundations/other', tokens: ['04-other.mdx'], lesson: { module: 1, number: 4 } },
  { key: 'question:maternal-child/bp-140-90-after-20-weeks', tokens: ['bp-140-90-after-20-weeks'] },
  { key: 'question:foundations/convert-abdominal-pain', tokens: ['convert-abdominal-pain'] },
  { key: 'reference:who-psbi-2015', tokens: ['who-psbi-2015'] },
  { key: 'case:diabetes-hypertension-interpreter', tokens: ['diabetes-hypertension-interpreter.yaml'] },
];

describe('noteBlocks', () => {
  test('a list item keeps its continuation lines and its nested items; a paragraph its lines', () => {
    const blocks = noteBlocks(notes);
    const mj1 = blocks.find((b) => b.own.startsWith('- **MJ-1'))!;
    expect(mj1.block.text.split('\n')).toHaveLength(4);
    expect(mj1.block.headings).toEqual(['Review notes: modules M1 and M8', 'Major']);
    const lesson = blocks.find((b) => b.own.includes('M8 Lesson 4'))!;
    expect(lesson.own.split('\n')).toHaveLength(2);
    expect(lesson.block.line).toBe(9);
    expect(lesson.block.context).toEqual(['- **MJ-1, hypertension in pregnancy: fixed.**']);
    expect(blocks[0]!.own).toBe('Intro paragraph about `README.md`,\non two lines.');
  });
});

describe('notesConcerning', () => {
  const found = notesConcerning(notes, targets);
  const lines = (key: string) => found.get(key)?.map((b) => b.line);

  test.each([
    { name: '"M8 Lesson 4" and the lesson’s file path name the lesson', key: 'lesson:maternal-child/pregnancy-danger-signs', lines: [9] },
    { name: 'a bare "Lesson 3" under an "M1:" heading names M1’s third lesson', key: 'lesson:foundations/frameworks', lines: [17, 22] },
    { name: 'a bare "Lessons 3 and 4" with no module heading names nothing', key: 'lesson:foundations/other', lines: undefined },
    { name: 'a question id in backticks names the question', key: 'question:maternal-child/bp-140-90-after-20-weeks', lines: [11] },
    { name: 'a reference id in backticks names the reference', key: 'reference:who-psbi-2015', lines: [21] },
    { name: 'a case named in a heading owns the paragraphs under it', key: 'case:diabetes-hypertension-interpreter', lines: [26, 28] },
  ])('$name', ({ key, lines: expected }) => {
    expect(lines(key)).toEqual(expected);
  });

  test('an item asks for sign-off when its paragraph, an item above it or the sentence introducing its list says so', () => {
    expect(found.get('lesson:maternal-child/pregnancy-danger-signs')![0]!.asksSignOff).toBe(true);
    expect(found.get('reference:who-psbi-2015')![0]!.asksSignOff).toBe(true);
    expect(found.get('question:foundations/convert-abdominal-pain')![0]!.asksSignOff).toBe(false);
  });
});
