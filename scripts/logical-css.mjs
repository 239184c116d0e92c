// npm run lint:css — the layout must mirror for right-to-left languages (Urdu), so styles use logical
// properties (margin-inline-start, text-align: start, Tailwind's ms-/ps-/border-s-) and never name
// left or right. Checks CSS files, CSS written inside TypeScript strings, inline style objects and
// Tailwind class names; prints file:line and what to use instead. Also run by tests/unit/logical-css.test.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cssRules = [
  { pattern: /\b(margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b/, use: '$1-inline-start / $1-inline-end' },
  { pattern: /(^|[\s;{])(left|right)\s*:\s*[^;}]/, use: 'inset-inline-start / inset-inline-end' },
  { pattern: /\b(text-align|float|clear)\s*:\s*(left|right)\b/, use: 'start / end (inline-start / inline-end for float and clear)' },
  // Four values name top, right, bottom and left: unequal right and left do not mirror.
  { pattern: /\b(?:margin|padding|inset)\s*:\s*[^\s;{}]+\s+([^\s;{}]+)\s+[^\s;{}]+\s+(?!\1\s*[;}'"`])[^\s;{}]+\s*[;}'"`]/, use: 'margin-block / margin-inline (two values each)' },
];
const styleObjectRules = [
  { pattern: /\b(margin|padding|border|scrollMargin|scrollPadding)(Left|Right)\b\s*:/, use: '$1InlineStart / $1InlineEnd' },
  { pattern: /\b(textAlign|float|clear)\s*:\s*['"](left|right)['"]/, use: "'start' / 'end'" },
  { pattern: /style=\{\{[^}]*\b(left|right)\s*:/, use: 'insetInlineStart / insetInlineEnd' },
];
// Tailwind v4 has a logical twin for each: ms-/me-, ps-/pe-, start-/end-, border-s/-e, rounded-s/-e/-ss/-se/-es/-ee, text-start/-end.
const physicalClass =
  /(?:^|[\s"'`{:])-?(ml|mr|pl|pr|left|right|scroll-ml|scroll-mr|scroll-pl|scroll-pr|border-l|border-r|rounded-l|rounded-r|rounded-tl|rounded-tr|rounded-bl|rounded-br|text-left|text-right|float-left|float-right|clear-left|clear-right)(?=-|[\s"'`}]|$)/;

/** Every left or right in one file's text: { line, text, use }. `kind` is 'css' or 'ts'. */
export function findPhysicalDirections(source, kind) {
  const found = [];
  source.split('\n').forEach((line, index) => {
    const rules = kind === 'css' ? cssRules : [...styleObjectRules, ...cssInStrings(line)];
    for (const rule of rules) {
      if (rule.pattern.test(line)) found.push({ line: index + 1, text: line.trim(), use: rule.use });
    }
    if (kind === 'ts') {
      for (const classes of line.matchAll(/className=(?:"([^"]*)"|'([^']*)'|\{`([^`]*)`\}|\{'([^']*)'\})/g)) {
        const value = classes[1] ?? classes[2] ?? classes[3] ?? classes[4] ?? '';
        const hit = classText(value).match(physicalClass);
        if (hit) found.push({ line: index + 1, text: line.trim(), use: `the logical class for ${hit[1]} (ms-, me-, ps-, pe-, start-, end-, border-s, rounded-s, text-start…)` });
      }
    }
  });
  return found;
}

// CSS inside a TypeScript string (the lite pages, the export page) is checked only where the line holds a
// rule written compactly ("selector{property:", as those strings are), so that an object literal such as { left: 3 } is not taken for CSS.
function cssInStrings(line) {
  return /[a-z0-9.#\])*]\{[a-z-]+:/.test(line) ? cssRules : [];
}

// In a template literal only the text and the quoted strings inside ${…} are class names.
function classText(value) {
  return value.replace(/\$\{([^}]*)\}/g, (_, expression) => ` ${[...expression.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]).join(' ')} `);
}

const roots = ['app', 'components', 'lib'];
const skip = new Set(['node_modules', '.next']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(css|tsx?|mjs)$/.test(name)) yield full;
  }
}

/** Every finding in the project's styles, as "file:line  text  → use …" lines. */
export function checkProject(root) {
  const out = [];
  for (const top of roots) {
    for (const file of files(path.join(root, top))) {
      const kind = file.endsWith('.css') ? 'css' : 'ts';
      for (const f of findPhysicalDirections(readFileSync(file, 'utf8'), kind)) out.push(`${path.relative(root, file)}:${f.line}  ${f.text}  → use ${f.use}`);
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = checkProject(process.cwd());
  for (const line of found) console.error(line);
  if (found.length > 0) {
    console.error(`\n${found.length} physical direction(s): use logical properties so the layout mirrors in Urdu.`);
    process.exit(1);
  }
  console.log('Styles name no left or right.');
}
