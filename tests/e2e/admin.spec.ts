import { expect, test } from '@playwright/test';
import { demo, signIn, signUp, uniqueEmail } from './support/fixtures';

test('an admin promotes a learner to instructor, and the change applies on the learner’s next request', async ({ browser }) => {
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const email = uniqueEmail('promote');
  await signUp(learner, { email });
  await learner.goto('/profile');
  await expect(learner.getByTestId('role')).toHaveText('Learner');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  await expect(admin).toHaveURL(/\/home$/);
  await admin.goto('/profile');
  await admin.getByRole('link', { name: 'Manage users and roles' }).click();
  await admin.getByLabel('Search by name or email').fill(email);
  await admin.getByRole('button', { name: 'Search' }).click();
  const row = admin.locator(`tr[data-email="${email}"]`);
  await row.getByLabel(`Role of ${email}`).selectOption('instructor');
  await row.getByRole('button', { name: 'Change' }).click();
  await expect(row.getByText('Role changed to instructor.')).toBeVisible();

  await learner.reload();
  await expect(learner.getByTestId('role')).toHaveText('Instructor');
  await learnerContext.close();
  await adminContext.close();
});

test('a learner opening the admin page by URL is refused', async ({ page }) => {
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText(demo.admin)).toHaveCount(0);
});

test('an admin reviews every module, quiz and case with its references; a learner cannot', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  await expect(admin).toHaveURL(/\/home$/);
  await admin.goto('/profile');
  await admin.getByRole('link', { name: 'Content review' }).click();
  await expect(admin.getByRole('heading', { name: 'Content review' })).toBeVisible();
  await expect(admin.getByText(/^12 modules, 12 quiz banks/)).toBeVisible();
  await expect(admin.locator('section[aria-labelledby="cases"] details')).toHaveCount(8);
  await expect(admin.locator('#sign-off li[data-evidence="K"]').first()).toBeAttached();
  await adminContext.close();

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signIn(learner, demo.learner);
  await expect(learner).toHaveURL(/\/home$/);
  expect((await learner.goto('/admin/content'))?.status()).toBe(403);
  await learnerContext.close();
});
