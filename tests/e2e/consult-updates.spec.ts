// Issue 20: a consult step answers the page's script with what changed (the new node, the transcript
// from its step on, the choices), and the page draws it; the no-script path is in consults.spec.ts.
import { expect, test } from '@playwright/test';
import { choiceOf, enterRoom, loadCase, play, transcriptEntries } from './support/consult';
import { signUp, uniqueEmail } from './support/fixtures';

test.use({ viewport: { width: 360, height: 740 } });

const C4 = 'chest-pain-lagging-video';
const password = 'a-long-password-1';

test('a choice is answered with what changed, not a render of the whole room, and the room drawn from it is the one a reload shows', async ({ page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-update'), password });
  await enterRoom(page, def);
  await play(page, def, ['open-brief']);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/consults/${def.id}/room`));
  await page.getByRole('button', { name: choiceOf(def, 'capture-location').label, exact: true }).click();
  const response = await answer;
  // Next.js renders a page into an action's answer only after a redirect or a revalidation: neither here.
  // (The body itself is not read: Chromium may drop a streamed answer's body once the page has used it.)
  expect(response.headers()['x-action-redirect']).toBeUndefined();
  expect(response.headers()['x-action-revalidated']).toBeUndefined();
  await expect(transcriptEntries(page)).toHaveCount(2);
  const drawn = { transcript: await page.getByTestId('transcript').innerText(), now: await page.getByTestId('current-lines').innerText(), clock: await page.getByTestId('clock').innerText() };
  await page.reload();
  expect({ transcript: await page.getByTestId('transcript').innerText(), now: await page.getByTestId('current-lines').innerText(), clock: await page.getByTestId('clock').innerText() }).toEqual(drawn);
});

test('a choice pressed in a tab left behind changes nothing, and that tab catches up with the consult', async ({ page, context }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-stale'), password });
  await enterRoom(page, def);
  await play(page, def, ['open-brief']);
  const other = await context.newPage();
  await other.goto(page.url());
  await play(other, def, ['capture-location', 'switch-to-gsm']);
  // The first tab still offers step 1's choices: pressing one is refused and the tab shows step 3.
  await page.getByRole('button', { name: choiceOf(def, 'capture-location').label, exact: true }).click();
  await expect(transcriptEntries(page)).toHaveCount(3);
  await other.reload();
  await expect(transcriptEntries(other)).toHaveCount(3);
  expect(await page.getByTestId('transcript').innerText()).toBe(await other.getByTestId('transcript').innerText());
  expect(await page.getByTestId('current-lines').innerText()).toBe(await other.getByTestId('current-lines').innerText());
});
