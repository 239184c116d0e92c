import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
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
  await reviewer.goto('/profile');
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
  await expect(instructor).toHaveURL(/\/home$/);
  expect((await instructor.goto('/admin/content'))?.status()).toBe(403);
  expect((await instructor.request.get('/admin/content/sign-offs.csv')).status()).toBe(403);
  await instructorContext.close();
  await reviewerContext.close();
});

/** Signs in on a server other than the shared one. */
async function signInAt(page: Page, url: string, email: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/home$/);
}

test('on a deployment that requires sign-off, a doctor’s certificate waits and says why; a lesson signed off, then edited and redeployed, needs review again', async ({ browser }) => {
  test.setTimeout(300_000);
  const site = ownSite();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // This deployment issues the practice certificate only for signed-off content.
    appendFileSync(path.join(site.content, 'programmes', 'practice-doctors.yaml'), 'requireSignOff: true\n');
    let server = await site.start();

    // The demo doctor completes the last lesson: everything is met, and the page says what the certificate waits for.
    const doctorContext = await browser.newContext();
    const doctor = await doctorContext.newPage();
    await signInAt(doctor, server.url, demo.doctor);
    await doctor.goto(`${server.url}/certificates`);
    const programme = doctor.locator('[data-programme="practice-doctors"]');
    await programme.locator('li', { hasText: '(still to do)' }).getByRole('link').click();
    await doctor.getByRole('link', { name: 'Continue' }).click();
    await doctor.getByRole('button', { name: 'Mark lesson complete' }).click();
    await expect(doctor.getByTestId('lesson-complete')).toHaveText('✓ Lesson complete');
    await doctor.goto(`${server.url}/certificates`);
    await expect(programme.getByTestId('sign-off-wait')).toContainText('You have met every requirement. Your certificate waits for clinical sign-off.');
    await expect(programme.getByTestId('sign-off-wait')).toContainText(/\d+ of its \d+ lessons, quiz questions, cases and references still await review/);
    await expect(programme.getByTestId('certificate')).toHaveCount(0);
    await doctorContext.close();

    // An admin (who can do what a reviewer does) sees the waiting learner, and signs off the lesson.
    await signInAt(page, server.url, demo.admin);
    await page.goto(`${server.url}/admin/content`);
    await expect(page.locator('tr[data-programme="practice-doctors"]')).toContainText('Issued only once everything below is signed off · 1 learner is waiting');
    await page.goto(`${server.url}/admin/content/lesson/${LESSON}`);
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
