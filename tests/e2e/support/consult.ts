// Virtual-consult helpers for the end-to-end tests: the cases read from content/ (never from the
// browser), and the steps a learner takes through the room.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Page, expect } from '@playwright/test';
import { parse } from 'yaml';
import { type CaseDef, type ConsultNote, caseSchema } from '@/lib/content/schemas/case';

// The cases as the tests know them: read from content/, never from the browser.
export function loadCase(id: string): CaseDef {
  return caseSchema.parse(parse(readFileSync(path.join(process.cwd(), 'content', 'cases', `${id}.yaml`), 'utf8')));
}

export function choiceOf(def: CaseDef, id: string) {
  for (const node of Object.values(def.nodes)) {
    const choice = node.choices.find((c) => c.id === id);
    if (choice) return choice;
  }
  throw new Error(`${def.id} has no choice ${id}`);
}

/** The nodes a path of choices passes through, and the node it stops at. */
export function nodesOnPath(def: CaseDef, ids: string[]): Set<string> {
  const nodes = new Set([def.start]);
  for (const id of ids) nodes.add(choiceOf(def, id).next);
  return nodes;
}

const noteLabels: Record<keyof ConsultNote, string> = {
  modality: 'Modality',
  location: "Patient's location",
  consent: 'Consent',
  present: 'Who was present',
  findings: 'Findings',
  plan: 'Plan',
  safetyNet: 'Safety-net and follow-up',
};

export const transcriptEntries = (page: Page) => page.getByTestId('transcript').locator(':scope > li');

/** From the case brief into the room (starting or resuming). */
export async function enterRoom(page: Page, def: CaseDef, button: 'Start the consult' | 'Resume the consult' = 'Start the consult') {
  await page.goto(`/consults/${def.id}`);
  await page.getByRole(button === 'Start the consult' ? 'button' : 'link', { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`/consults/${def.id}/room`));
}

/** Clicks each choice by its label, as a learner would, waiting for the transcript to grow each time. */
export async function play(page: Page, def: CaseDef, ids: string[]) {
  let entries = await page.getByTestId('transcript').locator(':scope > li').count();
  for (const id of ids) {
    await page.getByRole('button', { name: choiceOf(def, id).label, exact: true }).click();
    entries += 1;
    await expect(transcriptEntries(page)).toHaveCount(entries);
  }
}

export async function writeNote(page: Page, note: ConsultNote) {
  await expect(page.getByRole('heading', { name: 'Write your teleconsult note' })).toBeVisible();
  for (const [field, label] of Object.entries(noteLabels)) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
    await page.getByLabel(label, { exact: true }).fill(note[field as keyof ConsultNote]);
  }
  await page.getByRole('button', { name: 'Finish and see the debrief' }).click();
  await expect(page).toHaveURL(/\/consults\/[a-z-]+\/debrief\/[0-9a-f-]{36}$/);
}

/**
 * Issue 16: on a 360 px phone, everything before the collapsed detail fits in four screens of 640 px.
 * Measured at 360 × 640 from the top of the document to the first collapsed section.
 */
export async function expectTopWithinFourPhoneScreens(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 640 });
  const top = await page.getByTestId('debrief-detail').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThanOrEqual(4 * 640);
  if (size) await page.setViewportSize(size);
}
