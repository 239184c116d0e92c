import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demo, demoPassword, promote, signIn, signUp, uniqueEmail } from './support/fixtures';
import { ownSite } from './support/own-server';

const LESSON = 'triage-referral/convert-rule-set';
const QUESTION = 'maternal-child/bp-140-90-after-20-weeks';
const onDate = String.raw`on \d{1,2} [A-Z][a-z]+ \d{4}`;

test('an admin makes a clinician a reviewer, who signs off a lesson and requests changes to a question; learners see the line, the CSV keeps both', async ({ browser }) => {
  test.setTimeout(120_000);
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  const email = uniqueEmail('reviewer');
  await signUp(reviewer, { email, name: 'Dr Test Reviewer' });
  await promote(browser, email, 'reviewer');
  await reviewer.reload();
  await expect(reviewer.getByTestId('role')).toHaveText('Clinical reviewer');
  // A reviewer is not staff: no teaching pages, which would refuse them anyway.
  await expect(reviewer.getByRole('navigation', { name: 'Teaching' })).toHaveCount(0);
  expect((await reviewer.goto('/teach/cohorts'))?.status()).toBe(403);
  await reviewer.goto('/profile');
  await reviewer.getByRole('link', { name: 'Content review and sign-off' }).click();
  await expect(reviewer.getByRole('heading', { name: 'Content review' })).toBeVisible();

  // The lesson: its review notes are on its page; signing off records who and when.
  await reviewer.goto(`/admin/content/lesson/${LESSON}`);
  await expect(reviewer.getByTestId('item-state')).toHaveText('Awaiting review');
  await expect(reviewer.getByTestId('item-notes').locator('li', { hasText: 'M7 Lesson 1' }).first()).toBeVisible();
  await reviewer.getByRole('button', { name: 'Sign off this version' }).click();
  await expect(reviewer.getByText(/^Signed off on /)).toBeVisible();
  await expect(reviewer.getByTestId('item-state')).toHaveText(new RegExp(`^Signed off by Dr Test Reviewer ${onDate}$`));

  // The question: a request for changes needs a comment, which the authors read.
  await reviewer.goto(`/admin/content/question/${QUESTION}`);
  await expect(reviewer.getByTestId('item-content')).toContainText('(key)');
  await reviewer.getByRole('button', { name: 'Request changes' }).click();
  await expect(reviewer.getByText('Say what should change: the authors read this comment.')).toBeVisible();
  await reviewer.getByLabel('Comment (required to request changes)').fill('Say which protein test, dipstick or ratio.');
  await reviewer.getByRole('button', { name: 'Request changes' }).click();
  await expect(reviewer.getByTestId('item-state')).toHaveText(new RegExp(`^Changes requested by Dr Test Reviewer ${onDate}: “Say which protein test, dipstick or ratio.”$`));

  const csv = await (await reviewer.request.get('/admin/content/sign-offs.csv')).text();
  expect(csv).toMatch(new RegExp(`^${LESSON},lesson,[0-9a-f]{16},signed-off,Dr Test Reviewer,\\d{4}-\\d\\d-\\d\\dT[^,]+,,[^\\r]+,current\\r$`, 'm'));
  expect(csv).toMatch(new RegExp(`^${QUESTION},question,[0-9a-f]{16},changes-requested,Dr Test Reviewer,[^,]+,"Say which protein test, dipstick or ratio\\.",`, 'm'));

  // Learners, signed in or not: the lesson and only the lesson says it was reviewed.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(`/modules/${LESSON}`);
  await expect(learner.getByTestId('clinical-review')).toHaveText(new RegExp(`^Clinically reviewed by Dr Test Reviewer ${onDate}$`));
  await learner.goto('/modules/triage-referral/chest-pain-cg95');
  await expect(learner.getByTestId('clinical-review')).toHaveText('Awaiting clinical review');
  await learner.goto('/consults/infant-fever-lhw');
  await expect(learner.getByTestId('clinical-review')).toHaveText('Awaiting clinical review');
  expect((await learner.goto(`/lite/review/${LESSON}`))?.status()).toBe(200);
  await expect(learner.getByTestId('clinical-review')).toHaveText(new RegExp(`^Clinically reviewed by Dr Test Reviewer ${onDate}$`));
  await learnerContext.close();

  // An instructor is not a reviewer.
  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, demo.instructor);
  await expect(instructor).toHaveURL(/\/profile$/);
  expect((await instructor.goto('/admin/content'))?.status()).toBe(403);
  expect((await instructor.request.get('/admin/content/sign-offs.csv')).status()).toBe(403);
  await instructorContext.close();
  await reviewerContext.close();
});

test('a lesson signed off, then edited and redeployed, is flagged as needing review again, and learners are told it awaits review', async ({ browser }) => {
  test.setTimeout(300_000);
  const site = ownSite();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // First deployment: an admin (who can do what a reviewer does) signs off the lesson.
    let server = await site.start();
    const item = `${server.url}/admin/content/lesson/${LESSON}`;
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(demo.admin);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await page.goto(item);
    const signedHash = (await page.getByTestId('item-hash').textContent())!.trim();
    await page.getByRole('button', { name: 'Sign off this version' }).click();
    await expect(page.getByTestId('item-state')).toHaveText(new RegExp(`^Signed off by Demo Admin ${onDate}$`));
    await page.goto(`${server.url}/modules/${LESSON}`);
    await expect(page.getByTestId('clinical-review')).toHaveText(new RegExp(`^Clinically reviewed by Demo Admin ${onDate}$`));
    await server.stop();

    // The lesson's text changes, and the site is deployed again with it.
    appendFileSync(path.join(site.content, 'modules', '07-triage-referral', 'lessons', '01-convert-rule-set.mdx'), '\nOne sentence added after the sign-off.\n');
    server = await site.start();
    await page.goto(`${server.url}/admin/content/lesson/${LESSON}`);
    await expect(page.getByTestId('item-hash')).not.toHaveText(signedHash);
    await expect(page.getByTestId('item-state')).toHaveText(new RegExp(`^Needs review again: edited since Demo Admin signed it off ${onDate}$`));
    await expect(page.getByTestId('item-history')).toContainText(`${signedHash} (an earlier version)`);
    await page.goto(`${server.url}/admin/content?state=needs-review-again`);
    await expect(page.locator(`li[data-item="lesson:${LESSON}"]`)).toHaveAttribute('data-state', 'needs-review-again');
    const csv = await (await page.request.get(`${server.url}/admin/content/sign-offs.csv`)).text();
    expect(csv).toMatch(new RegExp(`^${LESSON},lesson,${signedHash},signed-off,Demo Admin,.*,superseded by an edit\\r$`, 'm'));
    const learner = await browser.newContext();
    const learnerPage = await learner.newPage();
    await learnerPage.goto(`${server.url}/modules/${LESSON}`);
    await expect(learnerPage.getByTestId('clinical-review')).toHaveText('Awaiting clinical review');
    await learner.close();

    // Signing off the new version makes it reviewed again.
    await page.goto(`${server.url}/admin/content/lesson/${LESSON}`);
    await page.getByRole('button', { name: 'Sign off this version' }).click();
    await expect(page.getByTestId('item-state')).toHaveText(new RegExp(`^Signed off by Demo Admin ${onDate}$`));
    await server.stop();
  } finally {
    await context.close();
    site.remove();
  }
});
