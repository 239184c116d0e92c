// What the fuzz suite's foreign-id class points at: another learner's records, made through the site.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCase } from '../../support/consult';
import { type Identity, actionBody, callAction, send } from './client';
import type { World } from './inputs';
import type { FuzzSite } from './site';

/** Someone else's records for the foreign-id class, and the fuzzer's own open consult, made through the site. */
export async function buildWorld(site: FuzzSite, people: Record<'learner' | 'doctor' | 'instructor', Identity>, actionId: (name: string) => string): Promise<World> {
  const { url } = site;
  // The doctor finishes the practice programme's lessons and so holds a certificate.
  const modulesDir = path.join(process.cwd(), 'content', 'modules');
  for (const dir of readdirSync(modulesDir)) {
    const slug = dir.replace(/^\d+-/, '');
    for (const file of readdirSync(path.join(modulesDir, dir, 'lessons'))) {
      const lesson = file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
      await send(url, `/api/progress/modules/${slug}`, { method: 'POST', as: people.doctor, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lesson }) });
    }
  }
  // The instructor's cohort, at an institution where they teach.
  const [institution] = await site.query(`select id from institutions limit 1`);
  const due = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
  await callAction(url, '/teach/cohorts', actionId('createCohortAction'), actionBody([{ status: 'idle' }, '$K1'], { name: 'Fuzz target cohort', institutionId: String(institution?.id), programmeId: 'practice-doctors', dueDate: due }), people.instructor);
  // The fuzzer's own consult, open at its first step.
  const def = loadCase('chest-pain-lagging-video');
  const started = await callAction(url, `/consults/${def.id}`, actionId('startConsultAction'), actionBody(['$K1'], { caseId: def.id }), people.learner);
  if (started.status >= 400) throw new Error(`fuzz setup could not start a consult: ${started.status} ${started.body.slice(0, 300)}`);

  const one = async (sql: string) => {
    const [row] = await site.query(sql);
    if (!row) throw new Error(`fuzz setup found nothing for: ${sql}`);
    return row as Record<string, string>;
  };
  const doctor = await one(`select id from users where email = 'doctor@demo.telehealth.test'`);
  const learner = await one(`select id from users where email = 'learner@demo.telehealth.test'`);
  const quiz = await one(`select id, quiz_id from quiz_attempts where user_id = '${doctor.id}' order by started_at limit 1`);
  const consult = await one(`select id, case_id from consult_attempts where user_id = '${doctor.id}' order by started_at limit 1`);
  const own = await one(`select id from consult_attempts where user_id = '${learner.id}' and case_id = '${def.id}' and finished_at is null`);
  const cert = await one(`select code from certificates where user_id = '${doctor.id}' limit 1`);
  const cohort = await one(`select id from cohorts limit 1`);
  return {
    foreignUser: doctor.id!,
    foreignQuiz: { quiz: quiz.quiz_id!, attempt: quiz.id! },
    foreignConsult: { caseId: consult.case_id!, attempt: consult.id! },
    foreignCertificate: cert.code!,
    foreignCohort: cohort.id!,
    foreignInstitution: String(institution?.id ?? '00000000-0000-4000-8000-000000000000'),
    ownConsult: { caseId: def.id, attempt: own.id!, firstChoice: def.nodes[def.start]!.choices[0]!.id },
  };
}

/** Runs at most `n` at a time. */
export async function pool<T>(items: T[], n: number, run: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  }));
}
