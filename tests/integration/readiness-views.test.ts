// One learner's readiness as four views show it — their own progress page, the instructor's
// drill-down, the cohort dashboard and its CSV — must agree on every figure, and a careless replay
// after a pass must lower none of them.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cohortLearner, cohortReadiness } from '@/db/queries/cohort-readiness';
import { createCohort } from '@/db/queries/cohorts';
import { listOwnConsults } from '@/db/queries/consult-records';
import { startOrResumeConsult, stepOwnConsult } from '@/db/queries/consults';
import { createUser } from '@/db/queries/users';
import { lessonCompletions } from '@/db/schema';
import { ownReadiness } from '@/lib/certification/programmes';
import { getCatalog } from '@/lib/content';
import { domainIds } from '@/lib/domain/readiness';
import { cohortExport } from '@/lib/services/cohort-export';
import { joinByCode } from '@/lib/services/cohorts';
import { finishConsult, startQuiz, submitQuiz } from '@/lib/services/learning';
import { answerQuiz, playExpert } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { C4, note, paths } from '../support/shipped-cases';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'views-keys-'));

/** The CSV as records keyed by its header. */
function parseCsv(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.trim().split('\r\n').map((line) => line.split(','));
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

describe.each(testDatabases)('readiness views on $name', ({ open }) => {
  const h = suiteDatabase(open);

  test('a pass at 100% then a careless replay: passed with full credit in all four views, which agree on every figure', async () => {
    const catalog = await getCatalog();
    const now = new Date();
    const teacher = (await createUser(h.db, { name: 'Teacher', email: 'views-teacher@uni.example', passwordHash: 'x', profession: 'other', role: 'instructor' }))!;
    const student = (await createUser(h.db, { name: 'Sana Student', email: 'views-sana@uni.example', passwordHash: 'x', profession: 'student' }))!;
    const cohort = await createCohort(h.db, teacher, { name: 'MBBS Year 4', institutionId: await staffAt(h.db, 'Dow University', teacher.id), programmeId: 'readiness-students', dueDate: new Date(now.getTime() + 90 * 86_400_000) }, now);
    await joinByCode(h.db, student, cohort.joinCode, now);

    // Some lessons, a quiz passed then retaken carelessly, the chest-pain case passed then replayed carelessly.
    const foundations = catalog.modules.find((m) => m.slug === 'foundations')!;
    await h.db.insert(lessonCompletions).values(foundations.lessons.slice(0, 3).map((l) => ({ userId: student.id, moduleSlug: l.moduleSlug, lessonSlug: l.slug, contentHash: l.hash })));
    const pass = await answerQuiz(h.db, student, 'foundations', now);
    const quizPass = (await submitQuiz(h.db, student, pass.attempt.id, pass.quiz, now)).attempt;
    const careless = await startQuiz(h.db, student, pass.quiz, 'h', now); // a pass starts no cooldown
    if (!careless.ok) throw new Error('retake refused');
    const quizReplay = (await submitQuiz(h.db, student, careless.attempt.id, pass.quiz, now)).attempt;
    expect(quizReplay.score).toBe(0);
    const chest = catalog.cases.find((c) => c.def.id === C4)!;
    const v = { def: chest.def, hash: chest.hash };
    const passed = await playExpert(h.db, student, v, now);
    expect(passed.attempt.passed).toBe(true);
    const later = new Date(now.getTime() + 3_600_000);
    let { attempt } = await startOrResumeConsult(h.db, student, v, later);
    for (const id of paths[C4]!.fail) attempt = (await stepOwnConsult(h.db, student, attempt.id, attempt.step, id, v, later)).attempt;
    const replay = await finishConsult(h.db, student, attempt.id, note, v, later);
    expect(replay.attempt.passed).toBe(false);
    expect(replay.attempt.score!).toBeLessThan(passed.attempt.score!);

    const own = (await ownReadiness(h.db, student, catalog)).find((p) => p.programme.id === 'readiness-students')!.readiness;
    const drill = (await cohortLearner(h.db, teacher, cohort.id, student.id, catalog, now)).learner;
    const dash = (await cohortReadiness(h.db, teacher, cohort.id, catalog, now)).learners.find((l) => l.userId === student.id)!;
    const csv = parseCsv((await cohortExport(h.db, teacher, cohort.id, catalog, now)).csv).find((r) => r.email === student.email)!;

    // The case reads passed, at the best attempt's score, in every view; so does the quiz.
    const chestState = (reqs: typeof own.requirements) => reqs.flatMap((r) => (r.kind === 'consults-any' ? r.cases : [])).find((c) => c.id === C4);
    for (const view of [own, drill, dash]) {
      expect(chestState(view.requirements)).toEqual({ id: C4, state: 'passed', best: passed.attempt.score });
      expect(view.requirements.find((r) => r.kind === 'quiz' && r.id === 'foundations')).toMatchObject({ state: 'passed', best: quizPass.score });
    }
    expect(csv[`consult_${C4}`]).toBe('passed');
    expect(csv.quiz_foundations).toBe('passed');
    // Consults never tried read "not attempted", apart from "not passed".
    expect(csv['consult_infant-fever-lhw']).toBe('not attempted');

    // Full credit from the pass: each domain the case covers carries its best attempt's points.
    const best = passed.attempt.result!.domains;
    for (const [domain, score] of Object.entries(best)) {
      expect(score.points, `${domain} at full marks in the expert pass`).toBe(score.max);
    }

    // Every figure agrees: progress, requirements, domain scores, across the four views.
    expect(drill.requirements).toEqual(own.requirements);
    expect(dash.requirements).toEqual(own.requirements);
    expect(drill.progress).toBeCloseTo(own.progress);
    expect(dash.progress).toBeCloseTo(own.progress);
    expect(Number(csv.progress_percent)).toBe(Math.round(own.progress * 100));
    expect(drill.domains).toEqual(own.domains);
    expect(dash.domains).toEqual(own.domains);
    for (const d of domainIds) expect(csv[`${d}_percent`]).toBe(String(own.domains.find((s) => s.domain === d)?.percent ?? ''));
    expect(Number(csv.quiz_foundations_best)).toBe(quizPass.score);

    // The learner's own case record says passed, with the replay shown as practice.
    const record = (await listOwnConsults(h.db, student)).get(C4)!;
    expect(record.status).toBe('passed');
    expect(record.best?.id).toBe(passed.attempt.id);
    expect(record.practice.map((p) => p.id)).toEqual([replay.attempt.id]);
  });
});
