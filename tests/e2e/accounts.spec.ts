import { expect, test } from '@playwright/test';
import { demo, formAlert, signIn, signOut, signUp, uniqueEmail } from './support/fixtures';

test('a visitor signs up, signs out, is sent to sign in from a learner page, and comes back after signing in', async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, { email, name: 'Mehwish Test' });
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expect(page.getByTestId('role')).toHaveText('Learner');

  await signOut(page);
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test('a wrong password and an unknown email get the same answer', async ({ page }) => {
  await signIn(page, demo.learner, 'not-the-password');
  const wrongPassword = await formAlert(page).textContent();
  await signIn(page, uniqueEmail('nobody'), 'not-the-password');
  const unknownEmail = await formAlert(page).textContent();
  expect(wrongPassword).toContain('do not match an account');
  expect(unknownEmail).toBe(wrongPassword);
});

test('bad sign-up input is explained field by field and creates nothing', async ({ page }) => {
  const email = uniqueEmail();
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill('A');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password1234');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your name (at least 2 characters).')).toBeVisible();
  await expect(page.getByText(/Choose a harder password: it is on the lists of common and leaked passwords/)).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  // Nothing was created: the same email can sign up now.
  await signUp(page, { email });
});

test('a signed-up email cannot be registered twice', async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, { email });
  await signOut(page);
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('another-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists.')).toBeVisible();
});

test('the profile can be edited, and bad input changes nothing', async ({ page }) => {
  await signUp(page, { email: uniqueEmail() });
  await page.goto('/profile');
  await page.getByLabel('Full name').fill('Dr Farah Test');
  await page.getByLabel('I am a').selectOption('doctor');
  await page.getByLabel('Professional registration number (optional)').fill('12345-P');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await page.getByLabel('Professional registration number (optional)').fill('<script>');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('may contain letters, digits')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Full name')).toHaveValue('Dr Farah Test');
  await expect(page.getByLabel('Professional registration number (optional)')).toHaveValue('12345-P');
});

test('signing out on all devices ends the other sessions on the server', async ({ browser }) => {
  const email = uniqueEmail();
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signUp(a, { email });
  await signIn(b, email, 'a-long-password-1');
  await expect(b).toHaveURL(/\/home$/);

  await a.goto('/profile');
  await a.getByRole('button', { name: 'Sign out on all devices' }).click();
  await expect(a).toHaveURL(/\/sign-in/);
  await b.reload();
  await expect(b).toHaveURL(/\/sign-in\?next=%2Fhome$/);
  await first.close();
  await second.close();
});

test('sign-in is refused after repeated failures for one account', async ({ page }) => {
  const email = uniqueEmail('locked');
  await signUp(page, { email });
  await signOut(page);
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong-password-${i}`);
    await expect(formAlert(page)).toContainText('do not match');
  }
  await signIn(page, email, 'a-long-password-1');
  await expect(formAlert(page)).toContainText('Too many failed sign-in attempts');
  await expect(page).toHaveURL(/\/sign-in/);
});
