// Readiness above the cohort, end to end: a viewer (a dean) appointed at the demo college reads its
// dashboard and downloads its CSV; a platform admin reads the national view, whose row for the
// college is the college's total; someone from outside the college is not shown it.
import { readFile } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { axeViolations } from './support/a11y';
import { createCohort } from './support/cohorts';
import { appoint, demo, demoCollege, ownConnection, signIn, signUp, uniqueEmail } from './support/fixtures';

/** A CSV download's rows, split into cells (these files quote nothing the test reads). */
async function downloadCsv(page: Page, link: string): Promise<string[][]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const download = await downloading;
  const text = await readFile((await download.path())!, 'utf8');
  return text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
}

const column = (header: string[], name: string) => {
  const i = header.indexOf(name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return i;
};

test('a viewer reads the institution dashboard and exports its CSV; the national view agrees; an outsider is refused', async ({ browser }) => {
  // The demo instructor runs a cohort at the college; a learner joins it and starts.
  const teacher = await (await browser.newContext()).newPage();
  await ownConnection(teacher);
  await signIn(teacher, demo.instructor, undefined, '/teach/cohorts');
  await expect(teacher).toHaveURL(/\/teach\/cohorts$/, { timeout: 30_000 });
  const name = `Dean's view ${Date.now()}`;
  const { code } = await createCohort(teacher, name);
  const learner = await (await browser.newContext()).newPage();
  await signUp(learner, { email: uniqueEmail('readiness'), name: 'Hira Readiness' });
  await learner.goto('/cohorts');
  await learner.getByLabel('Join code').fill(code);
  await learner.getByRole('button', { name: 'Join cohort' }).click();
  await expect(learner.getByRole('status').filter({ hasText: `You joined ${name}` })).toBeVisible();

  // A dean is appointed viewer at the college and finds its readiness from the institution page.
  const deanEmail = uniqueEmail('dean');
  const dean = await (await browser.newContext()).newPage();
  await signUp(dean, { email: deanEmail, name: 'Prof Dean Readiness' });
  await appoint(browser, deanEmail, 'viewer');
  await dean.goto('/institutions');
  await dean.getByRole('link', { name: demoCollege, exact: true }).click();
  await dean.getByRole('link', { name: /Readiness of its cohorts/ }).click();
  await expect(dean.getByRole('heading', { level: 1 })).toHaveText(`Readiness: ${demoCollege}`);
  const table = dean.getByTestId('institution-cohorts');
  const row = table.locator('tbody tr', { hasText: name });
  await expect(row.locator('[data-col="learners"]')).toHaveText('1');
  await expect(row.locator('[data-col="not-started"]')).toHaveText('1');
  // A viewer reads figures, not learners: the cohort's own dashboard is not linked for them.
  await expect(row.getByRole('link')).toHaveCount(0);
  await expect(dean.getByTestId('counting-rule')).toContainText('counts once in each');
  await expect(dean.getByTestId('institution-trend').locator('tbody tr')).toHaveCount(12);
  expect(await axeViolations(dean, ['wcag2a', 'wcag2aa'])).toEqual([]);
  const pageTotal = Number(await table.locator('tfoot [data-col="learners"]').textContent());

  const [header, ...rows] = await downloadCsv(dean, 'Export these figures (CSV)');
  const learners = column(header!, 'learners');
  const mine = rows.find((r) => r[1] === name);
  expect(mine?.[learners]).toBe('1');
  const total = rows.find((r) => r[0] === 'institution')!;
  expect(total[1]).toBe(demoCollege);
  const cohortRows = rows.filter((r) => r[0] === 'cohort');
  for (const col of ['learners', 'ready', 'on_track', 'behind', 'not_started']) {
    const i = column(header!, col);
    expect(Number(total[i])).toBe(cohortRows.reduce((s, r) => s + Number(r[i]), 0));
  }
  expect(Number(total[learners])).toBe(pageTotal);

  // The national view: the college's row is the college's total; a viewer cannot open it.
  const admin = await (await browser.newContext()).newPage();
  await ownConnection(admin);
  await signIn(admin, demo.admin, undefined, '/admin/readiness');
  await expect(admin).toHaveURL(/\/admin\/readiness$/, { timeout: 30_000 });
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('National readiness');
  const college = admin.getByTestId('national-institutions').locator('tbody tr', { has: admin.getByRole('link', { name: demoCollege, exact: true }) });
  await expect(college.locator('[data-col="learners"]')).toHaveText(String(pageTotal));
  expect(await axeViolations(admin, ['wcag2a', 'wcag2aa'])).toEqual([]);
  const [nationalHeader, ...nationalRows] = await downloadCsv(admin, 'Export these figures (CSV)');
  const platform = nationalRows.find((r) => r[0] === 'platform')!;
  const i = column(nationalHeader!, 'learners');
  expect(Number(platform[i])).toBe(nationalRows.filter((r) => r[0] === 'institution').reduce((s, r) => s + Number(r[i]), 0));
  expect((await dean.request.get('/admin/readiness.csv')).status()).toBe(403);

  // Someone who is not staff of the college gets "not found", page and file alike.
  const institutionUrl = dean.url();
  const outsider = await (await browser.newContext()).newPage();
  await signUp(outsider, { email: uniqueEmail('outsider'), name: 'Not Staff' });
  const refused = await outsider.goto(institutionUrl);
  expect(refused?.status()).toBe(404);
  expect((await outsider.request.get(`${institutionUrl}.csv`)).status()).toBe(404);
});
