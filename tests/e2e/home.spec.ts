import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { demo, signIn, signOut, signUp, uniqueEmail } from './support/fixtures';

// The signed-in home, the header that knows who is signed in on prerendered pages, and the welcome.
const firstLesson = '/modules/foundations/what-is-telemedicine';

test('a new learner is welcomed, starts the first lesson, and the home continues where they left off', async ({ page }) => {
  test.setTimeout(180_000);
  // Signed out, a prerendered lesson's header offers "Sign in".
  await page.goto(firstLesson);
  await expect(page.getByTestId('header-sign-in')).toBeVisible();
  await expect(page.getByTestId('header-home')).toHaveCount(0);

  await signUp(page, { email: uniqueEmail('home'), name: 'Hina Home' });
  await expect(page.getByRole('heading', { name: 'Welcome, Hina' })).toBeVisible();
  await expect(page.getByTestId('header-home')).toBeVisible();
  await expect(page.getByTestId('header-sign-in')).toHaveCount(0);
  // The hint is only a hint: readable by scripts, holding no identity.
  const hint = (await page.context().cookies()).find((c) => c.name === 'thr-hint');
  expect(hint?.value).toBe('signed-in');
  expect(hint?.httpOnly).toBe(false);

  // 1. The programme.
  await page.getByLabel(/Practising doctor/).check();
  await page.getByRole('button', { name: 'Save my programme' }).click();
  await expect(page.getByText('Saved: you follow the programme for practising doctors.')).toBeVisible();
  // 2. A join code that does not exist is refused and nothing changes.
  await page.getByLabel('Join code').fill('NOSUCHCODE');
  await page.getByRole('button', { name: 'Join cohort' }).click();
  await expect(page.locator('.notice[role="alert"]')).toBeVisible();
  await expect(page).toHaveURL(/\/welcome$/);
  // 3. The first lesson.
  await page.getByRole('link', { name: /^Start “/ }).click();
  await expect(page).toHaveURL(new RegExp(`${firstLesson}$`));
  await expect(page.getByTestId('header-home')).toBeVisible();
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByTestId('lesson-complete')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('header-home').click();
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
  const next = page.locator('[data-resume="lesson"]');
  await expect(next).toContainText('Next lesson');
  await expect(next.getByRole('link')).toHaveAttribute('href', '/modules/foundations/consultation-frameworks');
  // The programme: a bar, how many things are left, and the next step.
  const programme = page.locator('[data-home-programme="practice-doctors"]');
  await expect(programme.getByRole('progressbar')).toBeVisible();
  await expect(programme).toContainText(/\d+ things left/);
  await expect(programme.getByTestId('next-step')).toContainText('Next step:');

  // The certificates page's checklist starts with the count and groups modules, quizzes and consults.
  await page.goto('/certificates');
  const checklist = page.locator('[data-programme="practice-doctors"]').getByTestId('checklist');
  await expect(checklist.getByTestId('things-left')).toHaveText(/^\d+ things left/);
  for (const group of ['modules', 'quizzes', 'consults']) await expect(checklist.locator(`[data-checklist-group="${group}"]`).getByRole('progressbar')).toBeVisible();

  await signOut(page);
  await page.goto(firstLesson);
  await expect(page.getByTestId('header-sign-in')).toBeVisible();
  expect((await page.context().cookies()).find((c) => c.name === 'thr-hint')).toBeUndefined();
});

test('staff see "Teaching" in the header and their cohorts at a glance on the home; sign-in lands there', async ({ page }) => {
  await signIn(page, demo.instructor);
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  await expect(page.getByTestId('header-teaching')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your cohorts at a glance' })).toBeVisible();
  await page.goto(firstLesson);
  await page.getByTestId('header-teaching').click();
  await expect(page).toHaveURL(/\/teach\/cohorts$/);
});

test('the landing page offers a signed-in person their home, not a new account', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Create a free account' })).toBeVisible();
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Go to your home' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a free account' })).toHaveCount(0);
});

test('the home has no serious or critical accessibility violations, contrast included, in the light and the dark theme', async ({ page }) => {
  // Four axe scans: slow on a busy machine.
  test.setTimeout(240_000);
  await signIn(page, demo.doctor);
  await expect(page).toHaveURL(/\/home$/, { timeout: 30_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(15, 20, 25)' : 'rgb(247, 249, 250)');
    await expectNoSeriousViolations(page);
    await page.goto(firstLesson);
    await expectNoSeriousViolations(page);
    await page.goto('/home');
  }
});
