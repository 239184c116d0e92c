// GIFT import, one form per row (Moodle's GIFT reader decides the type from the answer block).
import { describe, expect, test } from 'vitest';
import { buildBank } from '@/lib/content/formats/bank';
import { readGift } from '@/lib/content/formats/gift-read';
import { bankOptions } from '../support/moodle-fixtures';

const importGift = (text: string) => buildBank(readGift(text), bankOptions);

describe('GIFT forms the platform holds', () => {
  test.each([
    { name: 'single answer', gift: '::Pick::Which?{=Right ~Wrong ~Also wrong}', expected: { id: 'pick', type: 'single', key: ['a'], options: ['Right', 'Wrong', 'Also wrong'] } },
    { name: 'multiple answers by weight', gift: '::Many::Which?{~%50%A ~%50%B ~%-100%C}', expected: { id: 'many', type: 'multiple', key: ['a', 'b'], options: ['A', 'B', 'C'] } },
    { name: 'true, short form', gift: '::T::Sky is blue.{T}', expected: { id: 't', type: 'true-false', key: ['t'], options: ['True', 'False'] } },
    { name: 'false, long form', gift: '::F::Fire is cold.{FALSE}', expected: { id: 'f', type: 'true-false', key: ['f'], options: ['True', 'False'] } },
    { name: 'no title: named from its text', gift: 'What is safest?{=Wait ~Rush}', expected: { id: 'what-is-safest', type: 'single', key: ['a'], options: ['Wait', 'Rush'] } },
    { name: 'escaped characters', gift: '::Esc::Is 1\\=1 \\{really\\}?{=yes \\#1 ~no}', expected: { id: 'esc', type: 'single', key: ['a'], options: ['yes #1', 'no'] } },
  ])('$name', ({ gift, expected }) => {
    const q = importGift(gift).bank?.questions[0];
    expect({ id: q?.id, type: q?.type, key: q?.key, options: q?.options.map((o) => o.text) }).toEqual(expected);
  });

  test('$CATEGORY sets the tag of the questions after it; feedback goes to the rationale', () => {
    const { bank } = importGift('$CATEGORY: $course$/top/Triage\n\n::A::Refer?{=Yes#Red flag present ~No#Missed the red flag####Always check red flags.}');
    expect(bank?.questions[0]?.tags).toEqual(['Triage']);
    expect(bank?.questions[0]?.rationale).toBe('Always check red flags.\n\n* **Yes**: Red flag present\n* **No**: Missed the red flag');
  });

  test('[plain] text is shown literally, [html] is sanitised', () => {
    const { bank } = importGift('::P::[plain]<b>x</b>{=[html]<i>ok</i><script>alert(1)</script> ~no}');
    expect([bank?.questions[0]?.stem, bank?.questions[0]?.options[0]?.text]).toEqual(['\\<b>x\\</b>', '*ok*']);
  });
});

describe('GIFT forms that are skipped, by name', () => {
  test.each([
    { gift: '::E::Tell me.{}', type: 'essay' },
    { gift: '::N::How many?{#4:1}', type: 'numerical' },
    { gift: '::M::Match.{=a -> 1 =b -> 2}', type: 'match' },
    { gift: '::S::Capital of France?{=Paris =paris}', type: 'shortanswer' },
    { gift: '::D::Just some text', type: 'description' },
  ])('$type', ({ gift, type }) => {
    const { bank, report } = importGift(`${gift}\n\n::Kept::Ok?{T}`);
    expect(report.skipped).toEqual([{ name: gift.split('::')[1], type, reason: expect.any(String) }]);
    expect(bank?.questions.map((q) => q.id)).toEqual(['kept']);
  });
});
