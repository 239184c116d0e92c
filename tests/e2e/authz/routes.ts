// The app's own list of what can be requested, found rather than written down: every page and route
// handler under app/ (and the metadata routes robots.txt and sitemap.xml), and every server action
// the production build registered. The matrix (matrix.spec.ts) fails when this list and the table
// (table.ts) disagree, so a new route cannot ship without someone deciding who may use it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const appDir = path.join(root, 'app');

export type RouteKind = 'page' | 'handler';

/** A URL the app answers: `pattern` keeps the dynamic segments as written (`/quizzes/[quiz]`). */
export type DiscoveredRoute = { kind: RouteKind; pattern: string; file: string; methods: readonly string[] };

/** A server action: its id in this build, and where it is written (`app/(learn)/profile/actions.ts#updateProfileAction`). */
export type DiscoveredAction = { id: string; name: string; pages: readonly string[] };

const handlerMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
/** Metadata files that Next.js serves as routes of their own, and the URL each gets. */
const metadataRoutes: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml' };

/**
 * `[locale]/(learn)/quizzes/[quiz]` → `/quizzes/[quiz]`: route groups `(x)` drop out, dynamic segments
 * stay, and the locale segment drops out too (the English URL has no prefix; `/ur/...` serves the
 * same page code, so the matrix checks each page once, at its English URL).
 */
export function urlPattern(folder: string): string {
  const segments = folder.split(/[\\/]/).filter((s) => s !== '' && s !== '[locale]' && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return `/${segments.join('/')}`;
}

/** The methods a route handler exports (`export const GET = …`, `export async function POST`, `export const { GET, POST } = …`). */
function exportedMethods(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const name of m[1]!.split(',')) found.add(name.trim());
  return handlerMethods.filter((m) => found.has(m));
}

/** Every page and route handler under app/, sorted by URL. */
export function discoverRoutes(): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Private folders (`_x`) are not routes.
        if (!entry.name.startsWith('_')) visit(full);
        continue;
      }
      const folder = path.relative(appDir, dir);
      const file = path.relative(root, full);
      if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) found.push({ kind: 'page', pattern: urlPattern(folder), file, methods: ['GET'] });
      else if (/^route\.(ts|js)$/.test(entry.name)) found.push({ kind: 'handler', pattern: urlPattern(folder), file, methods: exportedMethods(full) });
      else if (dir === appDir && metadataRoutes[entry.name]) found.push({ kind: 'handler', pattern: `/${metadataRoutes[entry.name]}`, file, methods: ['GET'] });
    }
  };
  visit(appDir);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** The build folder (playwright.config.ts and next.config.mjs read the same setting). */
export function distDir(): string {
  return path.join(root, process.env.NEXT_DIST_DIR || '.next');
}

/**
 * Every server action in the production build, from `.next/server/server-reference-manifest.json`:
 * its id (what a browser sends as `Next-Action`), the file and export it comes from, and the pages
 * (`app/(learn)/profile/page`) whose forms may post it.
 */
export function discoverActions(): DiscoveredAction[] {
  const file = path.join(distDir(), 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { node?: Record<string, ManifestEntry> };
  const actions: DiscoveredAction[] = [];
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (!entry.filename || !entry.exportedName) throw new Error(`${file}: action ${id} does not say where it comes from`);
    // Named as written before the pages moved under app/[locale] (`app/(auth)/actions.ts#signInAction`).
    actions.push({ id, name: `${entry.filename.replace(/^app\/\[locale\]\//, 'app/')}#${entry.exportedName}`, pages: Object.keys(entry.workers) });
  }
  return actions.sort((a, b) => a.name.localeCompare(b.name));
}

/** `/teach/cohorts/[cohort]/learners/[learner]` with `{ cohort: 'c1', learner: 'u1' }` → a URL; a missing value is an error. */
export function fillPattern(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${pattern}: no value for [${name}]`);
    // A catch-all segment takes slashes as they are.
    return value.split('/').map(encodeURIComponent).join('/');
  });
}

/** A page of the manifest's worker list (`app/(learn)/profile/page`) as a URL pattern (`/profile`). */
export function workerPattern(worker: string): string {
  return urlPattern(worker.replace(/^app\//, '').replace(/\/page$/, '').replace(/^page$/, ''));
}
