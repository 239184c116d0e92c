import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildBank } from '@/lib/content/formats/bank';
import { normalizeMarkdown } from '@/lib/content/formats/markdown';
import { readMoodleXml } from '@/lib/content/formats/moodle-xml-read';
import { demo, signIn, signUp, uniqueEmail } from './support/fixtures';
import { bank } from './support/quiz';

// A bank leaves the site only for staff: the Moodle XML holds every answer key and rationale.
const exportUrl = '/quizzes/foundations/statistics/moodle.xml';

test('signed out the Moodle export is 401, for a learner 403', async ({ browser, request }) => {
  const anonymous = await request.get(exportUrl);
  expect(anonymous.status()).toBe(401);
  const context = await browser.newContext();
  const learner = await context.newPage();
  await signUp(learner, { email: uniqueEmail('export') });
  const refused = await learner.request.get(exportUrl);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('fraction=');
  await context.close();
});

test('an instructor downloads the bank from its statistics page, and it imports back as the same questions', async ({ page }) => {
  await signIn(page, demo.instructor);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/quizzes/foundations/statistics');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('moodle-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('foundations.moodle.xml');
  const xml = readFileSync((await download.path()) ?? '', 'utf8');

  const shipped = bank('foundations');
  const back = buildBank(readMoodleXml(xml, { bankId: 'foundations' }), { id: 'foundations', module: 'foundations', title: shipped.title }).bank;
  const essentials = (questions: typeof shipped.questions) =>
    questions.map((q) => ({ id: q.id, options: q.options.map((o) => normalizeMarkdown(o.text)), key: q.key, rationale: normalizeMarkdown(q.rationale) }));
  expect(essentials(back?.questions ?? [])).toEqual(essentials(shipped.questions));
});
