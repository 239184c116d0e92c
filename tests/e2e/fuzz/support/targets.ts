// What the fuzz suite sends bad input to, found rather than listed: route handlers and pages by
// walking app/, server actions from the build's server-reference manifest. A new route, page or
// action is fuzzed from the day it is added (an action without a baseline in inputs.ts fails the
// suite, so someone decides what valid input for it looks like).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const appDir = path.join(process.cwd(), 'app');
const distDir = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next');

export type Segment = { kind: 'static'; text: string } | { kind: 'param'; name: string; catchAll: boolean };

export type RouteTarget = { kind: 'route'; file: string; segments: Segment[]; methods: string[] };
export type PageTarget = { kind: 'page'; file: string; segments: Segment[]; query: string[] };
export type ActionTarget = { kind: 'action'; id: string; name: string; file: string; pages: string[]; args: 'form' | 'state-form' | 'none' };

function walk(dir: string, name: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) walk(p, name, found);
    else if (entry === name) found.push(p);
  }
  return found;
}

/** The URL segments of a file under app/: route groups `(x)` dropped, `[x]` and `[...x]` as parameters. */
export function segmentsOf(file: string): Segment[] {
  const rel = path.relative(appDir, path.dirname(file));
  return rel
    .split(path.sep)
    // The locale segment is not in the English URL (app/[locale]/modules → /modules).
    .filter((s) => s !== '' && s !== '[locale]' && !/^\(.*\)$/.test(s))
    .map((s): Segment => {
      const param = /^\[(\.\.\.)?([^\]]+)\]$/.exec(s);
      return param ? { kind: 'param', name: param[2]!, catchAll: Boolean(param[1]) } : { kind: 'static', text: s };
    });
}

export function pattern(segments: Segment[]): string {
  return `/${segments.map((s) => (s.kind === 'static' ? s.text : s.catchAll ? `[...${s.name}]` : `[${s.name}]`)).join('/')}`;
}

/** Every app/**\/route.ts with the HTTP methods it exports. */
export function routeTargets(): RouteTarget[] {
  return walk(appDir, 'route.ts').map((file) => {
    const source = readFileSync(file, 'utf8');
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of m[1]!.split(',')) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
    return { kind: 'route', file: path.relative(process.cwd(), file), segments: segmentsOf(file), methods: [...methods] };
  });
}

/** Every app/**\/page.tsx, with the query parameters its `searchParams` type names. */
export function pageTargets(): PageTarget[] {
  return walk(appDir, 'page.tsx').map((file) => {
    const source = readFileSync(file, 'utf8');
    const typed = /searchParams\s*:\s*Promise<\{([^}]*)\}>/.exec(source)?.[1] ?? '';
    const query = [...typed.matchAll(/(\w+)\??\s*:/g)].map((m) => m[1]!);
    return { kind: 'page', file: path.relative(process.cwd(), file), segments: segmentsOf(file), query };
  });
}

/**
 * Every server action in the build. The first byte of an action id records which arguments the
 * function reads (Next.js's type-info byte: 0x40 the first, 0x60 the first two, 0x7f any); a
 * wrapped action (`formAction`, `pageAction`) reads `...args`, so its source says which it is.
 */
export function actionTargets(): ActionTarget[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const file = entry.filename ?? '';
    const name = entry.exportedName ?? id;
    const source = file ? readFileSync(path.join(process.cwd(), file), 'utf8') : '';
    const wrapper = new RegExp(`export const ${name} = (\\w+)\\(`).exec(source)?.[1];
    const typeByte = parseInt(id.slice(0, 2), 16);
    const args: ActionTarget['args'] =
      typeByte === 0x00 ? 'none' : typeByte === 0x40 || wrapper === 'pageAction' ? 'form' : 'state-form';
    // The page each worker stands for: app/(group)/a/[b]/page → /a/[b].
    const pages = Object.keys(entry.workers).map((w) => pattern(segmentsOf(path.join(appDir, w.replace(/^app\//, '')))));
    return { kind: 'action', id, name, file, pages, args };
  });
}
