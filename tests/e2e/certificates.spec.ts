import { expect, test } from '@playwright/test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { extractText, getDocumentProxy } from 'unpdf';
import { demo, signIn } from './support/fixtures';

test('a doctor meets the last requirement, gets the certificate, and anyone can verify it until an admin revokes it', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.doctor);
  await expect(page).toHaveURL(/\/profile$/);

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
  expect(verifyUrl).toMatch(/\/verify\/[a-z2-9]{16}$/);
  const code = verifyUrl.split('/').at(-1)!;

  // The PDF carries the holder's name and the verification URL.
  const pdfResponse = await page.request.get(`/certificates/${code}/pdf`);
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await pdfResponse.body()));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain('Dr Hamid Demo');
  expect(text).toContain(verifyUrl);
  expect(text).toContain('12 CPD hours');

  // The public page, from the URL on the certificate, signed out.
  const visitor = await browser.newContext();
  const stranger = await visitor.newPage();
  await stranger.goto(verifyUrl);
  await expect(stranger.getByTestId('verify-status')).toHaveText('Valid certificate');
  await expect(stranger.getByTestId('holder')).toHaveText('Dr Hamid Demo');
  await expect(stranger.getByText('doctor@demo.telehealth.test')).toHaveCount(0);

  // The Open Badges credential verifies with the published key; a tampered copy does not.
  const jwt = await (await page.request.get(`/certificates/${code}/badge`)).text();
  const jwks = await (await request.get('/.well-known/jwks.json')).json();
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
  expect(payload).toMatchObject({ vc: { type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { name: 'Dr Hamid Demo' } } });
  const genuine = await (await request.post('/api/credentials/verify', { data: { credential: jwt } })).json();
  expect(genuine).toMatchObject({ verified: true, signatureValid: true, status: 'valid', holderName: 'Dr Hamid Demo' });
  const [h, p, s] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  claims.vc.credentialSubject.name = 'Someone Else';
  const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
  const refused = await (await request.post('/api/credentials/verify', { data: { credential: forged } })).json();
  expect(refused).toMatchObject({ verified: false, signatureValid: false });

  // An admin revokes it with a reason; the public page flips to revoked.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  await expect(admin).toHaveURL(/\/profile$/);
  await admin.goto('/admin/certificates');
  const row = admin.locator(`tr[data-code="${code}"]`);
  await row.getByLabel('Reason for revoking').fill('Issued in error during a test');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByText('Revoked: Issued in error during a test')).toBeVisible();
  await stranger.reload();
  await expect(stranger.getByTestId('verify-status')).toHaveText('Revoked certificate');
  const api = await (await request.get(`/api/verify/${code}`)).json();
  expect(api.status).toBe('revoked');
  await visitor.close();
  await adminContext.close();
});

test('a learner cannot download someone else’s certificate, and an unknown code is not found', async ({ page, request }) => {
  await signIn(page, demo.learner);
  await expect(page).toHaveURL(/\/profile$/);
  expect((await page.request.get('/certificates/aaaaaaaaaaaaaaaa/pdf')).status()).toBe(404);
  expect((await request.get('/api/verify/aaaaaaaaaaaaaaaa')).status()).toBe(404);
});
