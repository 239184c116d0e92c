import { expect, test } from '@playwright/test';
import { type Platform, roles, startPlatform } from '../support/lti-platform';
import { demo, demoCollege, ownConnection, signIn } from './support/fixtures';

// LTI Dynamic Registration end to end: the demo admin makes a registration link, the simulated
// Moodle opens it in its dialog's frame and the tool registers itself, the platform waits for
// approval (a launch is refused), the admin approves it, and a student launches.

const tool = `http://localhost:${process.env.E2E_PORT}`;
const lesson = '/modules/01-foundations/01-what-is-telemedicine';
let sim: Platform;

test.beforeAll(async () => {
  sim = await startPlatform({ profile: 'moodle', clientId: `dynreg-${Date.now()}`, deploymentId: 'dep-dynreg', toolLaunchUrl: `${tool}/api/lti/launch`, toolLoginUrl: `${tool}/api/lti/login`, targetLinkUri: `${tool}${lesson}`, ownIssuer: true });
});
test.afterAll(() => sim.close());

test('an admin’s registration link registers a Moodle-like LMS, pending until approved; then a student launches', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await ownConnection(admin);
  await signIn(admin, demo.admin, undefined, '/institutions');
  await admin.getByRole('link', { name: demoCollege }).first().click();
  await admin.getByRole('link', { name: /LMS platforms/ }).click();
  await expect(admin.getByRole('heading', { name: 'LMS platforms', level: 1 })).toBeVisible({ timeout: 30_000 });
  await admin.getByRole('button', { name: 'Make a registration link' }).click();
  const link = await admin.getByLabel('Registration URL').inputValue();
  expect(link).toMatch(new RegExp(`^${tool}/lti/register/[A-Za-z0-9_-]{43}$`));

  // The LMS's "register a tool" dialog frames the link with its configuration address and token.
  const lms = await (await browser.newContext()).newPage();
  await lms.goto(`${sim.base}/register-tool?url=${encodeURIComponent(sim.dynamicRegistration.start(link))}`);
  const dialog = lms.frameLocator('iframe[name="tool"]');
  await expect(dialog.getByText(sim.issuer)).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog.getByRole('heading', { name: 'Registered: waiting for approval' })).toBeVisible();
  await expect(lms.locator('#status')).toHaveText('Closed by the tool');
  expect(sim.dynamicRegistration.registered).toHaveLength(1);
  expect(sim.dynamicRegistration.closed()).toBe(1);

  // Used once: the LMS opening the same link again finds nothing.
  const again = await lms.request.get(sim.dynamicRegistration.start(link));
  expect(again.status()).toBe(404);

  // Pending: a student's launch is refused with a plain page.
  sim.enrol({ sub: 'dynreg-student', name: 'Hina Dynamic', email: `hina.${Date.now()}@student.example`, roles: [roles.learner] });
  const student = await (await browser.newContext()).newPage();
  await student.goto(`${sim.base}/course?sub=dynreg-student`);
  await expect(student.getByText('has not approved it yet')).toBeVisible({ timeout: 30_000 });

  await admin.reload();
  const pending = admin.locator(`li[data-status="pending"][data-issuer="${sim.issuer}"]`);
  await expect(pending.getByText('moodle 4.1')).toBeVisible();
  await expect(pending.getByText('LtiResourceLinkRequest, LtiDeepLinkingRequest')).toBeVisible();
  await expect(pending.getByText('gradebook columns, results (read), scores, course rosters')).toBeVisible();
  await expect(pending.getByLabel('Deployment ids')).toHaveValue('dep-dynreg');
  await pending.getByRole('button', { name: /^Approve/ }).click();
  // Approved: it moves to the registered platforms.
  await expect(pending).toHaveCount(0);
  await expect(admin.locator(`li[data-issuer="${sim.issuer}"]:not([data-status])`).getByText('deployments dep-dynreg')).toBeVisible();

  await student.goto(`${sim.base}/course?sub=dynreg-student`);
  await expect(student).toHaveURL(`${tool}${lesson}`, { timeout: 30_000 });
});
