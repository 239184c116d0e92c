// The shipped consult cases (content/cases) as the integration suites play them through the
// database: their versions, a failing and an audio-only path for each, a note, and a player.
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { type CaseVersion, getOwnConsult, stepOwnConsult } from '@/db/queries/consults';
import { type Actor, createUser } from '@/db/queries/users';
import type { ContentProblem } from '@/lib/content/files';
import { loadYamlDir } from '@/lib/content/load-yaml-dir';
import { caseSchema } from '@/lib/content/schemas/case';

export const problems: ContentProblem[] = [];
export const cases = await loadYamlDir(path.join(process.cwd(), 'content', 'cases'), caseSchema, problems);

/** A fresh copy of a shipped case: mutate it freely. */
export function version(id: string): CaseVersion {
  const found = cases.find((c) => c.def.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return { def: structuredClone(found.def), hash: found.hash };
}

export const C1 = 'infant-fever-lhw';
export const C2 = 'pregnancy-headache-audio';
export const C4 = 'chest-pain-lagging-video';

const c1Expert = version(C1).def.expertPath;
/** For each case: an audio-only passing path, and a failing path that commits a critical error. */
export const paths: Record<string, { audioPass: string[]; fail: string[]; criticalError: string }> = {
  // Switches to a phone call at the first chance (before the picture freezes), then as the expert.
  [C1]: {
    audioPass: ['open-intro', 'plan-audio-now', 'verify-identity', 'consent-explicit', ...c1Expert.slice(c1Expert.indexOf('go-danger-signs'))],
    fail: ['open-intro', 'plan-callback', 'verify-identity', 'consent-explicit', 'home-advice-early'],
    criticalError: 'no-danger-screen',
  },
  // Audio from the start; the expert never uses video.
  [C2]: { audioPass: version(C2).def.expertPath, fail: ['open-checklist', 'bp-number-first', 'early-bp-reassure'], criticalError: 'analgesic-reassurance' },
  // The expert switches to GSM at the first technology choice, after the first freeze.
  [C4]: {
    audioPass: version(C4).def.expertPath,
    fail: ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype'],
    criticalError: 'antacid-follow-up',
  },
};

export const note = {
  modality: 'Video, then a phone call.',
  location: 'At home; address and callback number taken.',
  consent: 'Verbal consent to a remote consult.',
  present: 'Patient and family.',
  findings: 'History over the phone; no examination possible.',
  plan: 'Emergency referral by ambulance.',
  safetyNet: 'Call back at once if worse.',
};

export const now = new Date('2025-03-01T10:00:00Z');

/** New learners, and choices played one by one through the queries as the room's forms do. */
export function consultPlayer(db: () => Db) {
  let n = 0;
  return {
    async learner() {
      n += 1;
      const user = await createUser(db(), { name: `Learner ${n}`, email: `consult-${n}@example.com`, passwordHash: 'x', profession: 'doctor' });
      if (!user) throw new Error('user not created');
      return user;
    },
    async playIds(actor: Actor, attemptId: string, ids: string[], v: CaseVersion) {
      let attempt = await getOwnConsult(db(), actor, attemptId);
      for (const id of ids) {
        const out = await stepOwnConsult(db(), actor, attemptId, attempt.step, id, v, now);
        expect(out.advanced, `step ${id}`).toBe(true);
        attempt = out.attempt;
      }
      return attempt;
    },
  };
}
