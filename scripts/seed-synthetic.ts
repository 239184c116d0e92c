// npm run seed:synthetic -- --learners 5000 [--seed 42]
// Creates a synthetic cohort of fictional learners (for scale testing the cohort dashboard) in the
// database the app uses (DATA_DIR's PGlite, or DATABASE_URL). Never in production.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, openDb } from '@/db/client';
import { seedSyntheticCohort, syntheticCohortName, syntheticInstructorEmail } from '@/db/synthetic';
import { hashPassword } from '@/lib/auth/password';
import { loadCatalog } from '@/lib/content/catalog';

const { values } = parseArgs({ options: { learners: { type: 'string', default: '5000' }, seed: { type: 'string', default: '20261126' } } });
const learners = Number(values.learners);
const seed = Number(values.seed);
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
