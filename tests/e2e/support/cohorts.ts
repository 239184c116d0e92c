import { type Page, expect } from '@playwright/test';

/** Creates a cohort through the staff form (signed in as staff of the institution) and lands on its members page. */
export async function createCohort(page: Page, name: string, institution = 'Demo Medical College', programme = 'readiness-students') {
  await page.goto('/teach/cohorts');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create cohort' }) });
  await form.getByLabel('Cohort name').fill(name);
  await form.getByLabel('Institution').selectOption({ label: institution });
  await form.getByLabel('Prepares for the certificate').selectOption(programme);
  const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Due date').fill(due);
  await form.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page).toHaveURL(/\/teach\/cohorts\/[0-9a-f-]{36}\/members$/);
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const cohortUrl = page.url().replace(/\/members$/, '');
  return { code, cohortUrl };
}
