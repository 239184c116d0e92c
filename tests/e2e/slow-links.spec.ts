import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/fixtures';

// Slow links: lessons that read after one round trip without moving, and low-data mode.
const lessonPath = '/modules/foundations/what-is-telemedicine';

test('low-data mode, remembered on the device, serves lessons as script-free pages under 30 kB that still record progress', async ({ page }) => {
  await signUp(page, { email: uniqueEmail('lowdata') });
  await page.goto('/settings/data');
  await expect(page.getByTestId('lowdata-state')).toHaveText('off');
  await page.getByRole('button', { name: 'Turn low-data mode on' }).click();
  await expect(page.getByTestId('lowdata-state')).toHaveText('on');

  const response = await page.goto(lessonPath);
  const html = await response!.text();
  expect(html).not.toContain('<script');
  expect(html).not.toMatch(/<link[^>]+stylesheet/);
  expect(gzipSync(html).length).toBeLessThanOrEqual(30 * 1024);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telemedicine, telehealth and the four ways to connect');
  // A knowledge check reveals its answer without a script.
  const reveal = page.locator('details').first();
  await reveal.locator('summary').click();
  await expect(reveal).toHaveAttribute('open', '');
  // Completing posts a plain form and the module page shows it.
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page).toHaveURL(/\/modules\/foundations$/);
  await expect(page.getByText('Telemedicine, telehealth and the four ways to connect (done)')).toBeAttached();
  await expect(page.getByTestId('save-offline')).toContainText(/Low-data pages for this module: \d+ kB/);

  await page.goto('/settings/data');
  await page.getByRole('button', { name: 'Turn low-data mode off' }).click();
  await expect(page.getByTestId('lowdata-state')).toHaveText('off');
  expect(await (await page.goto(lessonPath))!.text()).toContain('<script');
});
test('on a slow link a lesson\'s text comes in the first response, and nothing moves as the rest loads', async ({ page, context }) => {
  await signUp(page, { email: uniqueEmail('slow-link') });
  // Every layout shift not caused by the reader, from the first paint on, with what moved.
  await page.addInitScript(() => {
    type Entry = { value: number; hadRecentInput: boolean; sources?: { node?: Element }[] };
    const w = window as unknown as { shifts: { value: number; moved: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Entry[]) {
        const moved = (e.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} "${(s.node?.textContent ?? '').slice(0, 40)}"`);
        if (!e.hadRecentInput) w.shifts.push({ value: e.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const shifts = () => page.evaluate(() => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // 400 ms each way and 50 kB/s: scripts, the video's poster and the learner's progress arrive well after the text.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });

  const response = await page.goto('/modules/remote-examination/counting-breathing');
  expect(await response!.text()).toContain('Then count the breaths for a full 60 seconds.');
  await page.waitForLoadState('networkidle');
  // Hydrated and talking to the server: the completion control shows this learner's state.
  await expect(page.getByRole('button', { name: 'Mark lesson complete' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Play video/ })).toBeVisible();
  // Nothing a reader would see move: the cumulative shift stays far below 0.1, the "good" line of
  // Core Web Vitals (in practice it is 0; a sub-pixel nudge now and then is not a jump).
  const seen = await shifts();
  expect(seen.reduce((sum, s) => sum + s.value, 0), JSON.stringify(seen)).toBeLessThan(0.01);

  // The measure itself works: content pushed in above the text is a shift it records.
  await page.evaluate(() => {
    const block = document.createElement('div');
    block.style.height = '200px';
    document.querySelector('main')!.prepend(block);
  });
  await expect.poll(async () => (await shifts()).reduce((sum, s) => sum + s.value, 0)).toBeGreaterThan(0.01);
});
