import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';

// The home blood pressure diary trainer of Module 9, Lesson 2: discard day 1, average the rest.
test('a learner reads a diary: keeping day 1 is caught and explained, discarding it is right, and too few days means asking for more', async ({ page }) => {
  await page.goto('/modules/chronic-disease/home-bp-logs');
  await page.getByRole('button', { name: 'Open the blood pressure diary trainer' }).click();
  const trainer = page.locator('section[data-trainer="nice-home-bp-diary"]');
  await expect(trainer.getByRole('table', { name: /Mr Naseer Ahmed’s diary, day 1 first \(7 days\)/ })).toBeVisible();
  await expectNoSeriousViolations(page);

  const answer = async (systolic: string, diastolic: string, verdict: RegExp) => {
    await trainer.getByLabel('Systolic').fill(systolic);
    await trainer.getByLabel('Diastolic').fill(diastolic);
    await trainer.getByRole('radio', { name: verdict }).check();
    await trainer.getByRole('button', { name: 'Check my reading of the diary' }).click();
  };

  // Averaging all seven days, day 1 included.
  await answer('136', '84', /^Above the home target/);
  await expect(trainer.getByRole('heading', { name: 'Not quite.' })).toBeFocused();
  await expect(trainer.getByText('Home average, day 1 discarded: 132/82 (24 readings over days 2 to 7).')).toBeVisible();
  await expect(trainer.getByText(/With day 1 left in it would have been 136\/84: your average matches that one, so day 1 was probably not discarded\./)).toBeVisible();

  await answer('132', '82', /^Within the home target/);
  await expect(trainer.getByRole('heading', { name: 'Right.' })).toBeFocused();
  await expect(trainer.getByTestId('trainer-accuracy')).toHaveText('1 of 2 right (50%).');

  await trainer.getByLabel('Diary to read').selectOption({ label: 'Mrs Nargis Bibi, 71' });
  await trainer.getByRole('radio', { name: /^Too few days to judge/ }).check();
  await trainer.getByRole('button', { name: 'Check my reading of the diary' }).click();
  await expect(trainer.getByRole('heading', { name: 'Right.' })).toBeFocused();
  await expect(trainer.getByText(/Only 3 days were recorded: NICE asks for at least 4 days, ideally 7/)).toBeVisible();
  await expect(trainer.getByTestId('trainer-accuracy')).toHaveText('2 of 3 right (66%).');
});
