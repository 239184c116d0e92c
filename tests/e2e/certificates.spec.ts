import { type Browser, type Page, expect, test } from '@playwright/test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectNoSeriousViolations } from './support/a11y';
import { createCohort } from './support/cohorts';
import { demo, demoCollege, ownConnection, signIn, uniqueEmail } from './support/fixtures';
import { mailTo } from './support/inbox';
import { startQuiz, submitFromConfirm } from './support/quiz';

// The server runs without PUBLIC_URL (playwright.config.ts): every link must follow the port in use.
const port = process.env.E2E_PORT!;
const publicOrigin = `http://localhost:${port}`;

async function pdfText(page: Page, code: string) {
  const response = await page.request.get(`/certificates/${code}/pdf`);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

// A 1×1 PNG logo.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The demo college gets a signatory and a logo and a cohort for the practice certificate, which the demo doctor joins. */
async function doctorJoinsCollegeCohort(browser: Browser, doctor: Page) {
  const admin = await (await browser.newContext()).newPage();
  await ownConnection(admin);
  await signIn(admin, demo.admin, undefined, '/institutions');
  await admin.getByRole('link', { name: demoCollege, exact: true }).click();
  await admin.getByRole('link', { name: /^Settings/ }).click();
  await admin.getByLabel('Signatory’s name').fill('Prof Demo Principal');
  await admin.getByLabel('Signatory’s title').fill('Dean of Medicine');
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await admin.getByLabel('Logo file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await admin.getByRole('button', { name: 'Upload logo' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Logo saved.' })).toBeVisible();
  await admin.context().close();

  const teacher = await (await browser.newContext()).newPage();
  await ownConnection(teacher);
  await signIn(teacher, demo.instructor, undefined, '/teach/cohorts');
  await expect(teacher).toHaveURL(/\/teach\/cohorts$/, { timeout: 30_000 }); // signing in hashes a password: slow on a busy machine
  const { code } = await createCohort(teacher, `Practice ${Date.now()}`, demoCollege, 'practice-doctors');
  await teacher.context().close();
  await doctor.goto('/cohorts');
  await doctor.getByLabel('Join code').fill(code);
  await doctor.getByRole('button', { name: 'Join cohort' }).click();
  await expect(doctor.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
}

test('a doctor earns the certificate, the revoked certificate stays revoked through every page and more work until an admin reinstates it', async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.doctor);
  await expect(page).toHaveURL(/\/home$/);
  // In a cohort of the demo college: the certificate is earned through it.
  await doctorJoinsCollegeCohort(browser, page);

  // One lesson short: the checklist says exactly what is missing.
  await page.goto('/certificates');
  const programme = page.locator('[data-programme="practice-doctors"]');
  await expect(programme.getByText('Still to do: 1 of')).toBeVisible();
  await expect(programme.getByTestId('certificate')).toHaveCount(0);
  await programme.locator('li', { hasText: '(still to do)' }).getByRole('link').click();
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByText(/You have earned the certificate “Telemedicine Practice — Practising Doctors”/)).toBeVisible();

  await page.goto('/certificates');
  await expect(programme.getByTestId('certificate')).toContainText('Valid');
  const verifyUrl = (await programme.getByTestId('verify-url').textContent())!.trim();
  expect(verifyUrl).toMatch(new RegExp(`^${publicOrigin}/verify/[a-z2-9]{16}$`));
  const code = verifyUrl.split('/').at(-1)!;

  // The PDF: the holder, what the hours are, what it covers, and a verification address on this port.
  const text = await pdfText(page, code);
  for (const expected of ['Dr Hamid Demo', verifyUrl, '12 notional study hours', 'not accredited CPD credit', 'Mapped to the AAMC Telehealth Competencies (2021), tier 2', `Issued through ${demoCollege}`, 'Prof Demo Principal', 'Dean of Medicine']) {
    expect(text, expected).toContain(expected);
  }
  expect(text).not.toContain('localhost:3000');

  // The badge page explains the credential; its file verifies with the published key and names this port.
  await page.goto(`/certificates/${code}/badge`);
  await expect(page.getByRole('heading', { name: 'Your digital badge' })).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveValue(verifyUrl);
  const linkedIn = new URL((await page.getByTestId('linkedin').getAttribute('href'))!);
  expect(linkedIn.origin).toBe('https://www.linkedin.com');
  expect(Object.fromEntries(linkedIn.searchParams)).toMatchObject({ startTask: 'CERTIFICATION_NAME', name: 'Telemedicine Practice — Practising Doctors', certUrl: verifyUrl, certId: code });
  await expectNoSeriousViolations(page);
  const jwt = await (await page.request.get(`/certificates/${code}/credential`)).text();
  const jwks = await (await request.get('/.well-known/jwks.json')).json();
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
  expect(payload).toMatchObject({ iss: `${publicOrigin}/issuer`, vc: { id: verifyUrl, type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { name: 'Dr Hamid Demo' } } });
  expect(JSON.stringify(payload)).not.toContain('localhost:3000');
  const genuine = await (await request.post('/api/credentials/verify', { data: { credential: jwt } })).json();
  expect(genuine).toMatchObject({ verified: true, signatureValid: true, status: 'valid', holderName: 'Dr Hamid Demo' });
  const [h, p, s] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  claims.vc.credentialSubject.name = 'Someone Else';
  const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
  expect(await (await request.post('/api/credentials/verify', { data: { credential: forged } })).json()).toMatchObject({ verified: false, signatureValid: false });

  // The public page, from the address on the certificate, signed out, in plain words.
  const visitor = await browser.newContext();
  const stranger = await visitor.newPage();
  await stranger.goto(verifyUrl);
  await expect(stranger.getByTestId('verify-status')).toHaveText('Valid certificate');
  await expect(stranger.getByTestId('verify-sentence')).toContainText('Dr Hamid Demo completed every requirement of this programme');
  await expect(stranger.getByText('doctor@demo.telehealth.test')).toHaveCount(0);
  await expect(stranger.getByText('GET /api/verify')).toBeHidden(); // behind "For developers"
  const through = stranger.getByTestId('institution');
  await expect(through).toContainText(`${demoCollege}, signed by Prof Demo Principal, Dean of Medicine`);
  const logo = through.getByRole('img', { name: `Logo of ${demoCollege}` });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // An admin revokes it with a reason; revoking again is refused and keeps the first reason.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin, undefined, '/admin/certificates');
  const row = admin.locator(`tr[data-code="${code}"]`);
  await row.getByLabel('Reason to revoke').fill('Issued in error during a test');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByText('Revoked on')).toContainText('Issued in error during a test');
  await stranger.reload();
  await expect(stranger.getByTestId('verify-status')).toHaveText('Revoked certificate');
  expect((await (await request.get(`/api/verify/${code}`)).json()).status).toBe('revoked');

  // The holder opens every page and completes more work (a quiz attempt): no new certificate appears.
  for (const path of ['/', '/modules', '/progress', '/consults', '/quizzes', '/cohorts', '/profile', `/certificates/${code}/badge`, '/certificates']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  await startQuiz(page, 'foundations');
  await page.getByRole('button', { name: 'Review and submit' }).click();
  await submitFromConfirm(page);
  await page.goto('/certificates');
  await expect(programme.getByTestId('certificate')).toContainText('Revoked');
  await expect(programme.getByTestId('revoked-notice')).toContainText('no new certificate of this programme is issued to you');
  await admin.goto('/admin/certificates');
  await expect(admin.locator('tr[data-code]', { hasText: 'Dr Hamid Demo' })).toHaveCount(1);

  // Reinstated, with a reason: valid again, the same code, and the history kept.
  await admin.locator(`tr[data-code="${code}"]`).getByLabel('Reason to reinstate').fill('Revoked by mistake');
  await admin.locator(`tr[data-code="${code}"]`).getByRole('button', { name: 'Reinstate' }).click();
  await expect(admin.locator(`tr[data-code="${code}"]`).getByText('Valid', { exact: true })).toBeVisible();
  await stranger.reload();
  await expect(stranger.getByTestId('verify-status')).toHaveText('Valid certificate');
  await page.goto('/certificates');
  await expect(programme.getByTestId('certificate')).toContainText('Valid');
  expect((await programme.getByTestId('verify-url').textContent())!.trim()).toBe(verifyUrl);
  await visitor.close();
  await adminContext.close();
});

test("a cohort's join and invitation links point to the port in use", async ({ page }) => {
  await signIn(page, demo.instructor, undefined, '/teach/cohorts');
  await expect(page).toHaveURL(/\/teach\/cohorts$/);
  await createCohort(page, `Links ${Date.now()}`);
  await expect(page.getByTestId('join-link')).toHaveValue(new RegExp(`^${publicOrigin}/cohorts/join/[A-Z0-9]{10}$`));
  const invitee = uniqueEmail('links');
  await page.getByLabel('…or paste the emails').fill(['email', invitee].join('\n'));
  await page.getByRole('button', { name: 'Import roster' }).click();
  expect((await mailTo(invitee, 'Invitation to join')).text).toMatch(new RegExp(`${publicOrigin}/cohorts/invitations/[A-Za-z0-9_-]+`));
  const robots = await (await page.request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${publicOrigin}/sitemap.xml`);
  expect(await (await page.request.get('/sitemap.xml')).text()).toContain(`${publicOrigin}/modules/`);
});

test('a learner cannot download someone else’s certificate, and an unknown code is not found', async ({ page, request }) => {
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/home$/);
  expect((await page.request.get('/certificates/aaaaaaaaaaaaaaaa/pdf')).status()).toBe(404);
  expect((await page.request.get('/certificates/aaaaaaaaaaaaaaaa/credential')).status()).toBe(404);
  expect((await page.goto('/certificates/aaaaaaaaaaaaaaaa/badge'))?.status()).toBe(404);
  expect((await request.get('/api/verify/aaaaaaaaaaaaaaaa')).status()).toBe(404);
});
