import { expect, test } from '@playwright/test';
import { type Platform, roles, startPlatform } from '../support/lti-platform';
import { demo, demoPassword, uniqueEmail } from './support/fixtures';
import { registerSimulator } from './support/lti';
import { answerWithKey, bank, paperIds, startQuiz, submitFromConfirm } from './support/quiz';

// LTI Advantage against the production build: deep linking, grade passback and roster sync, with
// the simulated Moodle holding the gradebook and the roster.
const tool = `http://localhost:${process.env.E2E_PORT}`;
const course = { id: `course-adv-${Date.now()}`, label: 'TM201', title: 'Telemedicine 201' };
let sim: Platform;

test.beforeAll(async () => {
  sim = await startPlatform({ profile: 'moodle', clientId: `e2e-adv-${Date.now()}`, deploymentId: 'dep-adv', toolLaunchUrl: `${tool}/api/lti/launch`, toolLoginUrl: `${tool}/api/lti/login`, targetLinkUri: `${tool}/`, toolKeys: { jwksUrl: `${tool}/api/lti/jwks` }, course });
});
test.afterAll(() => sim.close());

test('an instructor deep-links the consent quiz; a learner launches it and passes; the gradebook holds the score, the grade sync view lists it, and the roster brings two more students', async ({ browser }) => {
  test.slow();
  const quiz = bank('consent-privacy');
  await registerSimulator(await (await browser.newContext()).newPage(), sim, 'Simulated Moodle (Advantage)', tool);

  // The instructor adds an activity from the LMS: linked once by signing in, then the picker.
  sim.enrol({ sub: 'adv-teacher', name: 'Demo Instructor', email: demo.instructor, roles: [roles.instructor] });
  const teacher = await (await browser.newContext({ baseURL: tool })).newPage();
  await teacher.goto(`${sim.base}/course?sub=adv-teacher&link=deep-link`);
  await expect(teacher).toHaveURL(`${tool}/lti/link`, { timeout: 30_000 });
  await teacher.getByRole('link', { name: 'Sign in to link' }).click();
  await teacher.getByLabel('Email').fill(demo.instructor);
  await teacher.getByLabel('Password').fill(demoPassword);
  await teacher.getByRole('button', { name: 'Sign in' }).click();
  await expect(teacher).toHaveURL(`${tool}/lti/link`, { timeout: 30_000 });
  // The page as the signed-in teacher sees it (not the signed-out view the client router kept).
  await teacher.reload();
  await teacher.getByRole('button', { name: `Link to ${demo.instructor}` }).click();
  await expect(teacher.getByRole('heading', { name: `Add an activity to “${course.title}”` })).toBeVisible();
  await teacher.getByLabel(quiz.title).check();
  await teacher.getByRole('button', { name: 'Add to the course' }).click();
  await expect(teacher.getByTestId('sim-added')).toHaveText(`Added: ${quiz.title}`);
  const column = sim.links.get('dl-1')!.lineItem!;
  expect(column).toMatchObject({ scoreMaximum: 100, label: quiz.title, resourceId: 'quiz:consent-privacy' });

  // A learner launches the new activity, lands on the quiz signed in, and passes it.
  sim.enrol({ sub: 'adv-learner', name: 'Layla Launch', email: uniqueEmail('lti'), roles: [roles.learner] });
  const learner = await (await browser.newContext({ baseURL: tool })).newPage();
  await learner.goto(`${sim.base}/course?sub=adv-learner&link=dl-1`);
  await expect(learner).toHaveURL(`${tool}/quizzes/consent-privacy`, { timeout: 30_000 });
  const attempt = await startQuiz(learner, 'consent-privacy');
  await paperIds(learner, attempt);
  await answerWithKey(learner, quiz);
  await learner.getByRole('button', { name: 'Review and submit' }).click();
  await submitFromConfirm(learner);
  await expect(learner.getByTestId('result')).toContainText('Passed');

  // The score reaches the gradebook column deep linking created (after the response, from the outbox).
  await expect.poll(() => sim.services.gradebook.get(column.id)?.get('adv-learner')?.scoreGiven, { timeout: 45_000 }).toBe(100);

  // Two students the LMS lists who never launched: the cohort's LMS page syncs the roster as it opens.
  sim.enrol({ sub: 'adv-extra-1', name: 'Extra One', email: uniqueEmail('nrps'), roles: [roles.learner] });
  sim.enrol({ sub: 'adv-extra-2', name: 'Extra Two', email: uniqueEmail('nrps'), roles: [roles.learner] });
  await teacher.goto('/teach/cohorts');
  await teacher.getByRole('link', { name: course.title }).click();
  // The list has every cohort's links: wait for the course's own dashboard before following its one.
  await expect(teacher).toHaveURL(/\/teach\/cohorts\/[0-9a-f-]{36}$/);
  await teacher.getByRole('link', { name: 'Members and join code' }).click();
  await teacher.getByRole('link', { name: 'roster sync and grade sync' }).click();
  await expect(teacher.getByTestId('roster-sync')).toContainText('Roster synced: 2 learners joined (2 new accounts)', { timeout: 30_000 });
  const row = teacher.getByTestId('grade-sync').getByRole('row', { name: /Layla Launch/ });
  await expect(row).toContainText(quiz.title);
  await expect(row).toContainText('100 / 100');
  await expect(row).toContainText('Sent');
  await teacher.getByRole('link', { name: course.title }).click();
  // The list has every cohort's links: wait for the course's own dashboard before following its one.
  await expect(teacher).toHaveURL(/\/teach\/cohorts\/[0-9a-f-]{36}$/);
  await teacher.getByRole('link', { name: 'Members and join code' }).click();
  await expect(teacher.getByTestId('members')).toContainText('Extra One');
  await expect(teacher.getByTestId('members')).toContainText('Extra Two');
});
