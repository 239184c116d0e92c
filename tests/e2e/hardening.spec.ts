// Findings of the black-box review of the production build, reproduced as they were reported and
// checked against the real server (scripts/serve.mjs in front of Next.js).
import { expect, test } from '@playwright/test';
import { choiceOf, enterRoom, loadCase, transcriptEntries } from './support/consult';
import { demo, ownConnection, signIn, signUp, testClient, uniqueEmail } from './support/fixtures';

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
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  for (const next of ['/%09/evil.example', '/%0d%0a/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/']) {
    await page.goto(`/sign-in?next=${next}`);
    expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
  }
});

test('a lesson URL, which the low-data cookie switches to the script-free page, tells caches it varies on Cookie (and keeps the RSC variants)', async ({ request }) => {
  const lesson = '/modules/foundations/what-is-telemedicine';
  const vary = async (headers: Record<string, string>) => ((await request.get(lesson, { headers })).headers()['vary'] ?? '').toLowerCase();
  for (const headers of [{}, { cookie: 'lowdata=1' }, { rsc: '1' }] as Record<string, string>[]) {
    const value = await vary(headers);
    expect(value, JSON.stringify(headers)).toContain('cookie');
    expect(value, JSON.stringify(headers)).toContain('rsc');
  }
  expect(await (await request.get(lesson, { headers: { cookie: 'lowdata=1' } })).text()).not.toContain('<script');
});

test('the session endpoint gives scripts no session id', async ({ page }) => {
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(Object.keys(session)).toEqual(['expires']);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name.endsWith('authjs.session-token'))?.httpOnly).toBe(true);
});

test('a consult step or restart naming another learner’s attempt, or a malformed one, is "not found" and changes nothing', async ({ browser }) => {
  const def = loadCase('chest-pain-lagging-video');
  const people = await Promise.all([browser.newContext(), browser.newContext()]);
  const [owner, other] = await Promise.all(people.map((c) => c.newPage()));
  await signUp(owner!, { email: uniqueEmail('consult-owner') });
  await signUp(other!, { email: uniqueEmail('consult-other') });
  for (const page of [owner!, other!]) await enterRoom(page, def);
  const ownersAttempt = await owner!.locator('input[name="attemptId"]').first().inputValue();
  const entries = await transcriptEntries(owner!).count();

  for (const forged of [ownersAttempt, 'not-an-attempt']) {
    // The other learner's own room, with every form pointed at the forged attempt.
    await other!.goto(`/consults/${def.id}/room`);
    await other!.locator('input[name="attemptId"]').evaluateAll((inputs, id) => inputs.forEach((i) => ((i as HTMLInputElement).value = id)), forged);
    await other!.getByRole('button', { name: choiceOf(def, 'open-brief').label, exact: true }).click();
    await expect(other!.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await other!.goto(`/consults/${def.id}/room`);
    await other!.locator('input[name="attemptId"]').evaluateAll((inputs, id) => inputs.forEach((i) => ((i as HTMLInputElement).value = id)), forged);
    await other!.locator('summary', { hasText: 'Leave or start over' }).click();
    await other!.getByRole('button', { name: /Start over/ }).click();
    await expect(other!.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
  // The owner's consult is where it was, still open.
  await owner!.reload();
  await expect(transcriptEntries(owner!)).toHaveCount(entries);
  expect(await owner!.locator('input[name="attemptId"]').first().inputValue()).toBe(ownersAttempt);
  await Promise.all(people.map((c) => c.close()));
});

test('a stale sign-up tab does not create a second account for someone who has signed in since', async ({ page, context }) => {
  const first = uniqueEmail('first');
  await signUp(page, { email: first });
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/sign-up');
  // In another tab of the same browser, the person signs in again.
  const other = await context.newPage();
  await signIn(other, first, 'a-long-password-1');
  await expect(other).toHaveURL(/\/home$/);
  const second = uniqueEmail('second');
  await page.getByLabel('Full name').fill('Second Account');
  await page.getByLabel('Email').fill(second);
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('.notice[role="alert"]')).toContainText('You are already signed in');
  await other.goto('/profile');
  await expect(other.getByTestId('email-status')).toContainText(first);
  // No second account exists: signing in with its address is answered as for any unknown one.
  const fresh = await context.browser()!.newContext();
  const probe = await fresh.newPage();
  await ownConnection(probe);
  await signIn(probe, second, 'a-long-password-1');
  await expect(probe.locator('.notice[role="alert"]')).toContainText('do not match an account');
  await fresh.close();
});
