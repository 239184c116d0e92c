import { expect, test } from '@playwright/test';
import { type Platform, roles, startPlatform } from '../support/lti-platform';
import { registerSimulator } from './support/lti';

// Embedded mode: a course page on another origin (the simulated Moodle) frames the launch. The
// launch's start card is allowed in that frame (frame-ancestors: the platform's origins); the
// activity opens in a new, first-party window; any other page of the site still refuses the frame.

const tool = `http://localhost:${process.env.E2E_PORT}`;
const lesson = '/modules/01-foundations/01-what-is-telemedicine';
let sim: Platform;

test.beforeAll(async () => {
  sim = await startPlatform({ profile: 'moodle', clientId: `embed-${Date.now()}`, deploymentId: 'dep-embed', toolLaunchUrl: `${tool}/api/lti/launch`, toolLoginUrl: `${tool}/api/lti/login`, targetLinkUri: `${tool}${lesson}` });
});
test.afterAll(() => sim.close());

test('an embedded platform’s launch shows in its course page’s frame and opens the lesson in a new window; other pages refuse the frame', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await registerSimulator(admin, sim, 'Embedded Moodle', tool);
  const item = admin.locator(`li[data-issuer="${sim.issuer}"]`);
  await item.getByLabel('Open in the LMS page (embedded): its origins').fill(`${sim.base}/`);
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(item.getByText(`Launches open inside the LMS page at ${sim.base}.`)).toBeVisible();

  sim.enrol({ sub: 'embed-student', name: 'Sana Framed', email: `sana.${Date.now()}@student.example`, roles: [roles.learner] });
  const context = await browser.newContext();
  const course = await context.newPage();
  await course.goto(`${sim.base}/embed?src=${encodeURIComponent(`${sim.base}/course?sub=embed-student`)}`);
  const frame = course.frameLocator('iframe[name="lti"]');
  await expect(frame.getByRole('button', { name: 'Open in a new window' })).toBeVisible({ timeout: 30_000 });
  const [opened] = await Promise.all([context.waitForEvent('page'), frame.getByRole('button', { name: 'Open in a new window' }).click()]);
  await expect(opened).toHaveURL(`${tool}${lesson}`, { timeout: 30_000 });
  await opened.goto(`${tool}/profile`);
  await expect(opened.getByLabel('Full name')).toHaveValue('Sana Framed');

  // The lesson itself (like every page but the LTI ones) refuses to be framed, even by that origin.
  const direct = await context.request.get(`${tool}${lesson}`);
  expect(direct.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(direct.headers()['x-frame-options']).toBe('DENY');
  const other = await context.newPage();
  await other.goto(`${sim.base}/embed?src=${encodeURIComponent(`${tool}${lesson}`)}`);
  await expect.poll(() => other.frame({ name: 'lti' })?.url(), { timeout: 15_000 }).toBe('chrome-error://chromewebdata/');
});
