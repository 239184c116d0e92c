// Institutions end to end: a platform admin creates two and appoints an admin for each; each admin
// runs their own staff, settings and cohorts, and nothing of the other institution shows.
import { type Browser, type Page, expect, test } from '@playwright/test';
import { axeViolations } from './support/a11y';
import { createCohort } from './support/cohorts';
import { demo, formAlert, ownConnection, signIn, signUp, uniqueEmail } from './support/fixtures';

// A 1×1 PNG: a logo needs no more to be stored, served and printed.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function person(browser: Browser, prefix: string, name: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(prefix);
  await signUp(page, { email, name });
  return { page, email };
}

async function appointHere(page: Page, email: string, role: 'admin' | 'instructor' | 'viewer') {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Appoint' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Appointed' })).toBeVisible();
}

test('a platform admin creates two institutions with an admin each; each admin runs only their own staff, settings and cohorts', async ({ browser }) => {
  const stamp = Date.now();
  const [adminA, adminB, teacher, dean] = [
    await person(browser, 'admin-a', 'Dr Admin Alpha'),
    await person(browser, 'admin-b', 'Dr Admin Beta'),
    await person(browser, 'teacher', 'Dr Teacher Alpha'),
    await person(browser, 'dean', 'Prof Dean Alpha'),
  ];

  const platform = await (await browser.newContext()).newPage();
  await ownConnection(platform);
  await signIn(platform, demo.admin, undefined, '/admin/institutions');
  await expect(platform).toHaveURL(/\/admin\/institutions$/);
  const ids: string[] = [];
  for (const [name, admin] of [
    [`Alpha Medical College ${stamp}`, adminA.email],
    [`Beta Institute of Health ${stamp}`, adminB.email],
  ] as const) {
    await platform.goto('/admin/institutions');
    await platform.getByLabel('Full name').fill(name);
    await platform.getByLabel('Short name').fill(name.slice(0, 5).toUpperCase());
    await platform.getByLabel('Province or region').fill('Punjab');
    await platform.getByRole('button', { name: 'Create institution' }).click();
    await expect(platform).toHaveURL(/\/institutions\/[0-9a-f-]{36}\/staff$/);
    ids.push(platform.url().split('/').at(-2)!);
    await appointHere(platform, admin, 'admin');
  }
  const [alpha, beta] = ids as [string, string];
  // The same name again is refused with a message.
  await platform.goto('/admin/institutions');
  await platform.getByLabel('Full name').fill(`Alpha Medical College ${stamp}`);
  await platform.getByLabel('Short name').fill('AMC');
  await platform.getByRole('button', { name: 'Create institution' }).click();
  await expect(formAlert(platform)).toContainText('Another institution already has that name');

  // Alpha's admin appoints an instructor and a viewer, and sets the signatory and logo.
  const a = adminA.page;
  await a.goto('/institutions');
  await a.getByRole('link', { name: `Alpha Medical College ${stamp}` }).click();
  await a.getByRole('link', { name: 'Staff and roles' }).click();
  await appointHere(a, teacher.email, 'instructor');
  await appointHere(a, dean.email, 'viewer');
  await expect(a.locator(`tr[data-email="${dean.email}"]`)).toContainText('Prof Dean Alpha');
  expect(await axeViolations(a, ['wcag2a', 'wcag2aa'])).toEqual([]);
  await a.goto(`/institutions/${alpha}/settings`);
  await a.getByLabel('Signatory’s name').fill('Prof. Alpha Principal');
  await a.getByLabel('Signatory’s title').fill('Principal');
  await a.getByRole('button', { name: 'Save settings' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await a.getByLabel('Logo file').setInputFiles({ name: 'logo.txt', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await a.getByRole('button', { name: 'Upload logo' }).click();
  await expect(a.getByText('The logo must be a PNG or JPEG image.')).toBeVisible();
  await a.getByLabel('Logo file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await a.getByRole('button', { name: 'Upload logo' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Logo saved.' })).toBeVisible();
  await a.reload();
  const src = await a.getByRole('img', { name: /Current logo of Alpha/ }).getAttribute('src');
  const logo = await a.request.get(src!);
  expect(logo.headers()['content-type']).toBe('image/png');
  expect(logo.headers()['cache-control']).toContain('immutable');
  expect(Buffer.from(await logo.body()).equals(png)).toBe(true);

  // Alpha's admin creates a cohort of their own there too.
  await createCohort(a, `Alpha admin's cohort ${stamp}`, `Alpha Medical College ${stamp}`);

  // The instructor creates a cohort at Alpha (the only institution offered to them).
  await teacher.page.goto('/teach/cohorts');
  await expect(teacher.page.getByLabel('Institution').locator('option')).toHaveText([`Alpha Medical College ${stamp}`]);
  const { cohortUrl } = await createCohort(teacher.page, `Alpha MBBS ${stamp}`, `Alpha Medical College ${stamp}`);
  // Alpha's admin runs it too; Beta's admin sees nothing of Alpha.
  expect((await a.goto(cohortUrl))?.status()).toBe(200);
  const b = adminB.page;
  for (const path of [`/institutions/${alpha}`, `/institutions/${alpha}/staff`, `/institutions/${alpha}/settings`, cohortUrl]) {
    expect((await b.goto(path))?.status(), path).toBe(404);
    await expect(b.getByText('Prof Dean Alpha')).toHaveCount(0);
  }
  await b.goto('/institutions');
  await expect(b.getByTestId('institutions')).not.toContainText('Alpha Medical College');
  expect((await b.goto(`/institutions/${beta}/staff`))?.status()).toBe(200);

  // The viewer reads the overview and changes nothing: no staff or settings pages.
  const d = dean.page;
  await d.goto(`/institutions/${alpha}`);
  await expect(d.getByTestId('institution-counts')).toContainText('2 cohorts');
  await expect(d.getByText('Prof. Alpha Principal, Principal')).toBeVisible();
  await expect(d.getByRole('link', { name: 'Staff and roles' })).toHaveCount(0);
  expect((await d.goto(`/institutions/${alpha}/staff`))?.status()).toBe(404);
  expect((await d.goto(cohortUrl))?.status()).toBe(404);
  await d.goto('/teach/cohorts');
  await expect(d.getByText('You are not an instructor at any institution yet')).toBeVisible();

  for (const page of [platform, a, b, teacher.page, d]) await page.context().close();
});

test('a co-teacher from the same institution runs the cohort; a colleague from elsewhere cannot be added', async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await ownConnection(owner);
  await signIn(owner, demo.instructor, undefined, '/teach/cohorts');
  await expect(owner).toHaveURL(/\/teach\/cohorts$/);
  const { cohortUrl } = await createCohort(owner, `Shared ${Date.now()}`);
  const colleague = await person(browser, 'colleague', 'Dr Colleague');
  await owner.getByLabel('Colleague’s email').fill(colleague.email);
  await owner.getByRole('button', { name: 'Add co-teacher' }).click();
  await expect(owner.getByText('They are not an instructor at this cohort’s institution')).toBeVisible();
  expect((await colleague.page.goto(cohortUrl))?.status()).toBe(403);

  const platform = await (await browser.newContext()).newPage();
  await ownConnection(platform);
  await signIn(platform, demo.admin, undefined, '/institutions');
  await expect(platform).toHaveURL(/\/institutions$/);
  await platform.getByRole('link', { name: 'Demo Medical College', exact: true }).click();
  await platform.getByRole('link', { name: 'Staff and roles' }).click();
  await appointHere(platform, colleague.email, 'instructor');
  await owner.getByLabel('Colleague’s email').fill(colleague.email);
  await owner.getByRole('button', { name: 'Add co-teacher' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  await expect(owner.getByTestId('teachers')).toContainText('Dr Colleague');
  expect((await colleague.page.goto(cohortUrl))?.status()).toBe(200);
  for (const page of [owner, platform, colleague.page]) await page.context().close();
});
