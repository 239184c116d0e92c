// A prerendered lesson through the shipped nginx configuration (deploy/nginx), the way a university
// self-hosting `npm start` would serve it: from nginx's cache of the gzipped bytes. Compared with
// the bare static server (bench/static-server.ts) on the same bytes; the target is 0.8× its rate.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startNginx } from '../deploy/nginx/local';
import { send } from './http';
import { type LoadResult, load } from './load';
import { progress, root } from './proc';

export type ProxyResult = { path: string; workers: 'auto'; cacheStatus: string; bytes: number; runs: LoadResult[] };

/** nginx ÷ static throughput the issue asks for, at each connection count. */
export const proxyTargetRatio = 0.8;

/**
 * Starts nginx in front of the running app at `baseUrl`, fills its cache with the lesson (checking
 * the second request is a gzipped HIT), then loads it at 1 and 50 connections. nginx runs one
 * worker per core (`auto`), as the shipped configuration does.
 */
export async function proxyLesson(baseUrl: string, distDir: string, lessonPath: string, seconds: number): Promise<ProxyResult> {
  const buildId = readFileSync(path.join(root, distDir, 'BUILD_ID'), 'utf8').trim();
  const proxy = await startNginx({ upstream: new URL(baseUrl).host, buildId, workers: 'auto' });
  try {
    const url = `${proxy.url}${lessonPath}`;
    await send({ url });
    const warm = await send({ url });
    const cacheStatus = String(warm.headers['x-cache-status']);
    if (warm.status !== 200 || cacheStatus !== 'HIT' || warm.headers['content-encoding'] !== 'gzip') {
      throw new Error(`nginx did not serve the lesson from its cache, gzipped: ${warm.status} ${JSON.stringify(warm.headers)}\n${proxy.errorLog()}`);
    }
    progress('  load: prerendered lesson through nginx (cache hit)');
    const runs = [await load({ url }, 1, seconds), await load({ url }, 50, seconds)];
    return { path: lessonPath, workers: 'auto', cacheStatus, bytes: warm.body.length, runs };
  } finally {
    await proxy.stop();
  }
}
