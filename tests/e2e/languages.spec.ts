// The interface in English and Urdu (README "Languages"): lang and dir on every main page in both
// locales with an accessibility scan, the language switch (with and without scripts) remembered on
// the device and on the account across sign-in, what the opt-in Nastaliq font costs in Urdu, and
// (last: it signs off the whole interface) the footer's review notice following the review record.
import { type Browser, type Page, type Response, expect, test } from '@playwright/test';
import { budgets, nastaliqFiles } from '@/lib/budgets/check';
import { expectNoSeriousViolations } from './support/a11y';
import { readFileSync } from 'node:fs';
import { namespaceId } from '@/lib/content/translation-items';
import { ownConnection, promote, signUp, uniqueEmail } from './support/fixtures';

const password = 'a-long-password-1';
const lesson = '/modules/foundations/what-is-telemedicine';
const urdu: { site: { draftNotice: string; reviewedNotice: string } } & Record<string, unknown> = JSON.parse(readFileSync('messages/ur.json', 'utf8'));
const mainPages = ['/', '/modules', lesson, '/quizzes', '/consults', '/sign-in', '/sign-up', '/settings/data'];

async function expectDocument(page: Page, lang: 'en' | 'ur') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
}

/** Signs in through the form in whichever language it is shown (its fields are found by name, not label). */
async function signInAnyLanguage(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').last().click();
}

/** A new account, created in its own browser context, which is then closed (the person is not signed in anywhere). */
async function newAccount(browser: Browser): Promise<string> {
  const email = uniqueEmail('languages');
  const context = await browser.newContext();
  await signUp(await context.newPage(), { email, password });
  await context.close();
  return email;
}

test('every main page says its language and direction, in English and in Urdu, and passes an accessibility scan', async ({ page }) => {
  for (const path of mainPages) {
    await page.goto(path);
    await expectDocument(page, 'en');
    await expectNoSeriousViolations(page);
    await page.goto(path === '/' ? '/ur' : `/ur${path}`);
    await expectDocument(page, 'ur');
    await expectNoSeriousViolations(page);
  }
  // The Urdu interface says it is a machine draft awaiting review (no namespace is signed off yet); lesson
  // bodies say they are in English, and are marked so.
  await expect(page.getByTestId('translation-review-notice')).toHaveText(urdu.site.draftNotice);
  await expect(page.getByTestId('translation-review-notice')).toHaveAttribute('data-reviewed', 'false');
  await page.goto(`/ur${lesson}`);
  await expect(page.getByTestId('english-content-notice')).toHaveText('یہ سبق انگریزی میں ہے۔');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
  await page.goto(lesson);
  await expect(page.getByTestId('english-content-notice')).toHaveCount(0);
  await expect(page.getByTestId('translation-review-notice')).toHaveCount(0);
});

test('English addresses are served as they are, /en/... redirects to them, and an unknown address is a 404 in either language', async ({ request }) => {
  const english = await request.get('/modules', { maxRedirects: 0 });
  expect(english.status()).toBe(200);
  const prefixed = await request.get('/en/modules', { maxRedirects: 0 });
  expect(prefixed.status()).toBe(307);
  expect(prefixed.headers().location).toMatch(/\/modules$/);
  expect((await request.get('/no-such-page')).status()).toBe(404);
  expect((await request.get('/ur/no-such-page')).status()).toBe(404);
});

test('the switch works without scripts, opens the same page in the other language, and the device remembers it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await ownConnection(page);
  await page.goto('/modules');
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/ur\/modules$/);
  await expectDocument(page, 'ur');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ماڈیول');
  // An English address opened later on this device opens in Urdu.
  await page.goto('/consults');
  await expect(page).toHaveURL(/\/ur\/consults$/);
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/consults$/);
  await expectDocument(page, 'en');
  await page.goto('/modules');
  await expect(page).toHaveURL(/\/modules$/);
  await context.close();
});

test('chosen signed out, Urdu stays through signing in', async ({ browser }) => {
  const email = await newAccount(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await ownConnection(page);
  await page.goto('/');
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/ur$/);
  await signInAnyLanguage(page, email);
  await expect(page).toHaveURL(/\/ur\/home$/, { timeout: 30_000 });
  await expectDocument(page, 'ur');
  await context.close();
});

test('chosen while signed in, the account remembers it: signing in on a new device lands in Urdu, and back in English after switching back', async ({ browser }) => {
  const email = uniqueEmail('languages');
  const first = await browser.newContext();
  const page = await first.newPage();
  await signUp(page, { email, password });
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/ur\/welcome$/);
  await expectDocument(page, 'ur');
  // The signed-in pages in Urdu: the welcome, the home and the certificates, scanned too.
  await expectNoSeriousViolations(page);
  for (const path of ['/ur/home', '/ur/certificates']) {
    await page.goto(path);
    await expectDocument(page, 'ur');
    await expectNoSeriousViolations(page);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('سرٹیفکیٹ');

  // A new device that has never chosen a language.
  const second = await browser.newContext();
  const elsewhere = await second.newPage();
  await ownConnection(elsewhere);
  await signInAnyLanguage(elsewhere, email);
  await expect(elsewhere).toHaveURL(/\/ur\/home$/, { timeout: 30_000 });
  await expectDocument(elsewhere, 'ur');
  // Back to English there: the account follows.
  await elsewhere.getByTestId('language-switch').click();
  await expect(elsewhere).toHaveURL(/\/home$/);
  await expectDocument(elsewhere, 'en');

  const third = await browser.newContext();
  const another = await third.newPage();
  await ownConnection(another);
  await signInAnyLanguage(another, email);
  await expect(another).toHaveURL(/\/home$/, { timeout: 30_000 });
  await expect(another).not.toHaveURL(/\/ur\//);
  await expectDocument(another, 'en');
  for (const c of [first, second, third]) await c.close();
});

/** Every font file and font stylesheet the page fetches, and their bytes. */
function watchFonts(page: Page): { urls: string[]; bytes: () => Promise<number> } {
  const responses: Response[] = [];
  page.on('response', (r) => {
    if (/\/fonts\//.test(new URL(r.url()).pathname)) responses.push(r);
  });
  return {
    get urls() {
      return responses.map((r) => new URL(r.url()).pathname);
    },
    bytes: async () => (await Promise.all(responses.map(async (r) => (await r.body()).length))).reduce((a, b) => a + b, 0),
  };
}

test('Urdu uses the system font by default; the Nastaliq font loads only when chosen, only on Urdu pages, within its byte budget, and never in low-data mode', async ({ page }) => {
  await ownConnection(page);
  const fonts = watchFonts(page);
  await page.goto(`/ur${lesson}`);
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.urls).toEqual([]);

  await page.goto('/ur/settings/data');
  await page.getByRole('button', { name: 'نستعلیق فونٹ استعمال کریں' }).click();
  await expect(page.getByTestId('urdu-font-state')).toHaveText('نستعلیق');
  await page.goto(`/ur${lesson}`);
  await expect(page.locator('html')).toHaveClass(/nastaliq/);
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'اردو'))).toBe(true);
  await expect.poll(() => fonts.urls.sort()).toEqual(nastaliqFiles.map((f) => `/${f}`).sort());
  const bytes = await fonts.bytes();
  expect(bytes).toBeGreaterThan(100 * 1024);
  expect(bytes).toBeLessThanOrEqual(budgets.nastaliqFont);

  // An English page of the same device asks for no font at all.
  const english = watchFonts(page);
  await page.goto(lesson);
  await page.evaluate(() => document.fonts.ready);
  expect(english.urls).toEqual([]);

  // Low-data mode wins over the font (a non-lesson page, which is not swapped for the script-free one).
  await page.goto('/settings/data');
  await page.getByRole('button', { name: 'Turn low-data mode on' }).click();
  const lowData = watchFonts(page);
  await page.goto('/ur/modules');
  await page.evaluate(() => document.fonts.ready);
  await expect(page.locator('html')).not.toHaveClass(/nastaliq/);
  expect(lowData.urls).toEqual([]);
});

// Last in this file (and the only spec that reads the footer's notice): it signs off the whole interface.
test('a native speaker signs off every namespace of the Urdu interface; only then does the footer say it is reviewed', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  const email = uniqueEmail('interface-reviewer');
  await signUp(reviewer, { email, name: 'Ms Sadia Native', password });
  await promote(browser, email, 'reviewer');
  const ids = Object.keys(urdu).map(namespaceId);
  const answer = async () => (await page.request.get('/api/review/translations')).json();
  for (const [n, id] of ids.entries()) {
    await reviewer.goto(`/admin/content/urdu-interface/${id}`);
    await reviewer.getByLabel(/I speak Urdu as a native speaker/).check();
    await reviewer.getByRole('button', { name: 'Sign off this version' }).click();
    await expect(reviewer.getByTestId('item-state')).toHaveText(/^Signed off by Ms Sadia Native on /);
    if (n === ids.length - 2) {
      // All but one: the interface is still a draft, and the footer says so.
      await expect.poll(answer, { timeout: 30_000 }).toEqual({ interface: { reviewed: false, awaiting: [ids.at(-1)] } });
      await page.goto('/ur/modules');
      await expect(page.getByTestId('translation-review-notice')).toHaveAttribute('data-reviewed', 'false');
      await expect(page.getByTestId('translation-review-notice')).toHaveText(urdu.site.draftNotice);
    }
  }
  await context.close();
  await expect.poll(answer, { timeout: 30_000 }).toEqual({ interface: { reviewed: true, awaiting: [] } });
  // A new device (this one's browser may keep the earlier answer its minute).
  const fresh = await browser.newContext();
  const learner = await fresh.newPage();
  await ownConnection(learner);
  await learner.goto('/ur/modules');
  await expect(learner.getByTestId('translation-review-notice')).toHaveAttribute('data-reviewed', 'true');
  await expect(learner.getByTestId('translation-review-notice')).toHaveText(urdu.site.reviewedNotice);
  await expectNoSeriousViolations(learner);
  await fresh.close();
  // Without script the page keeps its static text: it never claims a review it cannot check.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await ownConnection(plain);
  await plain.goto('/ur/modules');
  await expect(plain.getByTestId('translation-review-notice')).toHaveText(urdu.site.draftNotice);
  await noScript.close();
});
