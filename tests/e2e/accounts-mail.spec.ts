// Accounts people run themselves, end to end against the production build and a real SMTP server:
// verification, password reset, and a roster of three whose invitations arrive and are answered.
import { type Browser, expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { createCohort } from './support/cohorts';
import { demo, signIn, uniqueEmail } from './support/fixtures';
import { linkPath, mailTo } from './support/inbox';

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('a student verifies the address, resets a forgotten password from the e-mail (the old session ends), and joins from a roster of three with two others', async ({ browser }) => {
  test.setTimeout(180_000);
  const student = uniqueEmail('student');
  const { context: first, page } = await newPage(browser);

  // Sign up: the address is not confirmed until the e-mailed link is used.
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill('Sana Student');
  await page.getByLabel('Email').fill(student);
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByTestId('verify-notice')).toBeVisible();
  const verification = await mailTo(student, 'Confirm your e-mail address');
  expect(verification.text).not.toContain('a-long-password-1');
  await page.goto(linkPath(verification, '/account/verify/'));
  await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you: your e-mail address is confirmed' })).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByTestId('email-status')).toContainText('confirmed');
  await expect(page.getByTestId('verify-notice')).toHaveCount(0);

  // Forgotten password, on another device: the same answer for any address; the link resets it and signs in.
  const { context: second, page: phone } = await newPage(browser);
  await phone.goto('/sign-in');
  await phone.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(phone.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await phone.getByLabel('Email').fill(student);
  await phone.getByRole('button', { name: 'Send me a link' }).click();
  await expect(phone.getByText(`If an account uses ${student}, we have sent it a link`)).toBeVisible();
  const reset = await mailTo(student, 'Reset your password');
  await phone.goto(linkPath(reset, '/reset-password/'));
  await expectNoSeriousViolations(phone);
  await phone.getByLabel('New password', { exact: true }).fill('a-brand-new-password-2');
  await phone.getByLabel('The new password again').fill('a-brand-new-password-2');
  await phone.getByRole('button', { name: 'Set the new password' }).click();
  await expect(phone).toHaveURL(/\/profile\?reset=1$/);
  await expect(phone.getByText('Your new password is set')).toBeVisible();
  // The first device's session has ended; the link cannot be used again.
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in/);
  await phone.goto(linkPath(reset, '/reset-password/'));
  await expect(phone.getByTestId('token-refused')).toContainText('used already');

  // An instructor imports a roster of three: the student (an account), and two new addresses.
  const [newcomer, third] = [uniqueEmail('newcomer'), uniqueEmail('third')];
  const { context: staff, page: teacher } = await newPage(browser);
  await signIn(teacher, demo.instructor, undefined, '/teach/cohorts');
  await expect(teacher).toHaveURL(/\/teach\/cohorts$/);
  const cohortName = `Roster of three ${Date.now()}`;
  await createCohort(teacher, cohortName);
  await teacher.getByLabel('…or paste the emails').fill(['email,student_id', `${student},DUHS-101`, `${newcomer},DUHS-102`, `${third},DUHS-103`].join('\n'));
  await teacher.getByRole('button', { name: 'Import roster' }).click();
  await expect(teacher.getByTestId('roster-result')).toContainText('3 invitations sent by e-mail');
  await teacher.reload();
  await expect(teacher.getByTestId('members')).toHaveCount(0); // nobody joins without accepting
  for (const address of [student, newcomer, third]) await mailTo(address, `Invitation to join ${cohortName}`);

  // The existing learner sees exactly what will be shared, then accepts.
  const invited = await mailTo(student, `Invitation to join ${cohortName}`);
  await phone.goto(linkPath(invited, '/cohorts/invitations/'));
  await expect(phone.getByTestId('invitation-cohort')).toHaveText(cohortName);
  await expect(phone.getByTestId('cohort-privacy')).toContainText('your best score on each quiz');
  await expectNoSeriousViolations(phone);
  await phone.getByRole('button', { name: 'Accept and join' }).click();
  await expect(phone.getByTestId('my-cohorts')).toContainText(cohortName);

  // A new address registers through its link (the address counts as confirmed) and accepts.
  const { context: fresh, page: newcomerPage } = await newPage(browser);
  const newcomerMail = await mailTo(newcomer, `Invitation to join ${cohortName}`);
  await newcomerPage.goto(linkPath(newcomerMail, '/cohorts/invitations/'));
  await newcomerPage.getByRole('link', { name: 'Create an account' }).click();
  await expect(newcomerPage.getByLabel('Email')).toHaveValue(newcomer);
  await newcomerPage.getByLabel('Full name').fill('New Comer');
  await newcomerPage.getByLabel('Password').fill('a-long-password-3');
  await newcomerPage.getByRole('button', { name: 'Create account' }).click();
  await expect(newcomerPage.getByTestId('invitation-cohort')).toHaveText(cohortName);
  await newcomerPage.getByRole('button', { name: 'Accept and join' }).click();
  await expect(newcomerPage.getByTestId('my-cohorts')).toContainText(cohortName);

  // The members page shows who joined and each invitation's state.
  await teacher.reload();
  await expect(teacher.getByTestId('members')).toContainText(student);
  await expect(teacher.getByTestId('members')).toContainText('DUHS-101');
  await expect(teacher.locator(`[data-invitation="${student}"]`).getByTestId('invitation-state')).toHaveText('Accepted');
  await expect(teacher.locator(`[data-invitation="${newcomer}"]`).getByTestId('invitation-state')).toHaveText('Accepted');
  await expect(teacher.locator(`[data-invitation="${third}"]`).getByTestId('invitation-state')).toHaveText('Sent');
  const csv = await (await teacher.request.get(`${teacher.url().replace(/\/members$/, '')}/invitations.csv`)).text();
  expect(csv).toContain(`${third},DUHS-103,sent`);
  await expectNoSeriousViolations(teacher);
  for (const c of [first, second, staff, fresh]) await c.close();
});

test('an invitation opened by another signed-in account is refused with an explanation, and nothing is joined', async ({ browser }) => {
  const invitee = uniqueEmail('invitee');
  const { context: staff, page: teacher } = await newPage(browser);
  await signIn(teacher, demo.instructor, undefined, '/teach/cohorts');
  await expect(teacher).toHaveURL(/\/teach\/cohorts$/);
  await createCohort(teacher, `Single invite ${Date.now()}`);
  await teacher.getByLabel('E-mail address').fill(invitee);
  await teacher.getByRole('button', { name: 'Send invitation' }).click();
  await expect(teacher.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  const mail = await mailTo(invitee, 'Invitation to join');
  const { context: other, page } = await newPage(browser);
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto(linkPath(mail, '/cohorts/invitations/'));
  await expect(page.getByTestId('invitation-other-account')).toContainText(`this invitation was sent to ${invitee}`);
  await expect(page.getByRole('button', { name: 'Accept and join' })).toHaveCount(0);
  for (const c of [staff, other]) await c.close();
});
