import { type Locator, type Page, expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { signUp, uniqueEmail } from './support/fixtures';
import { saveModule } from './support/offline';

// The breath-count trainer of Module 6, Lesson 2, used as a learner uses it. The minute runs on
// Playwright's clock (page.clock), so a counted minute takes no real minute.
const lessonPath = '/modules/remote-examination/counting-breathing';

async function openTrainer(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Open the breath-count trainer' }).click();
  const trainer = page.locator('section[data-trainer="imci-breath-count"]');
  await expect(trainer.getByLabel('Child to count')).toBeVisible();
  return trainer;
}

/** Counts one child for the full minute on the page's clock, then answers. */
async function countAndAnswer(page: Page, trainer: Locator, answer: { count?: string; classification: RegExp; indrawing?: 'Yes' | 'No' }) {
  await trainer.getByRole('button', { name: /^Start the minute|^Count .+ again$/ }).click();
  await expect(trainer.getByRole('timer')).toContainText('0:00');
  await page.clock.runFor(30_000);
  await expect(trainer.getByRole('timer')).toContainText('0:30');
  await page.clock.runFor(31_000);
  await expect(trainer.getByRole('heading', { name: /The minute is up/ })).toBeFocused();
  if (answer.count !== undefined) await trainer.getByLabel('Breaths you counted in the minute').fill(answer.count);
  await trainer.getByRole('radio', { name: answer.classification }).check();
  if (answer.indrawing) await trainer.getByRole('radio', { name: answer.indrawing === 'Yes' ? /^Yes: the lower chest/ : /^No$/ }).check();
  await trainer.getByRole('button', { name: 'Check my answer' }).click();
}

test('a learner counts a child for a full minute: a right answer is marked right, a wrong count gets the true rate and the IMCI threshold, and accuracy is kept on the device', async ({ page }) => {
  await page.clock.install();
  await page.goto(lessonPath);
  const trainer = await openTrainer(page);
  await trainer.getByLabel('Child to count').selectOption({ label: 'Bilal, 10 months' });

  // Bilal breathes 49 times: not fast at 10 months (50 or more).
  await countAndAnswer(page, trainer, { count: '49', classification: /^Not fast breathing$/, indrawing: 'No' });
  await expect(trainer.getByRole('heading', { name: 'Right.' })).toBeFocused();
  await expect(trainer.getByText('True rate: 49 breaths in the full minute.')).toBeVisible();
  await expect(trainer.getByText(/At 10 months \(2 months up to 12 months\), fast breathing is 50 or more a minute \(WHO IMCI\)/)).toBeVisible();
  await expect(trainer.getByTestId('trainer-accuracy')).toHaveText('1 of 1 right (100%).');

  // Counting two too many tips him over the threshold: the class is wrong, and the feedback says why.
  await countAndAnswer(page, trainer, { count: '51', classification: /^Fast breathing for a child of 10 months$/, indrawing: 'No' });
  await expect(trainer.getByRole('heading', { name: 'Not quite.' })).toBeFocused();
  await expect(trainer.getByText(/Your count: 51, 2 more than the true rate\. By your count it would be fast breathing; by the true rate it is not fast breathing\./)).toBeVisible();
  await expect(trainer.getByText('True rate: 49 breaths in the full minute.')).toBeVisible();
  await expect(trainer.getByTestId('trainer-accuracy')).toHaveText('1 of 2 right (50%).');

  // The frozen picture: the only right answer is to stop and ask for a re-count.
  await trainer.getByRole('button', { name: 'Next child' }).click();
  await trainer.getByLabel('Child to count').selectOption({ label: 'Ali, 9 months' });
  await countAndAnswer(page, trainer, { classification: /^The count cannot be used/ });
  await expect(trainer.getByRole('heading', { name: 'Right.' })).toBeVisible();
  await expect(trainer.getByText(/The picture froze at 0:34 for 7 seconds: the count could not be valid\./)).toBeVisible();
  await expect(trainer.getByTestId('trainer-accuracy')).toHaveText('2 of 3 right (66%).');

  // The results stay on this device across visits.
  await page.reload();
  const again = await openTrainer(page);
  await expect(again.getByTestId('trainer-accuracy')).toHaveText('2 of 3 right (66%).');
  await expect(again.getByRole('list', { name: 'Your last 3 attempts, oldest first' }).getByRole('listitem')).toHaveText([/✓ Bilal/, /✗ Bilal/, /✓ Ali/]);
});

test('with reduced motion the chest stays still and a mark lights at each breath; the trainer is usable by keyboard and passes an accessibility scan', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install();
  await page.goto(lessonPath);
  const trainer = await openTrainer(page);
  await expect(trainer.getByRole('radio', { name: /A still picture, with a mark/ })).toBeChecked();
  await expectNoSeriousViolations(page);

  await trainer.getByRole('button', { name: /^Start the minute/ }).focus();
  await page.keyboard.press('Enter');
  const drawing = trainer.getByRole('img', { name: /with a mark that lights at each breath in/ });
  await expect(drawing).toBeVisible();
  const marks = new Set<string | null>();
  for (let i = 0; i < 12; i++) {
    await page.clock.runFor(250);
    marks.add(await drawing.locator('circle[fill-opacity]').getAttribute('fill-opacity'));
  }
  expect(marks).toEqual(new Set(['1', '0.12']));
  await expect(drawing.locator('g[transform]')).toHaveCount(0);

  await expect(trainer.getByRole('button', { name: /^Tap for each breath/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(trainer.getByRole('button', { name: 'Tap for each breath (2)' })).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(trainer.getByRole('heading', { name: /The minute is up/ })).toBeFocused();
  await expect(trainer.getByLabel('Breaths you counted in the minute')).toHaveValue('2');
  await expectNoSeriousViolations(page);
});

test('once the module is saved for offline, the trainer opens and runs offline', async ({ page, context }) => {
  await signUp(page, { email: uniqueEmail('trainer-offline') });
  await saveModule(page, 'remote-examination');
  await context.setOffline(true);
  await page.goto(lessonPath);
  await expect(page.getByTestId('connection-status')).toContainText('You are offline');
  const trainer = await openTrainer(page);
  await trainer.getByRole('button', { name: /^Start the minute/ }).click();
  await expect(trainer.getByRole('timer')).toBeVisible();
  await expect(trainer.getByRole('img', { name: /Count the breaths/ })).toBeVisible();
  await context.setOffline(false);
});
