// The shipped nginx configuration (deploy/nginx) in front of this run's production server: what it
// caches, what it keeps apart and what it passes straight through. nginx runs as an ordinary
// process from /usr/sbin/nginx (Debian's nginx-light; .ci/run installs it).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { type LocalNginx, startNginx } from '../../deploy/nginx/local';
import { demo, signIn } from './support/fixtures';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string; cache: string };

/** One GET through the proxy, the body kept as sent (compressed or not) and its text unpacked. */
function get(base: string, pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = (response.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text, cache: String(response.headers['x-cache-status'] ?? '') });
        });
      })
      .on('error', reject);
  });
}

const gzip = { 'accept-encoding': 'gzip' };
const lowData = { ...gzip, cookie: 'lowdata=1' };
const heading = (reply: Reply) => /<h1[^>]*>([^<]+)<\/h1>/.exec(reply.text)?.[1];

let proxy: LocalNginx;

test.beforeAll(async () => {
  const upstream = new URL(test.info().project.use.baseURL ?? '').host;
  const buildId = readFileSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim();
  proxy = await startNginx({ upstream, buildId, workers: 1 });
});

test.afterAll(async () => {
  await proxy?.stop();
});

test('a prerendered lesson and its build files come from the cache, gzipped, and unpacked for a client without gzip', async () => {
  const lesson = '/modules/foundations/what-is-telemedicine';
  const first = await get(proxy.url, lesson, gzip);
  expect(first.status).toBe(200);
  expect(first.cache).toBe('MISS');
  const hit = await get(proxy.url, lesson, gzip);
  expect(hit.cache).toBe('HIT');
  expect(hit.headers['content-encoding']).toBe('gzip');
  expect(hit.body.equals(first.body)).toBe(true);
  expect(hit.text).toContain('<script');
  expect(heading(hit)).toBe('Telemedicine, telehealth and the four ways to connect');

  const plain = await get(proxy.url, lesson);
  expect(plain.cache).toBe('HIT');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.text).toBe(hit.text);

  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(hit.text)?.[1];
  expect(script).toBeTruthy();
  await get(proxy.url, script!, gzip);
  const asset = await get(proxy.url, script!, gzip);
  expect(asset.cache).toBe('HIT');
  expect(asset.headers['content-encoding']).toBe('gzip');
  expect(asset.headers['cache-control']).toContain('immutable');
});

test('the low-data page and the full lesson are cached apart, whichever comes first', async () => {
  for (const [lesson, order] of [
    ['/modules/foundations/consultation-frameworks', [lowData, gzip]],
    ['/modules/foundations/benefits-and-limits', [gzip, lowData]],
  ] as const) {
    for (const headers of [...order, ...order]) {
      const reply = await get(proxy.url, lesson, headers);
      expect(reply.status, lesson).toBe(200);
      if (headers === lowData) expect(reply.text, `${lesson} with lowdata=1 (${reply.cache})`).not.toContain('<script');
      else expect(reply.text, `${lesson} without the cookie (${reply.cache})`).toContain('<script');
    }
    // The second round came from the cache, each variant its own entry.
    expect((await get(proxy.url, lesson, lowData)).cache).toBe('HIT');
    expect((await get(proxy.url, lesson, gzip)).cache).toBe('HIT');
  }
});

test('POSTs pass through; a signed-in page is never stored or served to anyone else', async ({ browser }) => {
  // Signing in is a server-action POST through the proxy: it must pass with Host and Origin agreeing.
  const context = await browser.newContext({ baseURL: proxy.url });
  const page = await context.newPage();
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await signIn(page, demo.learner, undefined, '/profile');
  // Passed straight through: the cache logic never saw it, so nginx names no cache status.
  expect((await posted).headers()['x-cache-status']).toBeUndefined();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByText(`Signed in as ${demo.learner}`)).toBeVisible();
  const cookie = (await context.cookies(proxy.url)).map((c) => `${c.name}=${c.value}`).join('; ');
  expect(cookie).toContain('authjs.session-token');

  for (let i = 0; i < 2; i++) {
    const mine = await get(proxy.url, '/profile', { ...gzip, cookie });
    expect(mine.status).toBe(200);
    expect(mine.cache).toBe('BYPASS');
    expect(mine.text).toContain(demo.learner);
  }
  const anonymous = await get(proxy.url, '/profile', gzip);
  expect(anonymous.cache).not.toBe('HIT');
  expect(anonymous.text).not.toContain(demo.learner);
  expect(anonymous.status).not.toBe(200);

  // A lesson is the same for everyone: a signed-in reader may be served the stored copy, but what
  // a signed-in request fetched is never stored.
  const lesson = '/modules/foundations/pakistan-landscape';
  expect((await get(proxy.url, lesson, { ...gzip, cookie })).cache).toBe('MISS');
  expect((await get(proxy.url, lesson, gzip)).cache).toBe('MISS');
  expect((await get(proxy.url, lesson, gzip)).cache).toBe('HIT');
  const signedIn = await get(proxy.url, lesson, { ...gzip, cookie });
  expect(signedIn.cache).toBe('HIT');
  expect(signedIn.text).not.toContain(demo.learner);

  // Low-data mode set through the proxy (another server-action POST) is honoured by it at once.
  await page.goto('/settings/data');
  await page.getByRole('button', { name: 'Turn low-data mode on' }).click();
  await expect(page.getByTestId('lowdata-state')).toHaveText('on');
  const lite = await page.goto('/modules/foundations/what-is-telemedicine');
  expect(await lite!.text()).not.toContain('<script');
  await context.close();
  expect(proxy.errorLog()).not.toMatch(/\[(emerg|alert|crit)\]/);
});
