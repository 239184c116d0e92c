// The layer rules of docs/architecture.md hold because ESLint refuses their breach (eslint.config.mjs,
// run by npm test). Each case lints a probe file placed in a layer and expects the rule to fire;
// the allowed counterparts must stay clean, so the rules are not simply refusing everything.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads every plugin (several seconds on a busy machine): a generous timeout, not a speed check.
describe('import boundaries', { timeout: 60_000 }, () => {
  test.each([
    ['lib/domain imports the database', 'lib/domain/probe.ts', "import { getDb } from '@/db/client';\nexport const a = getDb;\n", /never reach the database/],
    ['lib/domain imports a query', 'lib/domain/probe.ts', "import { listUsers } from '@/db/queries/users';\nexport const a = listUsers;\n", /never reach the database/],
    ['lib/domain imports Next.js', 'lib/domain/probe.ts', "import { headers } from 'next/headers';\nexport const a = headers;\n", /imports no framework/],
    ['lib/domain imports React', 'lib/domain/probe.ts', "import { useState } from 'react';\nexport const a = useState;\n", /imports no framework/],
    ['lib/domain reads the file system', 'lib/domain/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", /no file system/],
    ['lib/domain calls a service', 'lib/domain/probe.ts', "import { completeLesson } from '@/lib/services/learning';\nexport const a = completeLesson;\n", /below services/],
    ['a question-bank converter reads the file system', 'lib/content/formats/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", /no file system/],
    ['a question-bank converter imports Next.js', 'lib/content/formats/probe.ts', "import { headers } from 'next/headers';\nexport const a = headers;\n", /imports no framework/],
    ['lib/validation imports the database', 'lib/validation/probe.ts', "import { getDb } from '@/db/client';\nexport const a = getDb;\n", /never reach the database/],
    ['a component imports a query', 'components/probe.tsx', "import { listUsers } from '@/db/queries/users';\nexport const a = listUsers;\n", /never reach the database/],
    ['a service opens a driver', 'lib/services/probe.ts', "import { PGlite } from '@electric-sql/pglite';\nexport const a = PGlite;\n", /Only db\/client.ts opens the database/],
    ['a page reads process.env', 'app/probe/page.tsx', 'export const a = process.env.SMTP_URL;\n', /lib\/env.ts/],
    ['a service copies process.env', 'lib/services/probe.ts', 'export const a = { ...process.env };\n', /lib\/env.ts/],
  ])('%s is refused', async (_name, file, code, rule) => {
    expect((await problems(file, code)).join('\n')).toMatch(rule);
  });

  test.each([
    ['a component names the type a query returns', 'components/probe.tsx', "import type { SessionUser } from '@/db/queries/sessions';\nexport type A = SessionUser;\n"],
    ['a service uses a query', 'lib/services/probe.ts', "import { listUsers } from '@/db/queries/users';\nexport const a = listUsers;\n"],
    ['the database client opens its driver', 'db/client.ts', "import { PGlite } from '@electric-sql/pglite';\nexport const a = PGlite;\n"],
    ['lib/env.ts reads process.env', 'lib/env.ts', 'export const a = process.env.SMTP_URL;\n'],
    ['a component checks NODE_ENV, which Next.js inlines', 'components/probe.ts', "export const a = process.env.NODE_ENV === 'production';\n"],
  ])('%s is allowed', async (_name, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
