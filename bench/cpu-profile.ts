// Splits the server's main-thread CPU time inside given windows of time by category, in proportion to
// a V8 CPU profile's samples (`node --cpu-prof`) in those windows. The profile alone would overstate:
// a sample's time is wall time, and on a busy machine the thread also waits for a core; the CPU time
// itself comes from the kernel (bench/actions.ts reads it). Bundled chunks are mapped back to their
// sources with their source maps, so code Next.js bundled (drizzle, next-auth, React) counts where it came from.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export const categories = ['rendering', 'auth', 'database', 'framework', 'other'] as const;
export type Category = (typeof categories)[number];
/** A window of time on the monotonic clock (process.hrtime), in microseconds, the requests sent in it and the main thread's CPU time in it. */
export type Window = { startUs: number; endUs: number; requests: number; cpuMs: number };
/** Main-thread CPU per request in milliseconds, in total and by category. */
export type CpuSplit = { totalMs: number } & Record<Category, number>;

// What a source path belongs to; checked in this order. Anything else (our code, zod, Node's own
// code, the garbage collector) is "other".
const rules: Array<[Category, RegExp]> = [
  ['auth', /\/(next-auth|@auth\/core|jose|@panva|oauth4webapi)\/|\/lib\/auth\//],
  ['database', /\/(drizzle-orm|pg|pg-protocol|pg-pool|pg-types|postgres-array|@electric-sql)\/|\/db\/(queries|client)/],
  ['rendering', /react-server-dom|react-dom|\/react\/|\/compiled\/react|\/app-render\/(?!action-handler)/],
  ['framework', /\/next\/|@swc\/helpers/],
];

/** Maps a chunk's position back to its source file, with the chunk's source map when it has one. */
export function sourceResolver(): (frame: CallFrame) => string {
  const maps = new Map<string, SourceMap | null>();
  return (frame) => {
    if (!frame.url.startsWith('file://')) return frame.url;
    const file = fileURLToPath(frame.url);
    if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null);
    const entry = maps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    return entry && 'originalSource' in entry ? entry.originalSource : file;
  };
}

/** The category of each profile node: its own source's, or else its nearest caller's that has code of its own. */
export function categorise(profile: CpuProfile): Map<number, Category | 'idle'> {
  const resolve = sourceResolver();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const own = (node: ProfileNode): Category | 'idle' | null => {
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)' || functionName === '(program)') return 'other';
    if (!url || url.startsWith('node:')) return null;
    const source = resolve(node.callFrame);
    return rules.find(([, pattern]) => pattern.test(source))?.[0] ?? 'other';
  };
  const result = new Map<number, Category | 'idle'>();
  for (const node of profile.nodes) {
    let at: ProfileNode | undefined = node;
    let found: Category | 'idle' | null = null;
    while (at && found === null) {
      found = own(at);
      const up = parent.get(at.id);
      at = up === undefined ? undefined : byId.get(up);
    }
    result.set(node.id, found ?? 'other');
  }
  return result;
}

/** The main thread's CPU per request inside `windows`, split by category as the profile's non-idle samples in them are. */
export function cpuPerRequest(profile: CpuProfile, windows: Window[]): CpuSplit {
  const category = categorise(profile);
  const sums: Record<Category, number> = { rendering: 0, auth: 0, database: 0, framework: 0, other: 0 };
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    const c = category.get(id);
    if (c === undefined || c === 'idle') return;
    if (windows.some((w) => t >= w.startUs && t <= w.endUs)) sums[c] += delta / 1000;
  });
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  const sampled = categories.reduce((n, c) => n + sums[c], 0);
  const cpuMs = windows.reduce((n, w) => n + w.cpuMs, 0);
  const per = (ms: number) => (requests === 0 || sampled === 0 ? 0 : ((ms / sampled) * cpuMs) / requests);
  const split = { rendering: per(sums.rendering), auth: per(sums.auth), database: per(sums.database), framework: per(sums.framework), other: per(sums.other) };
  return { totalMs: categories.reduce((n, c) => n + split[c], 0), ...split };
}
