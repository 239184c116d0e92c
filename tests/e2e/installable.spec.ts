import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/fixtures';

// The installable app: manifest, icons, favicon; low-data mode offered on Save-Data or 2G; the whole programme saved offline.
const lessonPath = '/modules/foundations/what-is-telemedicine';

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(body: Buffer): [number, number] {
  expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [body.readUInt32BE(16), body.readUInt32BE(20)];
}

test('the web-app manifest is served, valid, and its icons exist at the sizes it names; Chromium finds the app installable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ short_name: 'TeleHealth Ready', start_url: '/', display: 'standalone', theme_color: '#0f5f68' });
  const purposes = new Set<string>();
  for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    const [w, h] = pngSize(await file.body());
    expect(`${w}x${h}`).toBe(icon.sizes);
    purposes.add(`${icon.purpose}:${icon.sizes}`);
  }
  expect([...purposes].sort()).toEqual(['any:192x192', 'any:512x512', 'maskable:512x512']);
  expect((await request.get('/favicon.ico')).status()).toBe(200);
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
  expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);

  // What Chromium itself says before offering "Install" / "Add to home screen". A Playwright context is
  // an off-the-record profile, which Chromium never installs from: that one reason is expected.
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('a browser that asks to save data is offered low-data mode once: "No thanks" is remembered, one tap turns it on', async ({ browser }) => {
  const saveData = () => Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: true, effectiveType: '4g' } });
  const context = await browser.newContext({ extraHTTPHeaders: { 'Save-Data': 'on' } });
  await context.addInitScript(saveData);
  const page = await context.newPage();
  await page.goto(lessonPath);
  const offer = page.getByTestId('lowdata-offer');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'No thanks' }).click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(offer).toHaveCount(0);
  // Never forced: the lesson is still the full page.
  expect(await page.evaluate(() => document.scripts.length)).toBeGreaterThan(0);
  await context.close();

  // A 2G link, on another device: one tap, and the lesson reloads as its low-data page.
  const slow = await browser.newContext();
  await slow.addInitScript(() => Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: false, effectiveType: '2g' } }));
  const phone = await slow.newPage();
  await phone.goto(lessonPath);
  await phone.getByTestId('lowdata-offer').getByRole('button', { name: 'Turn on low-data mode' }).click();
  await expect.poll(() => phone.evaluate(() => document.scripts.length)).toBe(0);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Telemedicine, telehealth and the four ways to connect');
  await phone.goto('/settings/data');
  await expect(phone.getByTestId('lowdata-state')).toHaveText('on');
  await slow.close();
});

test('beside a module’s own saving, the whole programme can be saved for offline, its size shown first', async ({ page }) => {
  await signUp(page, { email: uniqueEmail('programme-offline') });
  await page.goto('/modules/foundations');
  const whole = page.getByTestId('save-programme-offline').first();
  await expect(whole.getByTestId('save-programme-offline-size')).toHaveText(/^\d+(\.\d+)? kB$/);
  await whole.getByRole('button', { name: 'Save the whole programme for offline' }).click();
  await expect(page.getByTestId('programme-offline-saved').first()).toBeVisible({ timeout: 60_000 });
  // A lesson of another module of the programme now opens offline.
  await page.context().setOffline(true);
  await page.goto('/modules/law-ethics');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/offline/i);
  await page.context().setOffline(false);
});
