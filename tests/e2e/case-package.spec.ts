// Issue 19 part 3: a case exported by the CLI runs outside the site. The HTML package is opened from
// the file system and played to its debrief without one network request; the SCORM 1.2 package's
// SCO is played inside a minimal LMS page whose window.API records every call. Neither needs the
// site's server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FrameLocator, type Page, expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { CaseDef, ConsultNote } from '@/lib/content/schemas/case';
import { expectNoSeriousViolations } from './support/a11y';
import { choiceOf, loadCase } from './support/consult';

test.use({ viewport: { width: 360, height: 740 } });

const HTML_CASE = 'chest-pain-lagging-video';
const SCORM_CASE = 'pregnancy-headache-audio';
const LMS = 'http://lms.invalid/';
let dir = '';

function exportCase(id: string, format: 'html' | 'scorm') {
  execFileSync('npm', ['run', '-s', 'content:export', '--', 'case', id, '--format', format, '--out', dir], { stdio: 'pipe' });
}

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'case-package-'));
  exportCase(HTML_CASE, 'html');
  exportCase(SCORM_CASE, 'scorm');
});

const noteLabels: [keyof ConsultNote, string][] = [
  ['modality', 'Modality'],
  ['location', "Patient's location"],
  ['consent', 'Consent'],
  ['present', 'Who was present'],
  ['findings', 'Findings'],
  ['plan', 'Plan'],
  ['safetyNet', 'Safety-net and follow-up'],
];

/** The calls the stub LMS's API recorded. */
async function lmsCalls(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => Reflect.get(window, 'calls'));
}

/** Plays the expert path by clicking each choice's label, then writes the expert's note. */
async function playExpertPath(root: Page | FrameLocator, def: CaseDef) {
  await root.getByRole('button', { name: 'Start the consult' }).click();
  for (const [i, id] of def.expertPath.entries()) {
    await root.getByRole('button', { name: choiceOf(def, id).label, exact: true }).click();
    await expect(root.getByTestId('transcript').locator(':scope > li')).toHaveCount(i + 1);
  }
  await expect(root.getByRole('heading', { name: 'Write your teleconsult note' })).toBeVisible();
  for (const [field, label] of noteLabels) await root.getByLabel(label, { exact: true }).fill(def.note.expert[field]);
  await root.getByRole('button', { name: 'Finish and see the debrief' }).click();
}

test('the offline HTML package, opened from the file system, plays a case to its debrief with no network request', async ({ page }) => {
  test.setTimeout(120_000);
  const def = loadCase(HTML_CASE);
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(pathToFileURL(path.join(dir, `${HTML_CASE}.html`)).href);
  await expect(page.getByRole('heading', { level: 1, name: def.title })).toBeFocused();
  await expect(page.getByTestId('package-notice')).toContainText('not a TeleHealth Ready certificate');
  await expect(page.getByTestId('package-notice')).toContainText('answers included');
  await expect(page.getByTestId('lms-status')).toHaveText(/Playing on its own/);
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: 'Start the consult' }).click();
  await expect(page.getByRole('heading', { name: 'Now' })).toBeFocused();
  await expect(page.getByTestId('connection')).toHaveText('Video');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page);
  await page.goto(pathToFileURL(path.join(dir, `${HTML_CASE}.html`)).href);
  await playExpertPath(page, def);

  await expect(page.getByRole('heading', { name: '✓ Passed' })).toBeFocused();
  await expect(page.getByTestId('score')).toContainText(`Pass mark: ${def.pass.minScore}%`);
  await expect(page.getByTestId('ending')).toBeVisible();
  await page.getByText('Your path and the expert path').click();
  await expect(page.getByTestId('paths').getByRole('heading', { name: `The expert path (${def.expertPath.length})` })).toBeVisible();
  await expectNoSeriousViolations(page);

  expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  expect(problems).toEqual([]);
});

test('the SCORM 1.2 package reports initialize, score, status and finish to a stub LMS API', async ({ page }) => {
  test.setTimeout(120_000);
  const def = loadCase(SCORM_CASE);
  const files = unzipSync(readFileSync(path.join(dir, `${SCORM_CASE}.scorm12.zip`)));
  expect(Object.keys(files).sort()).toEqual(['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmanifest.xml', 'imsmd_rootv1p2p1.xsd', 'index.html']);
  const sco = Buffer.from(files['index.html'] ?? new Uint8Array()).toString('utf8');

  // The LMS: a page whose window.API records every call, with the SCO in a frame from the same origin.
  const stub = `<!doctype html><html lang="en"><head><title>Stub LMS</title></head><body>
<script>
window.calls = [];
const cmi = { 'cmi.core.lesson_status': 'not attempted' };
const log = (name, ...args) => { window.calls.push([name, ...args]); };
window.API = {
  LMSInitialize: (a) => (log('LMSInitialize', a), 'true'),
  LMSFinish: (a) => (log('LMSFinish', a), 'true'),
  LMSGetValue: (e) => (log('LMSGetValue', e), cmi[e] ?? ''),
  LMSSetValue: (e, v) => (log('LMSSetValue', e, v), (cmi[e] = v), 'true'),
  LMSCommit: (a) => (log('LMSCommit', a), 'true'),
  LMSGetLastError: () => '0',
  LMSGetErrorString: () => 'No error',
  LMSGetDiagnostic: () => '',
};
</script>
<iframe id="sco" title="Case" src="sco/index.html" style="width:100%;height:700px;border:0"></iframe>
</body></html>`;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route(`${LMS}**`, (route) => route.fulfill({ contentType: 'text/html', body: new URL(route.request().url()).pathname === '/sco/index.html' ? sco : stub }));

  await page.goto(LMS);
  const frame = page.frameLocator('#sco');
  await expect(frame.getByTestId('lms-status')).toHaveText(/Your LMS is recording this attempt/);
  await expect.poll(() => lmsCalls(page)).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'incomplete']);
  await playExpertPath(frame, def);
  await expect(frame.getByRole('heading', { name: '✓ Passed' })).toBeVisible();
  const percent = (await frame.getByTestId('score').locator('strong').textContent())?.replace('%', '');

  const calls = await lmsCalls(page);
  expect(calls[0]).toEqual(['LMSInitialize', '']);
  expect(calls).toContainEqual(['LMSSetValue', 'cmi.core.score.raw', percent]);
  expect(calls).toContainEqual(['LMSSetValue', 'cmi.core.score.min', '0']);
  expect(calls).toContainEqual(['LMSSetValue', 'cmi.core.score.max', '100']);
  expect(calls).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'passed']);
  expect(calls.at(-2)).toEqual(['LMSCommit', '']);
  expect(calls.at(-1)).toEqual(['LMSFinish', '']);
  await expect(frame.getByTestId('lms-status')).toHaveText(`Sent to your LMS: score ${percent}%, passed. Playing again here is practice: it is not sent.`);
  expect(requests.filter((url) => !url.startsWith(LMS))).toEqual([]);
  expect(requests).toEqual([LMS, `${LMS}sco/index.html`]);
});
