import { expect, test } from '@playwright/test';
import { demo, signIn, signUp, uniqueEmail } from './support/fixtures';
import { bank, startQuiz, paperIds, answerWithKey, submitFromConfirm } from './support/quiz';
import { expectNoSeriousViolations } from './support/a11y';

// The rules around attempts, seen in the browser: when a learner may try again, the attempt
// limit, nobody else's attempt, and item statistics for instructors only.
test('after a failed attempt the quiz shows when the learner may try again', async ({ page }) => {
  const quiz = bank('foundations');
  await signUp(page, { email: uniqueEmail('cooldown') });
  const attempt = await startQuiz(page, quiz.id);
  await page.goto(`${attempt}?confirm=1`);
  await expect(page.getByTestId('unanswered')).toContainText(`${quiz.draw.count} questions are unanswered`);
  await submitFromConfirm(page);
  await expect(page.getByTestId('score')).toHaveText('0%');
  await expect(page.getByTestId('result')).toContainText('Not passed');
  await expect(page.getByTestId('retake')).toContainText(/You can try again in (59|60) minutes, at \d{1,2} \w{3} \d{4}, \d{2}:\d{2} PKT/);

  await page.goto(`/quizzes/${quiz.id}`);
  await expect(page.getByTestId('start-refused')).toContainText(/You can try again in (59|60) minutes/);
  await expect(page.getByRole('button', { name: /^Start/ })).toHaveCount(0);
  await expect(page.getByTestId('attempts-used')).toHaveText('1 of 3 attempts used (2 left) · Best 0% · Latest 0%');
});

test('a learner who has used every attempt cannot start another', async ({ page }) => {
  const quiz = bank('consent-privacy');
  await signUp(page, { email: uniqueEmail('limit') });
  // Passing does not start a cooldown, so two passes and a fail use the three attempts at once.
  for (const pass of [true, true, false]) {
    const attempt = await startQuiz(page, quiz.id);
    if (pass) {
      await paperIds(page, attempt);
      await answerWithKey(page, quiz);
    }
    await page.goto(`${attempt}?confirm=1`);
    await submitFromConfirm(page);
    await expect(page.getByTestId('score')).toHaveText(pass ? '100%' : '0%');
  }
  await expect(page.getByTestId('retake')).toHaveText('You have used all 3 attempts at this quiz.');
  await page.goto(`/quizzes/${quiz.id}`);
  await expect(page.getByTestId('start-refused')).toHaveText('You have used all 3 attempts at this quiz.');
  await expect(page.getByTestId('attempts-used')).toContainText('3 of 3 attempts used (0 left)');
  await expect(page.getByRole('button', { name: /^Start/ })).toHaveCount(0);
  await expect(page.getByTestId('attempt-history').locator('tbody tr')).toHaveCount(3);
});

test('another learner cannot open someone’s attempt or its result', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, { email: uniqueEmail('owner') });
  const attempt = await startQuiz(owner, 'remote-examination');

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, { email: uniqueEmail('other') });
  expect((await other.goto(attempt))?.status()).toBe(404);
  expect((await other.goto(`${attempt}/result`))?.status()).toBe(404);
  await ownerContext.close();
  await otherContext.close();
});

test('instructors see item statistics; learners are refused', async ({ page, browser }) => {
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signUp(learner, { email: uniqueEmail('stats') });
  await learner.goto('/quizzes/foundations');
  await expect(learner.getByRole('link', { name: 'Item statistics for instructors' })).toHaveCount(0);
  expect((await learner.goto('/quizzes/foundations/statistics'))?.status()).toBe(403);
  await learnerContext.close();

  await signIn(page, demo.instructor);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/quizzes/foundations');
  await page.getByRole('link', { name: 'Item statistics for instructors' }).click();
  await expect(page).toHaveURL(/\/quizzes\/foundations\/statistics$/);
  await expect(page.getByTestId('stats-summary')).toContainText(/\d+ submitted attempts? by \d+ learners?/);
  // Per-question and per-option figures appear only from five learners on (fewer would show one person's answers).
  const learners = Number(/by (\d+) learner/.exec((await page.getByTestId('stats-summary').textContent()) ?? '')?.[1]);
  if (learners < 5) {
    await expect(page.getByTestId('stats-withheld')).toContainText('appear from 5 learners on');
    await expect(page.getByTestId('item-statistics')).toHaveCount(0);
  } else {
    await expect(page.getByTestId('score-distribution')).toBeVisible();
    await expect(page.getByTestId('item-statistics').locator('tbody tr')).toHaveCount(bank('foundations').questions.length);
  }
  await expectNoSeriousViolations(page);
});
