import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { choiceOf, enterRoom, expectTopWithinFourPhoneScreens, loadCase, nodesOnPath, play, transcriptEntries, writeNote } from './support/consult';
import { signIn, signUp, uniqueEmail } from './support/fixtures';
import { fragments } from './support/quiz';

test.use({ viewport: { width: 360, height: 740 } });

const C1 = 'infant-fever-lhw';
const C2 = 'pregnancy-headache-audio';
const C4 = 'chest-pain-lagging-video';
const password = 'a-long-password-1';

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a learner plays C2 along the expert path on audio only, writes the note, passes and reads the debrief', async ({ page }) => {
  test.setTimeout(240_000);
  const def = loadCase(C2);
  await signUp(page, { email: uniqueEmail('consult-pass'), password });
  await page.goto('/consults');
  const card = page.locator(`[data-case="${def.id}"]`);
  await expect(card.getByTestId('case-status')).toHaveText(/Not started/);
  await card.getByRole('link', { name: def.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: def.title })).toBeVisible();
  await page.getByRole('button', { name: 'Start the consult' }).click();
  await expect(page.getByTestId('connection')).toHaveText(/Audio only/);
  await noHorizontalScroll(page);
  await expectNoSeriousViolations(page, ['wcag2a', 'wcag2aa']);

  let entries = 0;
  for (const id of def.expertPath) {
    await page.getByRole('button', { name: choiceOf(def, id).label, exact: true }).click();
    entries += 1;
    await expect(transcriptEntries(page)).toHaveCount(entries);
    await expect(page.getByTestId('connection')).not.toHaveAttribute('data-connection', 'video');
  }
  await expect(page.getByRole('heading', { name: 'The consult has ended' })).toBeVisible();
  await noHorizontalScroll(page);
  await writeNote(page, def.note.expert);

  await expect(page.getByTestId('result')).toHaveText(/Passed/);
  await expect(page.getByTestId('score')).toHaveText(`Your score: 100%. Pass mark: ${def.pass.minScore}%.`);
  await expect(page.getByTestId('costliest')).toContainText('None of your decisions cost points.');
  await expectTopWithinFourPhoneScreens(page);
  await expectNoSeriousViolations(page, ['wcag2a', 'wcag2aa']);
  await page.getByTestId('paths').locator('summary').click();
  const expert = page.getByTestId('expert-path');
  for (const id of def.expertPath) await expect(expert.getByText(choiceOf(def, id).label, { exact: true })).toBeVisible();
  await expect(page.getByTestId('learner-path').getByText('✓ on the expert path', { exact: false })).toHaveCount(def.expertPath.length);
  await page.getByTestId('note-comparison').locator('summary').click();
  await expect(page.getByTestId('note-comparison')).toContainText(`${def.note.points} of ${def.note.points} points`);
  await page.getByTestId('case-about').locator('summary').click();
  await expect(page.getByTestId('case-about')).toContainText(def.debrief.diagnosis.slice(0, 60));
  await expect(page.getByRole('heading', { name: /^Sources \(\d+\)$/ })).toBeVisible();
  await noHorizontalScroll(page);
  await expectNoSeriousViolations(page, ['wcag2a', 'wcag2aa']);

  await page.goto('/consults');
  await expect(page.locator(`[data-case="${def.id}"]`).getByTestId('case-status')).toHaveText(/Passed/);
});

test('C4: keeping him at home with an antacid is a critical error and the case is not passed', async ({ page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-fail'), password });
  await enterRoom(page, def);
  await play(page, def, ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype']);
  await writeNote(page, { modality: 'Video', location: 'Home', consent: 'Verbal', present: 'Wife', findings: 'Gas pain', plan: 'Antacid', safetyNet: 'Review tomorrow' });

  await expect(page.getByTestId('result')).toHaveText(/Not passed/);
  await expect(page.getByTestId('result-why')).toContainText('you made a critical error');
  const errors = page.getByTestId('critical-errors');
  const antacid = def.rubric.criticalErrors.find((e) => e.id === 'antacid-follow-up');
  await expect(errors.getByText(antacid?.label ?? 'missing', { exact: false })).toBeVisible();
  await expect(page.getByTestId('costliest').locator('li').first()).toContainText(choiceOf(def, 'assess-gas-stereotype').why ?? 'missing');
  await expect(page.getByTestId('costliest').locator('li')).toHaveCount(3);
  // A failed case never reads as praise, and lists no error the learner was never offered.
  await expect(page.getByTestId('debrief-top')).not.toContainText(/avoided|✓/);
  await expectTopWithinFourPhoneScreens(page);
  await expectNoSeriousViolations(page, ['wcag2a', 'wcag2aa']);
  // Sources are numbered and listed once, collapsed at the end; a number opens them at its citation.
  await errors.getByRole('link', { name: /^Source \d+$/ }).first().click();
  await expect(page.getByTestId('sources')).toHaveAttribute('open', '');
  await expect(page.getByTestId('sources').getByText(/NICE/).first()).toBeVisible();
  await page.getByTestId('note-comparison').locator('summary').click();
  await expect(page.getByTestId('missing-plan')).toContainText('Named destination');

  await page.goto('/consults');
  await expect(page.locator(`[data-case="${def.id}"]`).getByTestId('case-status')).toHaveText(/Not passed/);
});

test('C1: the picture freezes at minute 3 and the room says so, in words', async ({ page }) => {
  const def = loadCase(C1);
  await signUp(page, { email: uniqueEmail('consult-freeze'), password });
  await enterRoom(page, def);
  await expect(page.getByTestId('connection')).toHaveText(/Video/);
  await play(page, def, ['open-intro', 'plan-callback']);
  await expect(page.getByTestId('connection')).toHaveText('Connection: Video');
  await play(page, def, ['verify-identity']);
  const freeze = def.events.find((e) => e.atMinute === 3);
  await expect(page.getByTestId('connection')).toHaveText(/Video frozen/);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'frozen');
  await expect(page.getByTestId('connection-notice')).toContainText(freeze?.text ?? 'missing');
  await expect(page.getByText('Picture frozen')).toBeVisible();
  await expect(page.getByTestId('clock')).toContainText('03:00');

  // The call-back choice is offered now that the picture is frozen; keyboard alone takes it.
  const callback = page.getByRole('button', { name: choiceOf(def, 'consent-freeze-callback').label, exact: true });
  await callback.focus();
  await page.keyboard.press('Enter');
  await expect(transcriptEntries(page)).toHaveCount(4);
  await expect(page.getByTestId('connection')).toHaveText(/Audio only/);
  await expect(page.locator('#now-heading')).toBeFocused();
});

test('a learner leaves mid-case, comes back in a new browser, and resumes at the same point with the same transcript', async ({ browser }) => {
  const def = loadCase(C4);
  const email = uniqueEmail('consult-resume');
  const first = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await first.newPage();
  await signUp(page, { email, password });
  await enterRoom(page, def);
  await play(page, def, ['open-brief', 'capture-location', 'switch-to-gsm', 'hx-onset']);
  const transcript = await page.getByTestId('transcript').innerText();
  const current = await page.getByTestId('current-lines').innerText();
  const clock = await page.getByTestId('clock').innerText();
  await first.close();

  const second = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const again = await second.newPage();
  await signIn(again, email, password);
  await expect(again).toHaveURL(/\/home$/);
  await again.goto('/consults');
  await expect(again.locator(`[data-case="${def.id}"]`).getByTestId('case-status')).toHaveText(/In progress/);
  await again.goto('/home'); // where sign-in lands: the consult left open comes first
  await expect(again.locator('[data-resume]').first()).toHaveAttribute('data-resume', 'consult');
  await again.locator('[data-resume="consult"]').getByRole('link', { name: `Continue: ${def.title}` }).click();
  await again.getByRole('link', { name: 'Resume the consult' }).click();
  await expect(again).toHaveURL(new RegExp(`/consults/${def.id}/room`));
  await expect(transcriptEntries(again)).toHaveCount(4);
  expect(await again.getByTestId('transcript').innerText()).toBe(transcript);
  expect(await again.getByTestId('current-lines').innerText()).toBe(current);
  expect(await again.getByTestId('clock').innerText()).toBe(clock);
  await play(again, def, ['hx-character']);
  await second.close();
});

test('mid-case, the room page HTML and its RSC payload hold no unreached node, no feedback and no rubric', async ({ page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-leak'), password });
  await enterRoom(page, def);
  const taken = ['open-brief', 'capture-location'];
  await play(page, def, taken);
  const reached = nodesOnPath(def, taken);

  const roomUrl = `/consults/${def.id}/room`;
  const html = await (await page.request.get(roomUrl)).text();
  const rscResponse = await page.request.get(roomUrl, { headers: { RSC: '1' } });
  expect(rscResponse.headers()['content-type']).toContain('text/x-component');
  const rsc = await rscResponse.text();

  // The current node is there (so the comparison can see text at all)...
  const here = def.nodes['channel'];
  const shown = fragments([...(here?.say ?? []).map((l) => l.text), here?.show ?? ''].join(' '));
  expect(shown.length).toBeGreaterThan(0);
  for (const payload of [html, rsc]) expect(shown.some((f) => payload.includes(f))).toBe(true);

  // ...and nothing else: no unreached node, no choice of one, no feedback, no rubric or expert note
  // (leaving out the few runs of words that also occur in what the learner has legitimately seen).
  const secrets: string[] = [];
  const seen: string[] = [def.title, def.summary, def.setting, def.language ?? ''];
  for (const [id, node] of Object.entries(def.nodes)) {
    const texts = [...node.say.map((l) => l.text), node.show ?? '', node.end?.text ?? '', ...node.choices.map((c) => c.label)];
    if (reached.has(id)) seen.push(...texts);
    else secrets.push(...texts);
    for (const c of node.choices) {
      secrets.push(c.feedback, c.why ?? '');
      (taken.includes(c.id) ? seen : secrets).push(...c.reply.map((l) => l.text));
    }
  }
  secrets.push(...[...def.rubric.criticalActions, ...def.rubric.criticalErrors].map((i) => i.label), ...Object.values(def.note.expert));
  secrets.push(def.debrief.diagnosis, def.debrief.disposition, ...def.debrief.objectives);
  secrets.push(...Object.values(def.note.keyFacts).flatMap((facts) => facts.map((f) => f.fact)));
  // The site's own words (header, footer) are on every page: a page without case content gives them.
  const visible = [...seen, await (await page.request.get('/profile')).text()].join(' ').replace(/\s+/g, ' ');
  const distinctive = secrets.flatMap(fragments).filter((f) => !visible.includes(f));
  expect(distinctive.length).toBeGreaterThan(100);
  const farEnding = fragments(def.nodes['end-unsafe-home']?.say[0]?.text ?? '');
  expect(farEnding.length).toBeGreaterThan(0);
  for (const payload of [html, rsc]) {
    for (const fragment of [...distinctive, ...farEnding]) expect(payload, fragment).not.toContain(fragment);
    for (const word of ['feedback', 'criticalErrors', 'expertPath', 'home-and-follow-up', 'location-captured', '"scores"', '"flags"', 'keyFacts', 'spoilerTerms', 'disposition']) {
      expect(payload).not.toContain(word);
    }
  }
});

test('a double click on a choice advances the consult once', async ({ page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-double'), password });
  await enterRoom(page, def);
  await page.getByRole('button', { name: choiceOf(def, 'open-brief').label, exact: true }).dblclick();
  await expect(transcriptEntries(page)).toHaveCount(1);
  await page.reload();
  await expect(transcriptEntries(page)).toHaveCount(1);
  await expect(page.getByTestId('current-lines')).toContainText(fragments(def.nodes['location']?.say[0]?.text ?? '')[0] ?? 'missing');
});

test('without JavaScript the room works as plain forms: start, choose, and the note form at the end', async ({ browser, page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-nojs'), password });
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), viewport: { width: 360, height: 740 } });
  const noJs = await plain.newPage();
  await enterRoom(noJs, def);
  await play(noJs, def, ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype']);
  await expect(noJs.getByRole('heading', { name: 'The consult has ended' })).toBeVisible();
  await writeNote(noJs, { modality: 'Video', location: 'Home', consent: 'Verbal', present: 'Wife', findings: 'Gas pain', plan: 'Antacid', safetyNet: 'Review tomorrow' });
  await expect(noJs.getByTestId('result')).toHaveText(/Not passed/);
  await plain.close();
});

test('on a slow link, a tapped choice says it is being sent and no other choice can be sent meanwhile', async ({ page }) => {
  const def = loadCase(C4);
  await signUp(page, { email: uniqueEmail('consult-slow'), password });
  await enterRoom(page, def);
  await play(page, def, ['open-brief']);
  // Hold the step's request (a server action posts to the room) until the test lets it go.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/consults/${def.id}/room`, async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  const label = choiceOf(def, 'capture-location').label;
  await page.getByRole('button', { name: label, exact: true }).click();
  const pressed = page.locator('button[data-sending]');
  await expect(pressed).toContainText('Sending…');
  await expect(pressed).toContainText(label);
  await expect(page.getByTestId('choice-status')).toHaveText('Sending your choice…');
  const others = page.locator('form:has(input[name="choiceId"]) button');
  for (const button of await others.all()) await expect(button).toBeDisabled();
  release();
  await expect(transcriptEntries(page)).toHaveCount(2);
  await expect(page.getByTestId('choice-status')).toHaveText('');
  await page.unroute(`**/consults/${def.id}/room`);
  await page.reload();
  await expect(transcriptEntries(page)).toHaveCount(2);
});
