// The Urdu beside a case's lines: the schema (script is Urdu, roman is Latin), where Urdu is allowed
// (a case whose languages include Urdu), completeness per node, and the runs an Urdu line is split
// into for bidi isolation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { contentHash } from '@/lib/content/files';
import { clinicalCaseHash } from '@/lib/content/review-items';
import { caseSchema } from '@/lib/content/schemas/case';
import { urduSchema } from '@/lib/content/schemas/urdu';
import { caseUsesUrdu, hasUrduLines, urduLineProblems, urduTranslation } from '@/lib/domain/consult/urdu';
import { bidiRuns, isRomanUrdu, isUrduScript, stageDirection } from '@/lib/domain/language/script';

const raw = () => parse(readFileSync(path.join(process.cwd(), 'content/cases/chest-pain-lagging-video.yaml'), 'utf8'));

describe('an Urdu field: script in the Urdu block, roman in Latin letters', () => {
  test.each([
    { name: 'Urdu script and Roman Urdu', ur: { script: 'جی، ڈاکٹر صاحب۔', roman: 'Ji, doctor sahib.' }, ok: true },
    { name: 'an English drug name inside the Urdu', ur: { script: 'شوگر، پانچ سال سے۔ Metformin، دن میں دو بار۔', roman: 'Sugar, paanch saal se.' }, ok: true },
    { name: 'script written in Latin letters', ur: { script: 'Ji, doctor sahib.', roman: 'Ji, doctor sahib.' }, ok: false },
    { name: 'script that is mostly English', ur: { script: 'Metformin twice a day ہے', roman: 'Metformin' }, ok: false },
    { name: 'roman written in Urdu script', ur: { script: 'جی', roman: 'جی' }, ok: false },
    { name: 'roman with an Urdu word inside', ur: { script: 'جی', roman: 'Ji ڈاکٹر' }, ok: false },
    { name: 'a missing roman', ur: { script: 'جی' }, ok: false },
    { name: 'an empty script', ur: { script: ' ', roman: 'Ji' }, ok: false },
  ])('$name: accepted $ok', ({ ur, ok }) => {
    expect(urduSchema.safeParse(ur).success).toBe(ok);
  });

  test('a missing roman on a case line names the field', () => {
    const c = raw();
    delete c.nodes.opening.say[0].ur.roman;
    const result = caseSchema.safeParse(c);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('nodes.opening.say.0.ur.roman');
  });
});

describe('where Urdu lines may be', () => {
  test('the shipped Urdu case passes and says it is in Urdu', () => {
    const c = caseSchema.parse(raw());
    expect(caseUsesUrdu(c)).toBe(true);
    expect(hasUrduLines(c)).toBe(true);
    expect(urduLineProblems(c)).toEqual([]);
  });

  test.each([
    { name: 'no languages at all', languages: undefined },
    { name: 'a Pashto call not interpreted into Urdu', languages: { spoken: ['ps'] } },
    { name: 'a Sindhi call interpreted into English', languages: { spoken: ['sd'], interpretedInto: 'en' } },
  ])('lines on a case that is not in Urdu are rejected: $name', ({ languages }) => {
    const c = raw();
    if (languages) c.languages = languages;
    else delete c.languages;
    const problems = urduLineProblems(caseSchema.parse(c));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/languages do not include Urdu/);
  });

  test('a call interpreted into Urdu may carry Urdu lines', () => {
    const c = raw();
    c.languages = { spoken: ['ps'], interpretedInto: 'ur' };
    expect(urduLineProblems(caseSchema.parse(c))).toEqual([]);
  });

  test('a node with Urdu on some lines and not on a reply is rejected, naming the line', () => {
    const c = raw();
    delete c.nodes.opening.choices[0].reply[0].ur;
    expect(urduLineProblems(caseSchema.parse(c))).toEqual([expect.stringMatching(/^\[urdu\] nodes\.opening choice "[a-z-]+" reply\[0\] has no "ur"/)]);
  });

  test('a node with no Urdu at all beside nodes that have it is accepted (lines are complete per node)', () => {
    const c = raw();
    for (const line of c.nodes.opening.say) delete line.ur;
    for (const choice of c.nodes.opening.choices) for (const line of choice.reply ?? []) delete line.ur;
    expect(urduLineProblems(caseSchema.parse(c))).toEqual([]);
  });

  test('what a translation review approves: only the lines with Urdu, each with the English it translates', () => {
    const c = caseSchema.parse(raw());
    const t = urduTranslation(c);
    expect(t[0]).toMatchObject({ where: 'brief.complaint', who: 'tariq' });
    expect(t.every((l) => isUrduScript(l.script) && isRomanUrdu(l.roman) && l.en.length > 0)).toBe(true);
  });
});

test("a case's clinical version leaves its Urdu out, inline or under the text, and its languages line", () => {
  const bare = 'id: x\nnodes:\n  a:\n    say:\n      - { who: p, text: "Hi." }\n      - who: p\n        text: >-\n          A long line.\n';
  const translated =
    'id: x\nlanguages: { spoken: [ur] }\nnodes:\n  a:\n    say:\n      - { who: p, text: "Hi.", ur: { script: "جی", roman: "Ji" } }\n      - who: p\n        text: >-\n          A long line.\n        ur: { script: "لمبی \\"بات\\"", roman: "Lambi baat" }\n';
  expect(clinicalCaseHash(translated, 'file-hash')).toBe(contentHash(bare));
  expect(clinicalCaseHash(bare, 'file-hash')).toBe('file-hash');
  expect(clinicalCaseHash(translated.replace('A long line.', 'A longer line.'), 'file-hash')).not.toBe(contentHash(bare));
});

describe('bidi runs of an Urdu line', () => {
  test.each([
    { text: 'جی، ڈاکٹر صاحب۔', runs: [{ latin: false, text: 'جی، ڈاکٹر صاحب۔' }] },
    { text: 'شوگر۔ Metformin، دن میں', runs: [{ latin: false, text: 'شوگر۔ ' }, { latin: true, text: 'Metformin' }, { latin: false, text: '، دن میں' }] },
    { text: 'فون Rescue 1122 کو', runs: [{ latin: false, text: 'فون ' }, { latin: true, text: 'Rescue 1122' }, { latin: false, text: ' کو' }] },
    { text: 'مکان 27، گلی 3', runs: [{ latin: false, text: 'مکان 27، گلی 3' }] },
    { text: 'PCI؟ ڈاکٹر', runs: [{ latin: true, text: 'PCI' }, { latin: false, text: '؟ ڈاکٹر' }] },
  ])('$text', ({ text, runs }) => {
    expect(bidiRuns(text)).toEqual(runs);
    expect(bidiRuns(text).map((r) => r.text).join('')).toBe(text);
  });

  test.each([
    { text: '(chewing) It is bitter.', direction: 'chewing' },
    { text: 'It is bitter (very).', direction: null },
  ])('stage direction of "$text"', ({ text, direction }) => {
    expect(stageDirection(text)).toBe(direction);
  });
});
