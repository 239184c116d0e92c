import { expect, test } from '@playwright/test';
import { axeViolations } from './support/a11y';
import { createCohort } from './support/cohorts';
import { linkPath, mailTo } from './support/inbox';
import { demo, formAlert, promote, signIn, signUp, uniqueEmail } from './support/fixtures';

test('an instructor creates a cohort, a learner joins by code, their progress reaches the dashboard and the CSV, and another instructor is refused by URL', async ({ browser }) => {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signIn(teacher, demo.instructor, undefined, '/teach/cohorts');
  await expect(teacher).toHaveURL(/\/teach\/cohorts$/);
  const name = `MBBS Year 4 ${Date.now()}`;
  const { code, cohortUrl } = await createCohort(teacher, name);
  expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);

  // The learner is told what the instructor will see, then joins with the code typed loosely.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const email = uniqueEmail('cohort');
  await signUp(learner, { email, name: 'Sana Cohort' });
  await learner.goto('/cohorts');
  await expect(learner.getByTestId('cohort-privacy')).toContainText('your best score on each quiz');
  await learner.getByLabel('Join code').fill('WRONGCODE1');
  await learner.getByRole('button', { name: 'Join cohort' }).click();
  await expect(formAlert(learner)).toContainText('No cohort has that code');
  await learner.getByLabel('Join code').fill(code.toLowerCase().replace(/-/g, ' '));
  await learner.getByRole('button', { name: 'Join cohort' }).click();
  await expect(learner.getByRole('status').filter({ hasText: `You joined ${name}` })).toBeVisible();
  await expect(learner.getByTestId('my-cohorts')).toContainText('Demo Medical College');
  expect(await axeViolations(learner, ['wcag2a', 'wcag2aa'])).toEqual([]);

  await learner.goto('/modules/foundations/what-is-telemedicine');
  await learner.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(learner.getByTestId('lesson-complete')).toBeVisible();

  // The dashboard shows the learner started and on track, with one module started.
  await teacher.goto(cohortUrl);
  await expect(teacher.getByTestId('cohort-summary')).toContainText('1 member');
  const row = teacher.locator(`tr[data-learner="${email}"]`);
  await expect(row.getByTestId('learner-status')).toHaveText('On track');
  await expect(row.getByTestId('learner-progress')).not.toHaveText('0%');
  await expect(teacher.getByTestId('status-counts').locator('[data-status="on-track"]')).toContainText('On track: 1');
  await expect(teacher.getByTestId('domain-heatmap')).toContainText('Sana Cohort');
  expect(await axeViolations(teacher, ['wcag2a', 'wcag2aa'])).toEqual([]);
  await row.getByRole('link', { name: 'Sana Cohort' }).click();
  await expect(teacher.getByTestId('learner-summary')).toContainText(email);
  await expect(teacher.getByRole('progressbar').first()).toBeVisible();

  // The export holds the learner and their progress.
  const csv = await teacher.request.get(`${cohortUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).split('\r\n');
  const line = lines.find((l) => l.includes(email));
  expect(line).toMatch(/^Sana Cohort,.*,on-track,no,[1-9]\d*,/);

  // A second instructor cannot open any of it by URL.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherEmail = uniqueEmail('instructor');
  await signUp(other, { email: otherEmail, name: 'Other Instructor' });
  await promote(browser, otherEmail, 'instructor');
  const learnerId = new URL(teacher.url()).pathname.split('/').pop()!;
  for (const path of ['', '/members', `/learners/${learnerId}`, '/quizzes/foundations']) {
    const response = await other.goto(`${cohortUrl}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByText('Sana Cohort')).toHaveCount(0);
  }
  expect((await other.request.get(`${cohortUrl}/export.csv`)).status()).toBe(404);
  await other.goto('/teach/cohorts');
  await expect(other.getByText(name)).toHaveCount(0);
  // Nor can the learner, or anyone signed out.
  expect((await learner.goto(cohortUrl))?.status()).toBe(403);
  expect((await learner.request.get(`${cohortUrl}/export.csv`)).status()).toBe(404);

  // When the learner leaves, the cohort stops seeing them.
  await learner.goto('/cohorts');
  await learner.getByRole('button', { name: `Leave ${name}` }).click();
  await expect(learner.getByText('You left the cohort.')).toBeVisible();
  await teacher.goto(cohortUrl);
  await expect(teacher.getByTestId('cohort-summary')).toContainText('0 members');
  expect(await (await teacher.request.get(`${cohortUrl}/export.csv`)).text()).not.toContain(email);

  for (const c of [teacherContext, learnerContext, otherContext]) await c.close();
});

test('a roster import with a bad row sends nothing; a good one invites each address by e-mail, and an invitee joins on accept', async ({ browser }) => {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signIn(teacher, demo.instructor, undefined, '/teach/cohorts');
  await expect(teacher).toHaveURL(/\/teach\/cohorts$/);
  const { cohortUrl } = await createCohort(teacher, `Roster ${Date.now()}`);

  const newcomer = uniqueEmail('invited');
  await teacher.getByLabel('…or paste the emails').fill(['email', demo.learner, newcomer, 'not-an-email'].join('\n'));
  await teacher.getByRole('button', { name: 'Import roster' }).click();
  await expect(teacher.getByTestId('roster-result')).toContainText('Nothing was sent: 1 row needs fixing.');
  await expect(teacher.getByTestId('roster-result')).toContainText('Line 4');
  await expect(teacher.getByTestId('invitations')).toHaveCount(0);

  await teacher.getByLabel('…or paste the emails').fill(['email', demo.learner, newcomer].join('\n'));
  await teacher.getByRole('button', { name: 'Import roster' }).click();
  await expect(teacher.getByTestId('roster-result')).toContainText('2 invitations sent by e-mail');
  await teacher.reload();
  await expect(teacher.getByTestId('members')).toHaveCount(0);

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await signUp(invitee, { email: newcomer, name: 'Invited Learner' });
  const mail = await mailTo(newcomer, 'Invitation to join');
  await invitee.goto(linkPath(mail, '/cohorts/invitations/'));
  // Signed up without the link, the address is not confirmed yet: the page says so and sends a fresh link.
  await expect(invitee.getByTestId('invitation-unverified')).toBeVisible();
  const verification = await mailTo(newcomer, 'Confirm your e-mail address');
  await invitee.goto(linkPath(verification, '/account/verify/'));
  await invitee.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(invitee.getByRole('heading', { name: 'Thank you: your e-mail address is confirmed' })).toBeVisible();
  await invitee.goto(linkPath(mail, '/cohorts/invitations/'));
  await expect(invitee.getByTestId('cohort-privacy')).toBeVisible();
  await invitee.getByRole('button', { name: 'Accept and join' }).click();
  await expect(invitee.getByTestId('my-cohorts')).toBeVisible();

  await teacher.reload();
  await expect(teacher.getByTestId('members')).toContainText(newcomer);
  // Closing keeps members and stops new joins.
  await teacher.getByRole('button', { name: 'Close the cohort to new members' }).click();
  await expect(teacher.getByTestId('cohort-closed')).toBeVisible();
  await teacher.goto(cohortUrl);
  await expect(teacher.getByTestId('cohort-summary')).toContainText('1 member');
  for (const c of [teacherContext, inviteeContext]) await c.close();
});
