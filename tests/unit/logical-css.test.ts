// The right-to-left lint (npm run lint:css): every way of naming left or right that would keep the
// layout from mirroring in Urdu is caught, the logical spellings pass, and the project has none.
import { describe, expect, test } from 'vitest';
import { checkProject, findPhysicalDirections } from '../../scripts/logical-css.mjs';

const found = (source: string, kind: 'css' | 'ts'): number => findPhysicalDirections(source, kind).length;

describe('physical directions are caught', () => {
  test.each([
    ['a left margin', '.a { margin-left: 1rem; }', 'css'],
    ['a right padding', '.a { padding-right: 0; }', 'css'],
    ['a left border', 'blockquote { border-left: 3px solid; }', 'css'],
    ['a position from the left', '.a { position: absolute; left: 0; }', 'css'],
    ['text aligned left', 'th { text-align: left }', 'css'],
    ['a float right', 'img { float: right; }', 'css'],
    ['four values with unequal right and left', '.a { padding: 0 1rem 0 2rem; }', 'css'],
    ['compact CSS in a string', "const s = 'aside{border-left:4px solid #000}';", 'ts'],
    ['an inline style object', '<p style={{ marginLeft: 4 }} />', 'ts'],
    ['an inline text alignment', "<p style={{ textAlign: 'right' }} />", 'ts'],
    ['a Tailwind left padding', '<ul className="list-disc pl-5">', 'ts'],
    ['a Tailwind left border in a template', '<li className={`card ${ok ? \'border-l-ok\' : \'\'}`}>', 'ts'],
    ['a Tailwind corner', '<div className="rounded-lg rounded-tr-none">', 'ts'],
    ['a Tailwind text alignment', "<th className='text-left'>", 'ts'],
    ['a negative Tailwind margin', '<div className="-ml-2">', 'ts'],
  ] as const)('%s', (_, source, kind) => {
    expect(found(source, kind)).toBeGreaterThan(0);
  });
});

describe('logical spellings and look-alikes pass', () => {
  test.each([
    ['logical margins', '.a { margin-inline-start: 1rem; padding-inline: 0 1rem; }', 'css'],
    ['text aligned to the start', 'th { text-align: start; }', 'css'],
    ['four values with equal right and left', '.a { padding: 0 1rem 0.5rem 1rem; }', 'css'],
    ['two values', '.a { margin: 0 auto; padding: 0.5rem 0.75rem; }', 'css'],
    ['Tailwind logical classes', '<ul className="ps-5 ms-auto border-s-4 rounded-se-none text-start">', 'ts'],
    ['a variable named left in a template', '<div className={`notice ${left <= 300 ? \'notice-error\' : \'\'}`}>', 'ts'],
    ['an object with a left field', 'return { left: total - done, done };', 'ts'],
    ['words in text', '<p>Nothing left: every requirement is met.</p>', 'ts'],
  ] as const)('%s', (_, source, kind) => {
    expect(found(source, kind)).toBe(0);
  });
});

test('the project names no left or right in its styles', () => {
  expect(checkProject(process.cwd())).toEqual([]);
});
