import { type BrowserContext, type Page, expect, test } from '@playwright/test';
import { choiceOf, enterRoom, loadCase, play, transcriptEntries } from './support/consult';
import { signIn, signOut, signUp, uniqueEmail } from './support/fixtures';
import { controlledByServiceWorker, saveModule } from './support/offline';
import { startQuiz } from './support/quiz';

// Broken links: modules saved for offline reading, the device's queue of completions, and what
// quizzes and consults do when the connection drops.
const lessonPath = '/modules/foundations/what-is-telemedicine';

/** Saves the foundations module on this device through its "Save for offline" button. */
const saveFoundations = (page: Page) => saveModule(page, 'foundations');

test('a saved module reads offline; a lesson completed offline reaches the server exactly once when the link returns', async ({ page, context }) => {
  await signUp(page, { email: uniqueEmail('offline') });
  await saveFoundations(page);

  await context.setOffline(true);
  await page.goto(lessonPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telemedicine, telehealth and the four ways to connect');
  await expect(page.getByTestId('connection-status')).toContainText('You are offline');
  const check = page.locator('form.kc').first();
  await check.getByRole('radio').nth(1).check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByText('Correct.')).toBeVisible();
  // Scrolling to the check may already have reached the end of the lesson, which marks it too.
  await page.getByRole('button', { name: 'Mark lesson complete' }).click({ timeout: 3000 }).catch(() => undefined);
  await expect(page.getByTestId('lesson-queued')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toContainText('1 lesson completion is waiting to sync');
  // Another saved lesson opens too; one never saved gets the offline page.
  await page.goto('/modules/foundations/pakistan-landscape');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/modules/law-ethics');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();

  await page.goto(lessonPath);
  await expect(page.getByTestId('connection-status')).toContainText('waiting to sync');
  await context.setOffline(false);
  await expect(page.getByTestId('connection-status')).toContainText('Back online: 1 lesson completion sent');
  const progress = await (await page.request.get('/api/progress/modules/foundations')).json();
  expect(progress.completed.filter((l: string) => l === 'what-is-telemedicine')).toHaveLength(1);

  // A retried sync (the same idempotency key) replays the first answer and adds nothing.
  const key = `retry-${Date.now()}-abcdefgh`;
  const send = () => page.request.post('/api/progress/modules/foundations', { data: { lesson: 'pakistan-landscape' }, headers: { 'idempotency-key': key } });
  const first = await send();
  expect(await first.json()).toMatchObject({ created: true });
  const retry = await send();
  expect(retry.headers()['idempotent-replayed']).toBe('true');
  expect(await retry.json()).toMatchObject({ created: true });
  const after = await (await page.request.get('/api/progress/modules/foundations')).json();
  expect(after.completed.filter((l: string) => l === 'pakistan-landscape')).toHaveLength(1);

  // On a shared phone, a completion queued under another account is not credited to whoever is signed in now.
  const someoneElse = await page.request.post('/api/progress/modules/foundations', {
    data: { lesson: 'benefits-and-limits' },
    headers: { 'idempotency-key': `${key}-other`, 'x-queued-for': '00000000-0000-4000-8000-000000000000' },
  });
  expect(someoneElse.status()).toBe(403);
  expect(await someoneElse.json()).toMatchObject({ code: 'other-account' });
  expect((await (await page.request.get('/api/progress/modules/foundations')).json()).completed).not.toContain('benefits-and-limits');
});

test('offline, the site opens on what is saved on the device, and each saved lesson opens from there', async ({ page, context }) => {
  await signUp(page, { email: uniqueEmail('offline-home') });
  await saveFoundations(page);

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
  const saved = page.getByTestId('saved-on-device');
  await expect(saved.getByRole('link', { name: 'Telemedicine foundations and the Pakistan landscape', exact: true })).toBeVisible();
  await expect(saved.getByRole('link')).toHaveCount(5); // the module and its four lessons
  await saved.getByRole('link', { name: 'Telemedicine, telehealth and the four ways to connect', exact: true }).click();
  await expect(page).toHaveURL(lessonPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telemedicine, telehealth and the four ways to connect');
});

test('saving and removing a module keeps on the device only the files its saved pages need', async ({ page }) => {
  await signUp(page, { email: uniqueEmail('storage') });
  await page.goto('/modules/foundations');
  await controlledByServiceWorker(page);
  // A file of an earlier release, left in the asset cache by pages browsed before.
  const earlier = '/_next/static/chunks/earlier-release.js';
  await page.evaluate(async (url) => (await caches.open('assets-v1')).put(url, new Response('// old')), earlier);
  // The build files the worker keeps, and those that neither a saved page (nor the offline page)
  // names nor one of the scripts they name loads on demand (the breath-count trainer, say).
  const kept = () =>
    page.evaluate(async () => {
      const assetCache = await caches.open('assets-v1');
      const assets = (await assetCache.keys()).map((r) => new URL(r.url).pathname);
      const documents = async (name: string) => {
        const cache = await caches.open(name);
        const texts = await Promise.all((await cache.keys()).map(async (r) => ((await cache.match(r))?.headers.get('content-type')?.includes('text/html') ? (await cache.match(r))!.text() : '')));
        return texts.join('\n');
      };
      const onDemand = async (html: string) => {
        const named = assets.filter((a) => a.endsWith('.js') && html.includes(a));
        const scripts = await Promise.all(named.map(async (a) => (await assetCache.match(a))?.text() ?? ''));
        return scripts.join('\n');
      };
      const shell = await documents('shell-v1');
      const saved = await documents('saved-pages-v1');
      const shellNeeds = shell + (await onDemand(shell));
      const savedNeeds = saved + (await onDemand(saved));
      const named = (text: string, a: string) => text.includes(a) || text.includes(`"${a.replace('/_next/', '')}"`);
      return { assets, unneeded: assets.filter((a) => !named(savedNeeds, a) && !named(shellNeeds, a)), beyondShell: assets.filter((a) => !named(shellNeeds, a)) };
    });

  await page.getByRole('button', { name: 'Save for offline' }).click();
  // A module's pages, and site search with its index: on a loaded machine this takes a while.
  await expect(page.getByTestId('offline-saved')).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await kept()).assets).not.toContain(earlier);
  const afterSave = await kept();
  expect(afterSave.unneeded).toEqual([]);
  expect(afterSave.beyondShell.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Remove from this device' }).click();
  await expect(page.getByRole('button', { name: 'Save for offline' })).toBeVisible();
  await expect.poll(async () => (await kept()).beyondShell).toEqual([]);
});

/** Completes a lesson of the saved foundations module offline: it waits in the device's queue. */
async function completeOffline(page: Page, context: BrowserContext, lesson: string) {
  await context.setOffline(true);
  await page.goto(`/modules/foundations/${lesson}`);
  await page.getByRole('button', { name: 'Mark lesson complete' }).click({ timeout: 3000 }).catch(() => undefined);
  await expect(page.getByTestId('lesson-queued')).toBeVisible();
}

async function completedIn(page: Page, module: string): Promise<string[]> {
  return (await (await page.request.get(`/api/progress/modules/${module}`)).json()).completed;
}

test('on a shared phone, a completion queued offline waits for its own learner: never credited to another, sent when they sign in, or discarded', async ({ page, context }) => {
  test.slow(); // three accounts take turns on one device
  const owner = uniqueEmail('phone-owner');
  await signUp(page, { email: owner, password: 'owner-password-1' });
  await saveFoundations(page);
  await completeOffline(page, context, 'benefits-and-limits');
  // The session ends while the phone is offline (it expired, or the browser's data was cleared).
  await context.clearCookies();
  await context.setOffline(false);
  await page.goto('/modules');
  await expect(page.getByTestId('queue-signed-out')).toContainText('1 lesson completion saved on this device waits for you to sign in');

  // A relative signs in on the same phone: the completion is not theirs, and says so.
  await signUp(page, { email: uniqueEmail('relative') });
  await expect(page.getByTestId('queue-other-account')).toContainText('1 lesson completion saved offline on this device belongs to another account');
  expect(await completedIn(page, 'foundations')).not.toContain('benefits-and-limits');

  // The owner signs in again: it is sent, once.
  await signOut(page);
  await signIn(page, owner, 'owner-password-1', '/modules/foundations');
  await expect(page.getByTestId('connection-status')).toContainText('Back online: 1 lesson completion sent');
  await expect(page.getByTestId('queue-other-account')).toHaveCount(0);
  expect((await completedIn(page, 'foundations')).filter((l) => l === 'benefits-and-limits')).toHaveLength(1);

  // Another completion left behind under the owner's name: the next person may discard it, and it is gone.
  // A module's pages, and site search with its index: on a loaded machine this takes a while.
  await expect(page.getByTestId('offline-saved')).toBeVisible({ timeout: 30_000 });
  await completeOffline(page, context, 'pakistan-landscape');
  await context.clearCookies();
  await context.setOffline(false);
  await signUp(page, { email: uniqueEmail('next-user') });
  const notice = page.getByTestId('queue-other-account');
  // It takes a second press; "Keep it" changes nothing.
  await notice.getByRole('button', { name: 'Discard it…' }).click();
  await expect(notice.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notice).toContainText('belongs to another account');
  await notice.getByRole('button', { name: 'Discard it…' }).click();
  await expect(notice).toContainText('That learner will have to mark the lesson complete again');
  await notice.getByRole('button', { name: 'Yes, discard' }).click();
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
  await signOut(page);
  await signIn(page, owner, 'owner-password-1', '/modules/foundations');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await completedIn(page, 'foundations')).not.toContain('pakistan-landscape');
});

test('a quiz answered offline keeps its answer and saves it when the link returns; moving on offline says it needs a connection', async ({ page, context }) => {
  await signUp(page, { email: uniqueEmail('quiz-offline') });
  const attempt = await startQuiz(page, 'foundations');

  await context.setOffline(true);
  const choice = page.locator('[data-question-id] input').first();
  await choice.check();
  await expect(page.getByTestId('save-status')).toContainText('You are offline');
  await context.setOffline(false);
  await expect(page.getByTestId('save-status')).toHaveText('✓ Answers saved');
  await page.goto(attempt);
  await expect(page.locator('[data-question-id] input').first()).toBeChecked();

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('connection-error')).toContainText('your attempt is kept on the server');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.goto(attempt);
  await expect(page.locator('[data-question-id] input').first()).toBeChecked();
});

test('a virtual consult step taken offline says consults need a connection, keeps the attempt, and is taken once when the link returns', async ({ page, context }) => {
  const def = loadCase('chest-pain-lagging-video');
  await signUp(page, { email: uniqueEmail('consult-offline') });
  await enterRoom(page, def);
  await play(page, def, ['open-brief']);
  const transcript = await page.getByTestId('transcript').innerText();

  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toContainText('Quizzes and virtual consults need a connection');
  await page.getByRole('button', { name: choiceOf(def, 'capture-location').label, exact: true }).click();
  await expect(page.getByTestId('connection-error')).toContainText('your attempt is kept on the server');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(transcriptEntries(page)).toHaveCount(1);
  expect(await page.getByTestId('transcript').innerText()).toBe(transcript);
  await play(page, def, ['capture-location']);
  await page.reload();
  await expect(transcriptEntries(page)).toHaveCount(2);
});
