import { type Page, expect } from '@playwright/test';

/**
 * Waits until the page is controlled by the site's service worker. A page whose load began while
 * the worker was still installing stays uncontrolled until it loads again (the next page a reader
 * opens is controlled); one reload stands for that.
 */
export async function controlledByServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Saves a module on this device through its "Save for offline" button. */
export async function saveModule(page: Page, slug: string) {
  await page.goto(`/modules/${slug}`);
  await controlledByServiceWorker(page);
  await page.getByRole('button', { name: 'Save for offline' }).click();
  // A module's pages, and site search with its index: on a loaded machine this takes a while.
  await expect(page.getByTestId('offline-saved')).toBeVisible({ timeout: 30_000 });
}
