import { describe, expect, test } from 'vitest';
import { finishOwnConsult, getOwnConsult, startOrResumeConsult, stepOwnConsult } from '@/db/queries/consults';
import type { CaseDef } from '@/lib/content/schemas/case';
import { suiteDatabase, testDatabases } from '../support/databases';
import { C1, C2, C4, cases, consultPlayer, now, paths, problems, version } from '../support/shipped-cases';

// The shipped cases played end to end through the database: each passes on its expert path and
// on an audio-only path, and fails on a path with a critical error.
describe('the shipped cases load', () => {
  test('C1, C2 and C4 parse', () => {
    expect(problems.filter((p) => [C1, C2, C4].some((id) => p.file.includes(id)))).toEqual([]);
    expect(cases.map((c) => c.def.id)).toEqual(expect.arrayContaining([C1, C2, C4]));
  });
});

describe.each(testDatabases)('the shipped cases on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const { learner, playIds } = consultPlayer(() => h.db);

  describe.each([C1, C2, C4])('%s', (caseId) => {
    /** Once off video (a switch, a freeze), never back on it; a case that starts on audio never uses video. */
    function expectAudioOnly(def: CaseDef, connections: string[]) {
      const switched = connections.findIndex((c) => c !== 'video');
      expect(switched).toBeGreaterThanOrEqual(0);
      expect(connections.slice(switched)).not.toContain('video');
      if (def.modality !== 'video') expect(connections).not.toContain('video');
    }

    test('the expert path passes', async () => {
      const me = await learner();
      const v = version(caseId);
      const { attempt } = await startOrResumeConsult(h.db, me, v, now);
      await playIds(me, attempt.id, v.def.expertPath, v);
      const { attempt: done } = await finishOwnConsult(h.db, me, attempt.id, v.def.note.expert, v, now);
      expect(done.result).toMatchObject({ passed: true, outcome: 'good', criticalErrors: [], criticalActions: { missed: [] } });
    });

    test('a path with a critical error fails', async () => {
      const me = await learner();
      const v = version(caseId);
      const { attempt } = await startOrResumeConsult(h.db, me, v, now);
      await playIds(me, attempt.id, paths[caseId]!.fail, v);
      const { attempt: done } = await finishOwnConsult(h.db, me, attempt.id, v.def.note.expert, v, now);
      expect(done.status).toBe('failed');
      expect(done.result?.outcome).toBe('unsafe');
      expect(done.criticalErrors).toContain(paths[caseId]!.criticalError);
    });

    test('an audio-only path passes', async () => {
      const me = await learner();
      const v = version(caseId);
      const { attempt } = await startOrResumeConsult(h.db, me, v, now);
      const ids = paths[caseId]!.audioPass;
      const connections: string[] = [attempt.state.connection];
      for (const id of ids) {
        const current = await getOwnConsult(h.db, me, attempt.id);
        const out = await stepOwnConsult(h.db, me, attempt.id, current.step, id, v, now);
        expect(out.advanced, id).toBe(true);
        connections.push(out.attempt.state.connection);
      }
      expectAudioOnly(v.def, connections);
      const { attempt: done } = await finishOwnConsult(h.db, me, attempt.id, v.def.note.expert, v, now);
      expect(done.result).toMatchObject({ passed: true, criticalErrors: [] });
    });
  });
});
