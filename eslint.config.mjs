// ESLint: Next.js's rules (core web vitals, TypeScript) and the layer rules of docs/architecture.md,
// so an import across a boundary fails `npm test` instead of waiting for a review.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const drivers = {
  group: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg', '@vercel/postgres', 'postgres', 'drizzle-orm/pglite', 'drizzle-orm/node-postgres', 'drizzle-orm/vercel-postgres', 'drizzle-orm/postgres-js'],
  message: 'Only db/client.ts opens the database: use getDb() and db/queries.',
};
const framework = {
  group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
  message: 'The pure tier imports no framework: take what it needs as arguments.',
};
const database = { group: ['@/db', '@/db/*', '@/db/**', '**/db/queries/*', '**/db/client'], message: 'The pure tier and components never reach the database: go through a service or a query in app/.' };
const services = { group: ['@/lib/services/*', '@/lib/auth/*', '@/lib/auth', '@/lib/certification/*', '@/lib/credentials/*', '@/lib/mail/*', '@/lib/actions'], message: 'The pure tier sits below services.' };
const fileSystem = { group: ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:path', 'path'], message: 'lib/domain is pure: no file system.' };
// Type-only imports carry no code across a layer (a component may name the shape a query returns).
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }] });

// process.env outside lib/env.ts: a settings read (refused), except the constants Next.js itself
// sets and inlines (NODE_ENV, NEXT_RUNTIME, NEXT_PHASE).
const envRead = [
  { selector: "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env'][property.name!=/^(NODE_ENV|NEXT_RUNTIME|NEXT_PHASE)$/]", message: 'Read settings through lib/env.ts (serverEnv()), the one schema that checks them.' },
  { selector: "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env'][computed=true]", message: 'Read settings through lib/env.ts (serverEnv()), the one schema that checks them.' },
  { selector: ":matches(SpreadElement, VariableDeclarator, CallExpression, AssignmentExpression, Property, ReturnStatement) > MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through lib/env.ts (serverEnv()), the one schema that checks them.' },
];

/** Files allowed to read process.env: the one settings schema, launchers, tools and tests. */
const envReaders = ['lib/env.ts', 'scripts/**', 'tests/**', 'bench/**', '*.config.*', 'drizzle.config.ts'];

const config = [
  { ignores: ['.next*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**', '.data/**', '.scratch/**', 'next-env.d.ts'] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      ...restrict(drivers),
      'no-restricted-syntax': ['error', ...envRead],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // React Compiler's rules (react-hooks 7): this project does not compile with it, and they flag
      // patterns it relies on on purpose: reading browser-only state after hydration (so server and
      // client HTML agree), refs handed to a drawing as props, MDX's compiled component.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/static-components': 'off',
      'react-hooks/immutability': 'off',
    },
  },
  { files: envReaders, rules: { 'no-restricted-syntax': 'off' } },
  // The database client opens the driver; tests and benchmarks open their own servers on purpose.
  { files: ['db/client.ts', 'tests/**', 'bench/**'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  { files: ['lib/domain/**'], rules: restrict(drivers, framework, database, services, fileSystem) },
  // The question-bank converters are pure too: the commands and the route read and write the files.
  { files: ['lib/content/formats/**'], rules: restrict(drivers, framework, database, services, fileSystem) },
  { files: ['lib/content/schemas/**', 'lib/validation/**', 'lib/format/**', 'lib/budgets/**', 'lib/lite/**'], rules: restrict(drivers, framework, database, services) },
  { files: ['components/**'], rules: restrict(drivers, database) },
];

export default config;
