// Findings of the black-box review of the production build, reproduced as they were reported and
// checked against the real server (scripts/serve.mjs in front of Next.js).
import { expect, test } from '@playwright/test';
import { demo, signIn, testClient } from './support/fixtures';

test('link pages are limited per connection: the 61st in ten minutes is refused with a message; another connection is not, and a client cannot pick its own address', async ({ playwright, baseURL }) => {
  const client = testClient();
  const from = (xff: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': xff } });
  const flooder = await from(client);
  for (let i = 0; i < 60; i++) {
    const res = await flooder.get(`/cohorts/join/NOSUCHCODE${i}`, { maxRedirects: 0 });
    expect(res.status(), `request ${i + 1}`).toBeLessThan(429);
  }
  const refused = await flooder.get('/account/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  expect(refused.status()).toBe(429);
  expect(refused.headers()['retry-after']).toMatch(/^\d+$/);
  expect(await refused.text()).toContain('Too many links opened from this connection');
  // Writing another address to the left of the one the proxy added changes nothing.
  const spoofer = await from(`203.0.113.9, ${client}`);
  expect((await spoofer.get('/reset-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).status()).toBe(429);
  const other = await from(testClient());
  expect((await other.get('/reset-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).status()).toBe(200);
  await Promise.all([flooder.dispose(), spoofer.dispose(), other.dispose()]);
});

test('TRACE is refused with 405 and a body over 2 MB with 413, each with a plain message', async ({ request }) => {
  const trace = await request.fetch('/api/health', { method: 'TRACE' });
  expect(trace.status()).toBe(405);
  expect(await trace.text()).toContain('not allowed');
  const big = await request.post('/sign-in', { data: 'x'.repeat(2 * 1024 * 1024 + 1), headers: { 'content-type': 'text/plain' } });
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain('too large');
});

test('a signed-in user opening a sign-in link whose next hides another site (/%09/evil.example) stays on this site', async ({ page, baseURL }) => {
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/profile$/);
  for (const next of ['/%09/evil.example', '/%0d%0a/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/']) {
    await page.goto(`/sign-in?next=${next}`);
    expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
  }
});
