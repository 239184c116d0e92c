// npm run seed:synthetic -- --learners 5000 [--seed 42] [--institutions 30]
// Creates a synthetic cohort of fictional learners (for scale testing the cohort dashboard) in the
// database the app uses (DATA_DIR's PGlite, or DATABASE_URL). With --institutions N, spreads the
// learners over N synthetic colleges, two cohorts each, with an instructor each (the institution and
// national dashboards). Never in production.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, openDb } from '@/db/client';
import { seedSyntheticInstitutions, syntheticStaffEmail } from '@/db/synthetic-institutions';
import { seedSyntheticCohort, syntheticCohortName, syntheticInstructorEmail } from '@/db/synthetic';
import { hashPassword } from '@/lib/auth/password';
import { loadCatalog } from '@/lib/content/catalog';

const { values } = parseArgs({ options: { learners: { type: 'string', default: '5000' }, seed: { type: 'string', default: '20261126' }, institutions: { type: 'string' } } });
const learners = Number(values.learners);
const seed = Number(values.seed);
const spreadOver = values.institutions === undefined ? null : Number(values.institutions);
if (spreadOver !== null && (!Number.isInteger(spreadOver) || spreadOver < 1 || spreadOver > 200)) {
  console.error('--institutions must be a whole number from 1 to 200.');
  process.exit(2);
}
if (!Number.isInteger(learners) || learners < 1 || learners > 100_000) {
  console.error('--learners must be a whole number from 1 to 100000.');
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error('--seed must be a whole number.');
  process.exit(2);
}
if (process.env.DEPLOY_ENV === 'production' || process.env.VERCEL_ENV === 'production') {
  console.error('Refusing to add synthetic learners to a production database.');
  process.exit(2);
}

function bar(done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} learners · ${rate.toFixed(0)}/s`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % Math.max(1, Math.round(total / 10)) < 250) process.stderr.write(`${line}\n`);
}

async function main() {
  const handle = openDb(configFromEnv());
  try {
    await handle.migrate();
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const password = process.env.SYNTHETIC_INSTRUCTOR_PASSWORD || randomBytes(12).toString('base64url');
    const started = Date.now();
    if (spreadOver !== null) {
      const spread = await seedSyntheticInstitutions(handle.db, catalog, await hashPassword(password), { learners, institutions: spreadOver, seed, onProgress: (d, t) => bar(d, t, started) });
      console.log(`${spread.created ? 'Created' : 'Already there:'} ${learners} learners over ${spreadOver} institutions in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      console.log(`Institution dashboard: /institutions/${spread.institutionIds[0]}/readiness · national: /admin/readiness`);
      console.log(`Instructors: ${syntheticStaffEmail(1)} … ${syntheticStaffEmail(spreadOver)}${process.env.SYNTHETIC_INSTRUCTOR_PASSWORD ? '' : ` / ${password} (only if this run created the accounts)`}`);
      return;
    }
    const result = await seedSyntheticCohort(handle.db, catalog, await hashPassword(password), { learners, seed, onProgress: (d, t) => bar(d, t, started) });
    if (!result.created) {
      console.log(`"${syntheticCohortName(learners)}" already exists (${result.cohortId}): nothing added.`);
      return;
    }
    console.log(`Created "${syntheticCohortName(learners)}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Dashboard: /teach/cohorts/${result.cohortId}`);
    console.log(`Instructor: ${syntheticInstructorEmail}${process.env.SYNTHETIC_INSTRUCTOR_PASSWORD ? '' : ` / ${password} (only if this run created the account)`}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
