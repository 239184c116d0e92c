// Throughput and latency over loopback HTTP with autocannon, and the static-server ceiling the
// prerendered lesson is compared with.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { HttpRequest } from './http';
import { freePort, killGroup, root, startGroup, tsxBin, waitForOk } from './proc';

export type LoadResult = {
  connections: number;
  seconds: number;
  /** Requests sent, and responses received in the window (requests still in flight when it closed have none). */
  sent: number;
  responses: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
};

/** Sends `request` with `connections` concurrent connections for `seconds` (responses slower than `timeoutS` count as timeouts). */
export async function load(request: HttpRequest, connections: number, seconds: number, timeoutS = 30): Promise<LoadResult> {
  const r = await autocannon({ url: request.url, method: request.method ?? 'GET', headers: { 'accept-encoding': 'gzip', ...request.headers }, body: request.body, connections, duration: seconds, timeout: timeoutS });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  const responses = r.latency.totalCount;
  return { connections, seconds: r.duration, sent: r.requests.sent, responses, rps: responses / r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99, statusCodes, errors: r.errors, timeouts: r.timeouts };
}

/** Serves `gzipped` HTML from bench/static-server.ts in its own process (file kept in `dir`); resolves to its URL and a stop function. */
export async function startStaticServer(gzipped: Buffer, dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const file = path.join(dir, 'lesson.html.gz');
  writeFileSync(file, gzipped);
  const port = await freePort();
  const { child } = startGroup([tsxBin, path.join(root, 'bench/static-server.ts'), file, String(port)], process.env);
  const url = `http://127.0.0.1:${port}/`;
  await waitForOk(url, child, 30_000);
  return { url, stop: () => killGroup(child) };
}
