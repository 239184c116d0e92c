import { type Browser, expect, test } from '@playwright/test';
import { demo, signIn, signUp, uniqueEmail } from './support/fixtures';

// The admins' audit-log viewer, and the wide tables and lesson details a 360 px phone shows.

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('an admin filters the audit log by who, action and day; anyone else is refused', async ({ browser, page }) => {
  const email = uniqueEmail('audited');
  const { context, page: newcomer } = await newPage(browser);
  await signUp(newcomer, { email, name: 'Audited Person' });
  await context.close();

  await signIn(page, demo.admin);
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.locator(`tr[data-email="${email}"]`);
  await row.getByLabel(`Role of ${email}`).selectOption('instructor');
  await row.getByRole('button', { name: 'Change' }).click();
  await expect(row.getByText('Role changed to instructor.')).toBeVisible();

  await page.goto('/admin/audit');
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel('Who').fill(demo.admin);
  await filters.getByLabel('Action').fill('user.role');
  const today = new Date().toISOString().slice(0, 10);
  await filters.getByLabel('From').fill(today);
  await filters.getByLabel('To').fill(today);
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=user\.role/);
  const entries = page.getByTestId('audit-table').locator('tbody tr');
  await expect(entries.first()).toHaveAttribute('data-action', 'user.role_changed');
  await expect(entries.first()).toContainText('"to":"instructor"');
  for (const action of await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))) expect(action).toBe('user.role_changed');

  // A day that is not a day is said, and left out of the filter.
  await page.goto('/admin/audit?from=2026-02-30');
  await expect(page.getByRole('alert').filter({ hasText: 'was not a calendar day' })).toBeVisible();

  const { context: other, page: learner } = await newPage(browser);
  await signIn(learner, demo.learner);
  await expect(learner).toHaveURL(/\/home$/, { timeout: 30_000 });
  expect((await learner.goto('/admin/audit'))?.status()).toBe(403);
  await other.close();
});

test('on a 360 px screen the users table stacks into cards, and knowledge-check options show no bullets', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, demo.admin);
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  await page.goto('/admin/users');
  const table = page.getByTestId('users-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // Nothing to scroll sideways: the page is as wide as the screen, and each row is a block.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await table.locator('tbody tr').first().evaluate((r) => getComputedStyle(r).display)).toBe('block');
  expect(await table.locator('thead').evaluate((t) => t.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
  expect(await table.locator('td[data-label="Role"]').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Role"');

  await page.goto('/modules/foundations/what-is-telemedicine');
  const options = page.locator('ul.kc-options').first();
  await expect(options).toBeVisible();
  expect(await options.evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
  await context.close();
});
