import { expect, test } from '@playwright/test';
import { type Platform, roles, startPlatform } from '../support/lti-platform';
import { registerSimulator } from './support/lti';

// No PUBLIC_URL in the e2e server: its own links (and so the launch URLs) are on localhost:PORT.
const tool = `http://localhost:${process.env.E2E_PORT}`;
const lesson = '/modules/01-foundations/01-what-is-telemedicine';
let sim: Platform;

test.beforeAll(async () => {
  sim = await startPlatform({ profile: 'moodle', clientId: `e2e-${Date.now()}`, deploymentId: 'dep-e2e', toolLaunchUrl: `${tool}/api/lti/launch`, toolLoginUrl: `${tool}/api/lti/login`, targetLinkUri: `${tool}${lesson}` });
});
test.afterAll(() => sim.close());

test('an admin registers a Moodle-like platform; a student launches from its course and lands signed in on the lesson', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await registerSimulator(admin, sim, 'Simulated Moodle', tool);

  const email = `zainab.${Date.now()}@student.example`;
  sim.enrol({ sub: 'e2e-student', name: 'Zainab Launch', email, roles: [roles.learner] });
  const student = await (await browser.newContext()).newPage();
  await student.goto(`${sim.base}/course?sub=e2e-student`);
  await expect(student).toHaveURL(`${tool}${lesson}`, { timeout: 30_000 });
  await student.goto(`${tool}/profile`);
  await expect(student).toHaveURL(`${tool}/profile`);
  await expect(student.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(student.getByLabel('Full name')).toHaveValue('Zainab Launch');

  // The same launch posted again (a replay) is refused with a plain page and opens nothing.
  const replay = await student.request.post(`${tool}/api/lti/launch`, { form: { id_token: 'x'.repeat(40), state: 'y'.repeat(40) }, maxRedirects: 0 });
  expect(replay.status()).toBe(400);
  expect(await replay.text()).toContain('not signed in');
});
