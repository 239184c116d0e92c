// The debrief's components rendered to HTML: a failed run never reads as praise, the note comparison
// names the missing key facts, and a result stored before key facts existed still renders.
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { loadYamlDir } from '@/lib/content/load-yaml-dir';
import { caseSchema } from '@/lib/content/schemas/case';
import { buildDebrief, consultResultSchema, finishConsult } from '@/lib/domain/consult';
import { DomainScores } from '@/components/consult/DebriefDetails';
import { DebriefSummary } from '@/components/consult/DebriefSummary';
import { NoteComparison } from '@/components/consult/NoteComparison';
import { indexReferences } from '@/components/consult/RefLinks';
import { EXPERT, loadFixtureCase, play } from '../support/consult-fixture';

const shipped = await loadYamlDir(path.join(process.cwd(), 'content', 'cases'), caseSchema, []);
const c4 = shipped.find((c) => c.def.id === 'chest-pain-lagging-video')!.def;
const refs = indexReferences([], new Map());
const antacidPath = ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype'];
const sloppyNote = { modality: 'video', location: 'home', consent: 'n/a', present: '-', findings: 'chest pain', plan: 'ER', safetyNet: 'n/a' };

function c4Debrief(ids: string[], note = c4.note.expert) {
  const state = play(c4, ids).state;
  const finished = finishConsult(c4, state, note);
  if (!finished.ok) throw new Error(finished.error);
  return buildDebrief(c4, state, finished.result);
}

describe('a failed run (C4, sent home with an antacid)', () => {
  const debrief = c4Debrief(antacidPath, sloppyNote);
  const top = renderToStaticMarkup(createElement(DebriefSummary, { debrief, passMark: 70, patientName: 'Tariq', refs }));

  test('says plainly that it is not passed, and why', () => {
    expect(top).toContain('✗ Not passed');
    expect(top).toContain('You did not pass this case: you made a critical error, you missed 3 critical actions and your score is below the pass mark.');
    expect(top).toContain('What happened to Tariq');
  });

  test('names the critical error and the missed actions, and leads the costly decisions with the error', () => {
    expect(top).toContain('Kept him at home with an antacid');
    expect(top).toMatch(/Missed:<\/strong> Arranged emergency transport/);
    expect(top.indexOf('Critical error.</strong> Deferred to the family')).toBeGreaterThan(-1);
  });

  test('reads as no praise: no tick, no "avoided", no "well done"', () => {
    expect(top).not.toMatch(/✓|avoided|well done|good job/i);
    const scores = renderToStaticMarkup(createElement(DomainScores, { debrief, domainNames: new Map(), refs }));
    expect(scores).not.toContain('errors-not-made');
  });

  test('the note comparison names the key facts the note left out, beside the expert note', () => {
    const html = renderToStaticMarkup(createElement(NoteComparison, { learner: sloppyNote, expert: c4.note.expert, score: debrief.result.note }));
    expect(html).toContain('2 of the 26 key facts');
    expect(html).toContain('Missing from yours:');
    expect(html).toContain('Named destination: Gulzar Teaching Hospital emergency department');
  });
});

test('a passed run lists only the errors it was offered, without ticks, under its own heading', () => {
  const debrief = c4Debrief(c4.expertPath);
  const scores = renderToStaticMarkup(createElement(DomainScores, { debrief, domainNames: new Map(), refs }));
  expect(scores).toContain('Critical errors you were offered and did not make');
  // The expert path never reaches a choice that sends for help without the address.
  expect(scores).not.toContain('Sent for help without ever having taken his location');
});

test('a result stored before notes were marked on key facts still renders, marking empty fields as it did then', () => {
  const caseDef = loadFixtureCase();
  const result = consultResultSchema.parse({
    domains: { D1: { points: 4, max: 4, percent: 100 }, D6: { points: 3.71, max: 4, percent: 93 } },
    total: { points: 7.71, max: 8, percent: 96 },
    note: { points: 1.71, max: 2, missing: ['location'] },
    criticalActions: { done: ['red-flags', 'safety-net'], missed: [] },
    criticalErrors: [],
    outcome: 'good',
    passed: true,
  });
  const debrief = buildDebrief(caseDef, play(caseDef, EXPERT).state, result);
  const top = renderToStaticMarkup(createElement(DebriefSummary, { debrief, passMark: 70, patientName: 'Rafiq', refs }));
  expect(top).toContain('✓ Passed');
  const note = renderToStaticMarkup(createElement(NoteComparison, { learner: null, expert: caseDef.note.expert, score: result.note }));
  expect(note).toContain('not filled in: no points');
  expect(note).not.toContain('key facts');
});
