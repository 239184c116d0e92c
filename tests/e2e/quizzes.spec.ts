import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/fixtures';
import { bank, questionOf, fragments, attemptUrl, startQuiz, paperIds, answerWithKey, submitFromConfirm } from './support/quiz';
import { expectNoSeriousViolations } from './support/a11y';

test('a learner takes a quiz, leaves mid-way, resumes with the answers kept, submits and reviews it', async ({ page }) => {
  test.slow(); // the longest journey here, with three accessibility scans
  const quiz = bank('foundations');
  await signUp(page, { email: uniqueEmail('quiz') });
  await page.goto('/modules/foundations');
  await page.getByRole('region', { name: 'Module quiz' }).getByRole('link', { name: 'Go to the quiz' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(quiz.title);
  await expect(page.getByTestId('quiz-rules')).toContainText(`${quiz.draw.count} per attempt`);
  await expect(page.getByTestId('quiz-rules')).toContainText(`${quiz.passMark}%`);
  await expect(page.getByTestId('attempts-used')).toHaveText('0 of 3 attempts used (3 left)');

  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page).toHaveURL(attemptUrl);
  const attempt = page.url();
  await expect(page.getByText(`Question 1 of ${quiz.draw.count}`)).toBeVisible();
  await expect(page.getByTestId('countdown')).toContainText(/Time left: (20:00|19:5\d)/);
  await expectNoSeriousViolations(page);

  // Question 1: pick the first option; it is saved as soon as it is chosen.
  const first = page.locator('[data-question-id] input').first();
  const firstValue = await first.getAttribute('value');
  await first.check();
  await expect(page.getByTestId('save-status')).toHaveText('✓ Answers saved');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/\?q=2$/);
  await expect(page.getByText(`Question 2 of ${quiz.draw.count}`)).toBeVisible();
  await page.locator('[data-question-id] input').last().check();
  await expect(page.getByTestId('save-status')).toHaveText('✓ Answers saved');

  // Leave for somewhere else, then come back through the quiz page.
  await page.goto('/progress');
  await expect(page.locator('[data-quiz="foundations"]')).toContainText('an attempt is in progress');
  await page.goto('/quizzes/foundations');
  await page.getByRole('link', { name: 'Resume the quiz' }).click();
  await expect(page).toHaveURL(attempt);
  await expect(page.locator(`[data-question-id] input[value="${firstValue}"]`)).toBeChecked();
  await page.getByRole('button', { name: 'Question 2 (answered)' }).click();
  await expect(page.locator('[data-question-id] input').last()).toBeChecked();

  // All on one page, remembered in the URL; answer all but one with the key.
  await page.getByRole('button', { name: 'All questions on one page' }).click();
  await expect(page).toHaveURL(/\?view=all$/);
  const ids = await page.locator('[data-question-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id') ?? ''));
  expect(ids).toHaveLength(quiz.draw.count);
  const skipped = ids[ids.length - 1]!;
  await answerWithKey(page, quiz, [skipped]);
  await page.reload();
  await expect(page).toHaveURL(/\?view=all$/);

  await page.getByRole('button', { name: 'Review and submit' }).click();
  await expect(page.getByTestId('confirm-submit')).toContainText(`You have answered ${quiz.draw.count - 1} of ${quiz.draw.count} questions.`);
  await expect(page.getByTestId('unanswered')).toContainText(`1 question is unanswered: question ${quiz.draw.count}`);
  await expectNoSeriousViolations(page);
  await submitFromConfirm(page);

  // 7 of 8 = 87.5%: passed. The review shows each question with the key and the rationale.
  await expect(page.getByTestId('score')).toHaveText('87.5%');
  await expect(page.getByTestId('result')).toContainText('Passed');
  const reviewed = page.locator('article[data-question-id]');
  await expect(reviewed).toHaveCount(quiz.draw.count);
  const last = page.locator(`article[data-question-id="${skipped}"]`);
  await expect(last).toContainText('Not answered');
  await expect(last.getByTestId('rationale')).toContainText(fragments(questionOf(quiz, skipped).rationale)[0]!);
  await expect(last.locator('li[data-key="true"]')).toHaveCount(questionOf(quiz, skipped).key.length);
  await expect(page.locator(`article[data-question-id="${ids[0]}"]`)).toContainText('Correct');
  await expectNoSeriousViolations(page);

  // Going back to the attempt now shows the result; the progress page shows best and latest.
  await page.goto(attempt);
  await expect(page).toHaveURL(/\/result$/);
  await page.goto('/progress');
  await expect(page.locator('[data-quiz="foundations"]')).toContainText('passed · best 87.5% · latest 87.5%');
});

test('before submission neither the attempt page nor its RSC payload holds a key or a rationale', async ({ page }) => {
  const quiz = bank('consent-privacy');
  await signUp(page, { email: uniqueEmail('secret') });
  const attempt = await startQuiz(page, quiz.id);
  const ids = await paperIds(page, attempt);
  expect(ids).toHaveLength(quiz.draw.count);
  const onPaper = ids.map((id) => questionOf(quiz, id));
  // A rationale may quote an option; only the words that are not on any public question text can leak.
  const publicText = quiz.questions.flatMap((q) => [q.stem, q.vignette ?? '', ...q.options.map((o) => o.text)]).join('\n').replace(/\s+/g, ' ');
  // Question ids are public (the page names its questions); a reference id that is also a question id is not a secret.
  const questionIds = new Set(quiz.questions.map((q) => q.id));
  const secrets = quiz.questions.map((q) => ({
    id: q.id,
    references: q.references.filter((r) => !questionIds.has(r)),
    fragments: fragments(q.rationale).filter((f) => !publicText.includes(f)),
  }));
  expect(secrets.every((s) => s.fragments.length > 0)).toBe(true);

  for (const url of [attempt, `${attempt}?view=all`, `${attempt}?q=3`, `${attempt}?confirm=1`]) {
    const html = await (await page.request.get(url)).text();
    const rscResponse = await page.request.get(url, { headers: { RSC: '1' } });
    expect(rscResponse.headers()['content-type']).toContain('text/x-component');
    const rsc = await rscResponse.text();
    const bodies: [string, string][] = [
      ['HTML', html],
      ['RSC', rsc],
    ];
    for (const [name, body] of bodies) {
      for (const q of secrets) {
        for (const fragment of q.fragments) expect(body.includes(fragment), `${name} of ${url} holds the rationale of ${q.id}: "${fragment}"`).toBe(false);
        for (const ref of q.references) expect(body.includes(ref), `${name} of ${url} names reference ${ref}`).toBe(false);
      }
      expect(body.match(/rationale|"key"\s*:|"correct"\s*:|passMark/i)?.[0], `${name} of ${url}`).toBeUndefined();
    }
    if (url.endsWith('view=all')) {
      // The check can see question text in both forms: the stems of the paper are there, so absent rationales are truly absent.
      for (const q of onPaper) {
        for (const fragment of fragments(q.stem).slice(0, 1)) {
          expect(html.includes(fragment), `HTML shows the stem of ${q.id}`).toBe(true);
          expect(rsc.includes(fragment), `RSC shows the stem of ${q.id}`).toBe(true);
        }
      }
    }
  }

  // Submitted unanswered, the attempt fails with attempts left: the bank bears a certificate, so its
  // review (after-pass-or-last) still holds no rationale; a throw-away account cannot collect the bank.
  // (The first test passes a quiz and finds the keys and rationales in its review.)
  await page.goto(`${attempt}?confirm=1`);
  await submitFromConfirm(page);
  await expect(page.getByText('open once you pass this quiz, or after your last attempt')).toBeVisible();
  const review = await (await page.request.get(page.url())).text();
  for (const q of secrets.filter((s) => ids.includes(s.id))) expect(review.includes(q.fragments[0]!), `review withholds the rationale of ${q.id}`).toBe(false);
});

test('a double submit, from two tabs at once, grades the attempt once', async ({ page, context }) => {
  const quiz = bank('remote-examination');
  await signUp(page, { email: uniqueEmail('double') });
  const attempt = await startQuiz(page, quiz.id);
  await paperIds(page, attempt);
  await answerWithKey(page, quiz);
  await page.goto(`${attempt}?confirm=1`);
  // The submit answers with the result's address, not a render of the result page (which the page then opens).
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/attempts/'));
  const second = await context.newPage();
  await second.goto(`${attempt}?confirm=1`);
  await Promise.all([page.getByRole('button', { name: 'Submit attempt' }).click(), second.getByRole('button', { name: 'Submit attempt' }).click()]);
  await expect(page).toHaveURL(/\/result$/);
  await expect(second).toHaveURL(/\/result$/);
  expect((await answer).headers()['x-action-redirect']).toBeUndefined();
  await expect(page.getByTestId('score')).toHaveText('100%');
  await expect(second.getByTestId('score')).toHaveText('100%');

  // Coming back to the submit step afterwards only shows the result.
  const third = await context.newPage();
  await third.goto(`${attempt}?confirm=1`);
  await expect(third).toHaveURL(/\/result$/);

  await page.goto(`/quizzes/${quiz.id}`);
  await expect(page.getByTestId('attempts-used')).toHaveText('1 of 3 attempts used (2 left) · Best 100% · Latest 100% · Passed');
  await expect(page.getByTestId('attempt-history').locator('tbody tr')).toHaveCount(1);
});

test('answers are saved and the learner moves between questions with scripts off', async ({ browser }) => {
  const scripted = await browser.newContext();
  const signUpPage = await scripted.newPage();
  await signUp(signUpPage, { email: uniqueEmail('noscript') });
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await scripted.storageState() });
  await scripted.close();
  const page = await context.newPage();
  const attempt = await startQuiz(page, 'remote-examination');
  await expect(page.getByText('Question 1 of 8')).toBeVisible();
  const choice = page.locator('[data-question-id] input').nth(1);
  const value = await choice.getAttribute('value');
  await choice.check();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(`${attempt}?q=2`);
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page).toHaveURL(attempt);
  await expect(page.locator(`[data-question-id] input[value="${value}"]`)).toBeChecked();
  await page.getByRole('button', { name: 'Review and submit' }).click();
  await expect(page.getByTestId('confirm-submit')).toContainText('You have answered 1 of 8 questions.');
  await submitFromConfirm(page);
  await expect(page.getByTestId('result')).toBeVisible();
  await context.close();
});
