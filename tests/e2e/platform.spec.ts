import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { demo, signIn } from './support/fixtures';

test('every response carries the security headers', async ({ request }) => {
  for (const path of ['/', '/sign-in', '/api/health']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("connect-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['x-powered-by']).toBeUndefined();
  }
});

test('the health endpoint reports the database as reachable', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'reachable' });
});

test('home, sign-in and profile have no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expectNoSeriousViolations(page);
  await page.goto('/sign-in');
  await expectNoSeriousViolations(page);
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/);
  await expectNoSeriousViolations(page);
});

test('the catalogue, a module, a lesson with video, a quiz page and the certificates page have no serious or critical accessibility violations', async ({ page }) => {
  for (const path of ['/modules', '/modules/remote-examination', '/modules/remote-examination/counting-breathing', '/consults']) {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  }
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/);
  for (const path of ['/quizzes/foundations', '/certificates', '/progress']) {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  }
});

test('the site is usable at 360 px wide without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const path of ['/', '/sign-in', '/sign-up']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});
