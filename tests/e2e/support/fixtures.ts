import { randomBytes } from 'node:crypto';
import { type Browser, type Page, expect } from '@playwright/test';

export const demoPassword = 'e2e-demo-password-1';
export const demo = {
  learner: 'learner@demo.telehealth.test',
  instructor: 'instructor@demo.telehealth.test',
  admin: 'admin@demo.telehealth.test',
  /** A doctor one lesson short of the practice certificate. */
  doctor: 'doctor@demo.telehealth.test',
} as const;

/** A unique email for a learner created by one test. */
export function uniqueEmail(prefix = 'learner'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = demoPassword, next?: string) {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A client address of its own (TEST-NET-3 and documentation ranges): the e2e server trusts one
 * proxy hop (playwright.config.ts), so a page that sends it counts against its own rate limits, as
 * a separate person on a separate connection would, instead of the whole suite sharing 127.0.0.1.
 */
export function testClient(): string {
  const b = randomBytes(2);
  return `198.18.${b[0]}.${b[1]}`;
}

/** Makes every later request of this page come from an address of its own (see testClient). */
export async function ownConnection(page: Page) {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': testClient() });
}

/** Creates an account through the sign-up form, from a connection of its own, and lands on the welcome. */
export async function signUp(page: Page, opts: { email: string; name?: string; password?: string }) {
  await ownConnection(page);
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill(opts.name ?? 'Test Learner');
  await page.getByLabel('Email').fill(opts.email);
  await page.getByLabel('Password').fill(opts.password ?? 'a-long-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Creating an account hashes a password twice (sign-up, then sign-in): slow on a busy machine.
  await expect(page).toHaveURL(/\/welcome$/, { timeout: 30_000 });
}

/** Signs out from the profile page. */
export async function signOut(page: Page) {
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The message a form shows after it is sent (not Next's route announcer, which is also an alert). */
export function formAlert(page: Page) {
  return page.locator('.notice[role="alert"]');
}

/** The institution the demo instructor teaches at (db/demo.ts). */
export const demoCollege = 'Demo Medical College';

/**
 * Appoints an account to an institution's staff the way a platform admin does, through its staff
 * page in a separate browser context (a learner account becomes a staff account).
 */
export async function appoint(browser: Browser, email: string, role: 'admin' | 'instructor' | 'viewer', institution = demoCollege) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await ownConnection(admin);
  await signIn(admin, demo.admin, demoPassword, '/institutions');
  await expect(admin).toHaveURL(/\/institutions$/);
  await admin.getByRole('link', { name: institution, exact: true }).click();
  await admin.getByRole('link', { name: 'Staff and roles' }).click();
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Role', { exact: true }).selectOption(role);
  await admin.getByRole('button', { name: 'Appoint' }).click();
  await expect(admin.getByRole('status').filter({ hasText: /Appointed|Role changed/ })).toBeVisible();
  await context.close();
}

/**
 * Gives an account a role the way an admin does: an instructor is appointed at the demo college
 * (teaching happens at an institution); a reviewer or platform admin is set through /admin/users.
 */
export async function promote(browser: Browser, email: string, role: 'instructor' | 'reviewer' | 'admin') {
  if (role === 'instructor') return appoint(browser, email, 'instructor');
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, demo.admin, demoPassword, '/admin/users');
  await admin.getByLabel('Search by name or email').fill(email);
  await admin.getByRole('button', { name: 'Search' }).click();
  const row = admin.locator(`tr[data-email="${email}"]`);
  await row.getByLabel(`Role of ${email}`).selectOption(role);
  await row.getByRole('button', { name: 'Change' }).click();
  await expect(row.getByText(`Role changed to ${role}.`)).toBeVisible();
  await context.close();
}
