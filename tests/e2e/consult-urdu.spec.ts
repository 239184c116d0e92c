// The patient's words in Urdu: a learner chooses Urdu in the consult room and reads the patient's
// lines right to left, marked as a draft until a native speaker signs them off; the choice is kept
// on the device. A screenshot pins how a line mixing Urdu and English (a drug name) is drawn.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { enterRoom, loadCase, play } from './support/consult';
import { promote, signUp, uniqueEmail } from './support/fixtures';

const C4 = 'chest-pain-lagging-video';
const password = 'a-long-password-1';

test.use({ viewport: { width: 360, height: 740 } });

test('a learner plays a case with the patient lines shown in Urdu, marked as a draft awaiting a native speaker', async ({ page }) => {
  const def = loadCase(C4);
  const opening = def.nodes[def.start]!.say[0]!;
  await signUp(page, { email: uniqueEmail('consult-urdu'), password });
  await enterRoom(page, def);
  // English first: the curriculum's language.
  await expect(page.getByTestId('current-lines').getByText(opening.text, { exact: true })).toBeVisible();
  await expect(page.getByTestId('line-urdu')).toHaveCount(0);
  await expect(page.getByTestId('urdu-review')).toHaveText('Urdu: draft awaiting review by a native speaker');
  await expect(page.getByTestId('urdu-review')).toHaveAttribute('data-reviewed', 'false');

  await page.getByRole('radio', { name: 'Urdu', exact: true }).check();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const urdu = page.getByTestId('current-lines').getByTestId('line-urdu').first();
  await expect(urdu).toHaveText(opening.ur!.script);
  await expect(urdu).toHaveAttribute('lang', 'ur');
  await expect(urdu).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('current-lines').getByTestId('line-roman').first()).toHaveAttribute('lang', 'ur-Latn');
  await expect(page.getByTestId('current-lines').getByText(opening.text, { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('urdu-review')).toHaveText('Urdu: draft awaiting review by a native speaker');
  await expectNoSeriousViolations(page, ['wcag2a', 'wcag2aa']);

  // A step's answer brings the next lines in Urdu too, and the choice survives a reload (a cookie).
  const first = def.expertPath[0]!;
  await play(page, def, [first]);
  const reply = def.nodes[def.start]!.choices.find((c) => c.id === first)!.reply[0]!;
  await expect(page.getByTestId('current-lines').getByTestId('line-urdu').first()).toHaveText(reply.ur!.script);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Urdu', exact: true })).toBeChecked();
  await expect(page.getByTestId('current-lines').getByTestId('line-urdu').first()).toHaveText(reply.ur!.script);

  // Both: the English and the Urdu of each line.
  await page.getByRole('radio', { name: 'Both', exact: true }).check();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByTestId('current-lines').getByText(reply.text, { exact: true })).toBeVisible();
  await expect(page.getByTestId('current-lines').getByTestId('line-urdu').first()).toHaveText(reply.ur!.script);
});

test('a consult line mixing Urdu and an English drug name is drawn in reading order (screenshot)', async ({ page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-urdu-shot'), password });
  await enterRoom(page, def);
  await page.getByRole('radio', { name: 'Both', exact: true }).check();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  // The room is drawn again with the choice (wait for it before playing, or the redraw would race the first step).
  await expect(page.getByTestId('current-lines').getByTestId('line-urdu').first()).toBeVisible();
  // Along the expert path to the question whose answer names his medicine.
  await play(page, def, def.expertPath.slice(0, def.expertPath.indexOf('hx-background') + 1));
  const line = page.getByTestId('current-lines').getByTestId('spoken-line').filter({ hasText: 'Metformin, two times a day' });
  await expect(line).toHaveCount(1);
  const urdu = line.getByTestId('line-urdu');
  await expect(urdu.locator('bdi')).toHaveText('Metformin');
  await expect(urdu.locator('bdi')).toHaveAttribute('dir', 'ltr');
  await line.scrollIntoViewIfNeeded();
  await expect(line).toHaveScreenshot('mixed-direction-line.png', { animations: 'disabled', caret: 'hide', scale: 'css' });
});

test('a native speaker signs off a case\'s Urdu lines and a phrase panel; the room and the lesson say so, and the rest stays a draft', async ({ browser }) => {
  test.setTimeout(180_000);
  const onDate = String.raw`on \d{1,2} [A-Z][a-z]+ \d{4}`;
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  const email = uniqueEmail('native-speaker');
  await signUp(reviewer, { email, name: 'Ms Sadia Native', password });
  await promote(browser, email, 'reviewer');

  await reviewer.goto('/admin/content?state=native-speaker');
  const waiting = reviewer.getByTestId('translation-items');
  await expect(waiting.locator('[data-item="urdu-case:pregnancy-headache-audio"]')).toHaveAttribute('data-state', 'awaiting');
  await expect(waiting.locator('[data-item="urdu-phrases:consent-opening"]')).toBeVisible();
  await expect(reviewer.locator('[data-item^="lesson:"]')).toHaveCount(0);

  // The case's lines, English beside Urdu; a sign-off needs the native-speaker box.
  await reviewer.goto('/admin/content/urdu-case/pregnancy-headache-audio');
  await expect(reviewer.getByTestId('translation-lines').locator('[lang="ur"]').first()).toHaveAttribute('dir', 'rtl');
  await reviewer.getByRole('button', { name: 'Sign off this version' }).click();
  await expect(reviewer.getByText('Only a native speaker of Urdu signs off a translation')).toBeVisible();
  await expect(reviewer.getByTestId('item-state')).toHaveText('Awaiting review');
  await reviewer.getByLabel(/I speak Urdu as a native speaker/).check();
  await reviewer.getByRole('button', { name: 'Sign off this version' }).click();
  await expect(reviewer.getByTestId('item-state')).toHaveText(new RegExp(`^Signed off by Ms Sadia Native ${onDate}$`));
  await reviewer.goto('/admin/content/urdu-phrases/consent-opening');
  await reviewer.getByLabel(/I speak Urdu as a native speaker/).check();
  await reviewer.getByRole('button', { name: 'Sign off this version' }).click();
  await expect(reviewer.getByTestId('item-state')).toHaveText(new RegExp(`^Signed off by Ms Sadia Native ${onDate}$`));
  await reviewer.goto('/admin/content?state=native-speaker');
  await expect(reviewer.locator('[data-item="urdu-case:pregnancy-headache-audio"]')).toHaveCount(0);
  await context.close();

  // A learner: the signed-off panel says who reviewed it; another lesson's panel is still a draft.
  const learner = await (await browser.newContext()).newPage();
  await signUp(learner, { email: uniqueEmail('urdu-learner'), password });
  // The module's review answer (what the static lesson fetches) says so first; the sign-off's follow-up may still be running.
  await expect
    .poll(async () => (await learner.request.get('/api/review/modules/consent-privacy')).json(), { timeout: 30_000 })
    .toMatchObject({ phrases: { 'consent-opening': { reviewed: true } } });
  await learner.goto('/modules/consent-privacy/consent-at-a-distance');
  const panel = learner.locator('[data-panel="consent-opening"]');
  await expect(panel.locator('[lang="ur"]').first()).toHaveAttribute('dir', 'rtl');
  await expect(panel.locator('[data-phrase-review]')).toHaveText(new RegExp(`^Urdu reviewed by Ms Sadia Native, a native speaker, ${onDate}$`));
  await learner.goto('/modules/webside-manner/opening-and-closing');
  await expect(learner.locator('[data-panel="closing-call"] [data-phrase-review]')).toHaveAttribute('data-reviewed', 'false');
  await expect(learner.locator('[data-panel="closing-call"] [data-phrase-review]')).toHaveText('Urdu: draft awaiting review by a native speaker');
  // The room of the signed-off case says so; the other Urdu case is still a draft.
  await enterRoom(learner, loadCase('pregnancy-headache-audio'));
  await expect(learner.getByTestId('urdu-review')).toHaveText(new RegExp(`^Urdu reviewed by Ms Sadia Native, a native speaker, ${onDate}$`));
  await enterRoom(learner, loadCase(C4));
  await expect(learner.getByTestId('urdu-review')).toHaveText('Urdu: draft awaiting review by a native speaker');
});
