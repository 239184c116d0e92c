// Every shipped case is played, with the real engine, to a pass along its expert path, to a fail,
// and to a pass along an audio-only path: no choice that needs the picture, never back to video
// once the call has left it, and not on video at the end.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Catalog, loadCatalog } from '@/lib/content/catalog';
import type { CaseDef } from '@/lib/content/schemas/case';
import { availableChoices, finishConsult, startConsult, stepConsult } from '@/lib/domain/consult';
import type { ConsultState } from '@/lib/domain/consult';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(path.join(process.cwd(), 'content'));
});

type Played = { path: string[]; passed: boolean; criticalErrors: string[]; usedVideo: boolean };

function finish(caseDef: CaseDef, state: ConsultState, steps: string[], usedVideo: boolean): Played | null {
  const done = finishConsult(caseDef, state, caseDef.note.expert);
  return done.ok ? { path: steps, passed: done.result.passed, criticalErrors: done.result.criticalErrors, usedVideo } : null;
}

/** Depth-first search over the engine's own states for the first ending that `want` accepts. */
function findPath(caseDef: CaseDef, want: (p: Played) => boolean, avoidVideo: boolean): Played | null {
  const seen = new Set<string>();
  let budget = 200_000;
  const visit = (state: ConsultState, steps: string[], usedVideo: boolean): Played | null => {
    if (--budget < 0) return null;
    if (state.ended) {
      const played = finish(caseDef, state, steps, usedVideo);
      return played && want(played) ? played : null;
    }
    const key = `${state.nodeId}|${state.connection}|${state.flags.join(',')}|${state.taken.join(',')}|${state.minute}|${JSON.stringify(state.scores)}`;
    if (seen.has(key)) return null;
    seen.add(key);
    for (const choice of availableChoices(caseDef, state)) {
      const needsPicture = (choice.requires?.connection ?? []).length > 0 && !choice.requires?.connection.includes('audio');
      const next = stepConsult(caseDef, state, choice.id);
      if (!next.ok) continue;
      const backToVideo = state.connection !== 'video' && next.state.connection === 'video';
      const endsOnVideo = next.state.ended && next.state.connection === 'video';
      const video = usedVideo || needsPicture || backToVideo || endsOnVideo;
      if (avoidVideo && video) continue;
      const found = visit(next.state, [...steps, choice.id], video);
      if (found) return found;
    }
    return null;
  };
  return visit(startConsult(caseDef), [], false);
}

describe('every case plays to a pass, a fail and an audio-only pass', () => {
  test('there are eight cases', () => {
    expect(catalog.cases.map((c) => c.def.id).sort()).toHaveLength(8);
  });

  test.each([
    'infant-fever-lhw',
    'pregnancy-headache-audio',
    'diabetes-hypertension-interpreter',
    'chest-pain-lagging-video',
    'suicide-risk-dropped-call',
    'skin-lesion-data-outage',
    'joint-family-privacy',
    'controlled-drug-refill',
  ])('%s', (caseId) => {
    const caseDef = catalog.cases.find((c) => c.def.id === caseId)!.def;

    let state = startConsult(caseDef);
    for (const choiceId of caseDef.expertPath) {
      const stepped = stepConsult(caseDef, state, choiceId);
      expect(stepped.ok, `expert choice ${choiceId}`).toBe(true);
      if (stepped.ok) state = stepped.state;
    }
    const expert = finish(caseDef, state, caseDef.expertPath, false);
    expect(expert?.passed).toBe(true);
    expect(expert?.criticalErrors).toEqual([]);

    const failing = findPath(caseDef, (p) => !p.passed && p.criticalErrors.length > 0, false);
    expect(failing, 'a path that commits a critical error and fails').not.toBeNull();

    const audioOnly = findPath(caseDef, (p) => p.passed, true);
    expect(audioOnly, 'a passing audio-only path').not.toBeNull();
    expect(audioOnly?.usedVideo).toBe(false);
  });
});
