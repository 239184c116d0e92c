// The screens a learner meets after the main pages, in Urdu (README "Languages"): a quiz's page,
// an attempt and its result, and the consult room: lang and dir, their own words in Urdu, the English content marked
// English, and an accessibility scan.
import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { enterRoom, loadCase } from './support/consult';
import { signUp, uniqueEmail } from './support/fixtures';

const password = 'a-long-password-1';
type Urdu = {
  quiz: { attemptsHeading: string; start: string };
  quizAttempt: { review: string; englishContent: string; submit: string };
  quizResult: { heading: string; notPassed: string };
  password: { forgotTitle: string; refusedTitle: string; invalid: string };
};
const urdu: Urdu = JSON.parse(readFileSync('messages/ur.json', 'utf8'));

async function expectDocument(page: Page, lang: 'en' | 'ur') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
}

test('a quiz, an attempt, its result and the consult room in Urdu say their language and direction, and pass an accessibility scan', async ({ page }) => {
  await signUp(page, { email: uniqueEmail('languages-quiz'), password });
  await page.goto('/ur/quizzes/foundations');
  await expectDocument(page, 'ur');
  await expect(page.getByRole('heading', { level: 2, name: urdu.quiz.attemptsHeading })).toBeVisible();
  await expect(page.getByTestId('quiz-rules')).toHaveAttribute('lang', 'en');
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: urdu.quiz.start, exact: true }).click();
  await expect(page).toHaveURL(/\/quizzes\/foundations\/attempts\/[^/?]+/, { timeout: 30_000 });
  const attempt = new URL(page.url()).pathname.replace(/^\/ur/, '');
  await page.goto(`/ur${attempt}`);
  await expectDocument(page, 'ur');
  // The chrome in Urdu; the question itself in English, marked so.
  await expect(page.locator('legend').first()).toHaveText(/^سوال 1 از \d+$/);
  await expect(page.getByRole('button', { name: urdu.quizAttempt.review, exact: true })).toBeVisible();
  await expect(page.getByTestId('english-content-notice')).toHaveText(urdu.quizAttempt.englishContent);
  await expect(page.locator('fieldset [lang="en"]').first()).toHaveAttribute('dir', 'ltr');
  await expectNoSeriousViolations(page);

  // Submitted unanswered: the result page's own words in Urdu (the per-question review stays English).
  await page.getByRole('button', { name: urdu.quizAttempt.review, exact: true }).click();
  await expect(page).toHaveURL(/confirm=1/);
  const confirm = new URL(page.url());
  if (!confirm.pathname.startsWith('/ur/')) await page.goto(`/ur${confirm.pathname}${confirm.search}`);
  await page.getByRole('button', { name: urdu.quizAttempt.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/result$/, { timeout: 30_000 });
  await page.goto(`/ur${new URL(page.url()).pathname.replace(/^\/ur/, '')}`);
  await expectDocument(page, 'ur');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(urdu.quizResult.heading);
  await expect(page.getByText(urdu.quizResult.notPassed)).toBeVisible();
  await expectNoSeriousViolations(page);

  await enterRoom(page, loadCase('chest-pain-lagging-video'));
  const room = new URL(page.url());
  await page.goto(`/ur${room.pathname}${room.search}`);
  await expectDocument(page, 'ur');
  await expect(page.getByTestId('current-lines')).toBeVisible();
  await expect(page.locator('h1')).toContainText('مشاورت کا کمرہ');
  await expect(page.locator('h1 bdi[lang="en"]')).toHaveText(loadCase('chest-pain-lagging-video').title);
  await expectNoSeriousViolations(page);
});

test('the password pages in Urdu: forgotten password and a reset link that does not work', async ({ page }) => {
  await page.goto('/ur/forgot-password');
  await expectDocument(page, 'ur');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(urdu.password.forgotTitle);
  await expectNoSeriousViolations(page);
  await page.goto('/ur/reset-password/not-a-real-token');
  await expectDocument(page, 'ur');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(urdu.password.refusedTitle);
  await expect(page.getByTestId('token-refused')).toHaveText(urdu.password.invalid);
  await expectNoSeriousViolations(page);
});
