import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { signIn, signUp, uniqueEmail } from './support/fixtures';

// A learner's data in their hands (issue 22): the export holds their rows and nobody else's, and a
// deletion signs them out everywhere and can be taken back by signing in within the grace period.
// The erasure itself, after the grace period, is checked table by table on PGlite and PostgreSQL in
// tests/integration/privacy.test.ts: a browser test cannot move the server's clock 14 days on.

test('a learner downloads their data: their account and progress, none of another learner’s', async ({ page, browser }) => {
  const other = await browser.newPage();
  const otherEmail = uniqueEmail('privacy-other');
  await signUp(other, { email: otherEmail, name: 'Other Person' });
  expect((await other.request.post('/api/progress/modules/foundations', { data: { lesson: 'benefits-and-limits' } })).ok()).toBe(true);
  await other.close();

  const email = uniqueEmail('privacy-export');
  await signUp(page, { email, name: 'Export Person' });
  expect((await page.request.post('/api/progress/modules/foundations', { data: { lesson: 'what-is-telemedicine' } })).ok()).toBe(true);
  await page.goto('/profile');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-data').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(Object.keys(files)).toContain('index.html');
  const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
  expect(everything).toContain(email);
  expect(everything).toContain('Export Person');
  expect(everything).toContain('what-is-telemedicine');
  expect(everything).not.toContain(otherEmail);
  expect(everything).not.toContain('Other Person');
  expect(everything).not.toContain('benefits-and-limits');
});

test('deleting the account needs its own address, signs out at once, and signing in within the grace period cancels it', async ({ page }) => {
  const email = uniqueEmail('privacy-delete');
  await signUp(page, { email, password: 'delete-me-password-1' });
  await page.goto('/profile');
  await page.locator('summary', { hasText: 'Delete my account' }).click();
  const confirm = page.getByLabel(`Type ${email} to confirm`);
  await confirm.fill(uniqueEmail('not-mine'));
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText('Type the address shown above, exactly.')).toBeVisible();

  await confirm.fill(email);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account will be deleted', { timeout: 30_000 });
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, 'delete-me-password-1');
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  await page.goto('/profile');
  await expect(page.getByTestId('deletion-cancelled')).toContainText('the deletion is cancelled');
});
