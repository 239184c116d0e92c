import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/fixtures';
import { saveModule } from './support/offline';

// Site search (an index built with the build, loaded on first use) and the filters of the module
// and case lists (plain GET forms).

test('search finds a lesson by its text, filters by kind, and loads its index only when used', async ({ page }) => {
  const indexRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/search-index/')) indexRequests.push(r.url());
  });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
  expect(indexRequests).toEqual([]);

  const box = page.getByRole('searchbox', { name: 'Search for' });
  await box.fill('store-and-forward');
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('link').first()).toBeVisible();
  expect(indexRequests).toHaveLength(1);
  const index = await page.request.get(new URL(indexRequests[0]!).pathname);
  expect(index.status()).toBe(200);
  expect(index.headers()['cache-control']).toContain('immutable');
  await expect(page).toHaveURL(/\?q=store-and-forward/);

  await page.getByRole('combobox', { name: 'Show' }).selectOption('case');
  await expect(page.getByTestId('search-status')).toContainText('result');
  for (const href of await results.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/consults\//);

  // A phrase from a lesson's body, typed with a typo, opens that lesson.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('lesson');
  await box.fill('lady health workr photos rash');
  await results.getByRole('link', { name: 'Telemedicine, telehealth and the four ways to connect' }).click();
  await expect(page).toHaveURL('/modules/foundations/what-is-telemedicine');

  // Nothing found says so.
  await page.goto('/search?q=zzqqxxyy');
  await expect(page.getByTestId('search-status')).toHaveText('0 results');
});

test('the case library filters by clinical area, modality, domain and time, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/consults');
  await expect(page.getByTestId('filter-count')).toHaveText('8 cases.');
  await page.getByRole('combobox', { name: 'Clinical area' }).selectOption('maternal-health');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/area=maternal-health/);
  await expect(page.getByTestId('filter-count')).toHaveText('Showing 1 of 8 cases.');
  await expect(page.locator('[data-case]')).toHaveCount(1);
  await expect(page.locator('[data-case="pregnancy-headache-audio"]')).toBeVisible();

  await page.goto('/consults?modality=sms');
  await expect(page.locator('[data-case]')).toHaveCount(2);
  await page.goto('/consults?minutes=20');
  await expect(page.locator('[data-case]')).toHaveCount(1);
  // A value that is not a choice is set aside, and the page says so.
  await page.goto('/consults?modality=fax');
  await expect(page.locator('[data-case]')).toHaveCount(8);
  await expect(page.getByTestId('filter-count')).toContainText('set aside: modality');
  await expect(page.getByRole('link', { name: 'Clear' })).toHaveCount(0);

  await page.goto('/modules?domain=D6');
  const shown = await page.locator('main ol > li').count();
  expect(shown).toBeGreaterThan(0);
  await expect(page.getByTestId('filter-count')).toContainText(`Showing ${shown} of 12 modules.`);
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page.locator('main ol > li')).toHaveCount(12);
  await context.close();
});

test('offline, search still works for saved modules and says which results need a connection', async ({ page, context }) => {
  await signUp(page, { email: uniqueEmail('search-offline') });
  await saveModule(page, 'foundations');

  await context.setOffline(true);
  await page.goto('/search?q=telemedicine');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
  const results = page.getByTestId('search-results');
  const saved = results.locator('li', { hasText: 'saved on this device' });
  const unsaved = results.locator('li', { hasText: 'needs a connection' });
  await expect(saved.first()).toBeVisible();
  await expect(unsaved.first()).toBeVisible();
  await saved.filter({ hasText: 'Telemedicine, telehealth and the four ways to connect' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telemedicine, telehealth and the four ways to connect');
});
