import { type Page, expect } from '@playwright/test';
import type { Platform } from '../../support/lti-platform';
import { demo, demoCollege, ownConnection, signIn } from './fixtures';

/** The demo admin registers the simulated platform on the demo college's LMS page, by hand. */
export async function registerSimulator(admin: Page, sim: Platform, name: string, tool: string) {
  await ownConnection(admin);
  await signIn(admin, demo.admin, undefined, '/institutions');
  await admin.getByRole('link', { name: demoCollege }).first().click();
  await admin.getByRole('link', { name: /LMS platforms/ }).click();
  // The first visit of a route on a cold server under load can take longer than the default wait.
  await expect(admin.getByRole('heading', { name: 'LMS platforms', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByText(`${tool}/api/lti/jwks`)).toBeVisible();
  const r = sim.registration;
  await admin.getByLabel('Name', { exact: true }).fill(name);
  await admin.getByLabel('Issuer (platform id)').fill(r.issuer);
  await admin.getByLabel('Client id').fill(r.clientId);
  await admin.getByLabel('Deployment ids').fill(r.deploymentIds.join(', '));
  await admin.getByLabel('Authentication request URL').fill(r.authLoginUrl);
  await admin.getByLabel('Access token URL').fill(r.tokenUrl);
  await admin.getByLabel('Public keyset URL').fill(r.jwksUrl);
  await admin.getByRole('button', { name: 'Register' }).click();
  await expect(admin.getByText('Registered. Launches from this platform are accepted from now on.')).toBeVisible();
}
