import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/fixtures';

test.use({ viewport: { width: 360, height: 740 } });

test('a learner goes from the catalogue to a lesson, answers its knowledge check, completes it and sees it on the progress page', async ({ page }) => {
  await signUp(page, { email: uniqueEmail('curriculum') });
  await page.goto('/modules');
  await page.getByRole('link', { name: 'Telemedicine foundations and the Pakistan landscape' }).click();
  await expect(page.getByRole('heading', { name: 'By the end you will be able to' })).toBeVisible();
  await page.getByRole('link', { name: 'Start the module' }).click();
  await expect(page).toHaveURL(/\/modules\/foundations\/what-is-telemedicine$/);

  const check = page.locator('form.kc').first();
  await check.getByRole('radio').nth(1).check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByText('Correct.')).toBeVisible();
  await check.getByRole('radio').nth(0).check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByText(/Not quite/)).toBeVisible();

  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.goto('/progress');
  const foundations = page.locator('[data-module="foundations"]');
  await expect(foundations.getByText('1 of 4', { exact: true })).toBeVisible();
  await expect(foundations.getByText('Telemedicine, telehealth and the four ways to connect (done)')).toBeAttached();
  await expect(page.getByTestId('minutes-done')).toHaveText('11');

  // Marking again changes nothing.
  const again = await page.request.post('/api/progress/modules/foundations', { data: { lesson: 'what-is-telemedicine' } });
  expect(await again.json()).toMatchObject({ completed: true, created: false });
  await page.reload();
  await expect(page.getByTestId('minutes-done')).toHaveText('11');

  await page.goto('/modules/foundations');
  await expect(page.getByText('Telemedicine, telehealth and the four ways to connect (done)')).toBeAttached();
  await expect(page.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/modules/foundations/consultation-frameworks');
});

test('reaching the end of a lesson marks it complete', async ({ page }) => {
  await signUp(page, { email: uniqueEmail('scroll') });
  await page.goto('/modules/consent-privacy/consent-at-a-distance');
  await expect(page.getByRole('button', { name: 'Mark lesson complete' })).toBeVisible();
  await page.locator('#lesson-end').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
});

test('a signed-out visitor reads a lesson and is told progress needs an account', async ({ page }) => {
  await page.goto('/modules/remote-examination/remote-history');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('to keep your progress')).toBeVisible();
  const response = await page.request.post('/api/progress/modules/remote-examination', { data: { lesson: 'remote-history' } });
  expect(response.status()).toBe(401);
});

test('the lesson video downloads nothing until play is pressed, then plays the real file with captions', async ({ page }) => {
  const videoRequests: string[] = [];
  page.on('request', (r) => {
    if (/counting-breaths\.(mp4|vtt)/.test(r.url())) videoRequests.push(r.url());
  });
  await page.goto('/modules/remote-examination/counting-breathing');
  await expect(page.getByText('Transcript')).toBeVisible();
  await expect(page.getByText('Then count the breaths for a full 60 seconds.').first()).toBeVisible();
  const play = page.getByRole('button', { name: /Play video: Counting a child's breathing/ });
  await play.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  expect(videoRequests).toEqual([]);

  await play.click();
  await expect.poll(() => videoRequests.some((u) => u.endsWith('.mp4'))).toBe(true);
  await expect(page.locator('video')).toBeAttached();
  await expect(page.locator('video track[kind="captions"]')).toHaveAttribute('src', '/media/counting-breaths.vtt');
});

test('an unknown lesson is a 404 and the sitemap lists every lesson', async ({ page, request }) => {
  const missing = await page.goto('/modules/foundations/no-such-lesson');
  expect(missing?.status()).toBe(404);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/modules/foundations/what-is-telemedicine</loc>');
  expect(sitemap).toContain('/modules/remote-examination/counting-breathing</loc>');
  expect(sitemap).toContain('/modules/consent-privacy</loc>');
});

test('a lesson has a proper title and description for link previews', async ({ page }) => {
  await page.goto('/modules/foundations/what-is-telemedicine');
  await expect(page).toHaveTitle(/Telemedicine, telehealth and the four ways to connect/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /WHO definition/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Telemedicine, telehealth/);
});
