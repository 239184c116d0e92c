import 'server-only';
// Synthetic cohorts for scale testing: thousands of fictional learners with progress, quiz and
// consult histories made by the real quiz and consult engines. Deterministic for a given seed.
import { and, eq, sql } from 'drizzle-orm';
import type { Catalog } from '@/lib/content/catalog';
import { type AttemptFact, evaluateProgramme, evidenceFromAttempts } from '@/lib/domain/certification';
import { availableChoices, startConsult, stepConsult } from '@/lib/domain/consult';
import { drawQuestions, gradeAttempt } from '@/lib/domain/quiz';
import { quizDomainCredit } from '@/lib/domain/readiness';
import type { Db } from './client';
import { finishedConsultRow } from './demo-progress';
import { newCertificateCode } from './queries/certificates';
import { refreshReadinessOf } from './queries/readiness-rollup';
import { certificates, cohortMemberships, cohorts, consultAttempts, institutionStaff, institutions, lessonCompletions, quizAttempts, users } from './schema';

const day = 86_400_000;

/** mulberry32: a small seeded generator, so the same seed gives the same cohort. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = ['Ayesha', 'Bilal', 'Fatima', 'Hamza', 'Zainab', 'Usman', 'Mariam', 'Ali', 'Hira', 'Saad', 'Sana', 'Imran', 'Noor', 'Farhan', 'Amna', 'Kashif'];
const lastNames = ['Khan', 'Ahmed', 'Malik', 'Qureshi', 'Siddiqui', 'Baloch', 'Shah', 'Chaudhry', 'Butt', 'Memon', 'Mirza', 'Abbasi'];

/** A seeded random generator (mulberry32). */
export const syntheticRandom = random;

export type SyntheticOptions = { learners: number; seed?: number; now?: Date; onProgress?: (done: number, total: number) => void; batch?: number };

export const syntheticInstructorEmail = 'synthetic.instructor@synthetic.telehealth.test';
export const syntheticCohortName = (n: number) => `Synthetic cohort · ${n} learners`;

/**
 * Creates (once) a cohort of `learners` fictional students towards the student programme, owned
 * by a synthetic instructor whose password hash the caller supplies. Returns the cohort id, and
 * whether it already existed (then nothing is written).
 */
export async function seedSyntheticCohort(db: Db, catalog: Catalog, instructorPasswordHash: string, opts: SyntheticOptions): Promise<{ cohortId: string; created: boolean }> {
  const now = opts.now ?? new Date();
  const rand = random(opts.seed ?? 20261126);
  const programme = catalog.programmes.find((p) => p.def.id === 'readiness-students')?.def;
  if (!programme) throw new Error('the readiness-students programme is missing from content/');

  await db.insert(users).values({ name: 'Dr Synthetic Instructor', email: syntheticInstructorEmail, passwordHash: instructorPasswordHash, role: 'instructor', profession: 'doctor' }).onConflictDoNothing();
  const [instructor] = await db.select({ id: users.id }).from(users).where(eq(users.email, syntheticInstructorEmail));
  await db.insert(institutions).values({ name: 'Synthetic Medical College' }).onConflictDoNothing();
  const [institution] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, 'Synthetic Medical College'));
  await db.insert(institutionStaff).values({ institutionId: institution!.id, userId: instructor!.id, role: 'instructor' }).onConflictDoNothing();
  const name = syntheticCohortName(opts.learners);
  const [existing] = await db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.name, name), eq(cohorts.ownerId, instructor!.id)));
  if (existing) return { cohortId: existing.id, created: false };
  const start = new Date(now.getTime() - 60 * day);
  const [cohort] = await db
    .insert(cohorts)
    .values({ name, institutionId: institution!.id, programmeId: programme.id, dueDate: new Date(now.getTime() + 60 * day), ownerId: instructor!.id, joinCode: `SYN${String(opts.learners).padStart(7, '0')}`, createdAt: start })
    .returning({ id: cohorts.id });
  const cohortId = cohort!.id;

  await addSyntheticLearners(db, catalog, { cohortId, start, now, learners: opts.learners, rand, batch: opts.batch, onProgress: opts.onProgress });
  // Fresh statistics, so the planner sees thousands of members rather than the empty tables it last looked at.
  await db.execute(sql`analyze`);
  return { cohortId, created: true };
}

export type LearnerBatchOptions = { cohortId: string; start: Date; now: Date; learners: number; rand: () => number; batch?: number; onProgress?: (done: number, total: number) => void };

/** Adds `learners` fictional members with histories to a cohort towards the student programme, in transactions of `batch`. */
export async function addSyntheticLearners(db: Db, catalog: Catalog, opts: LearnerBatchOptions): Promise<void> {
  const programme = catalog.programmes.find((p) => p.def.id === 'readiness-students')?.def;
  if (!programme) throw new Error('the readiness-students programme is missing from content/');
  const lessons = catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).flatMap((m) => m.lessons);
  const quizzes = programme.requirements.quizzes.map((r) => catalog.quizzes.find((q) => q.def.id === r.quiz)!);
  const cases = [...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from ?? [])].map((id) => catalog.cases.find((c) => c.def.id === id)!);
  const passMarks = new Map(catalog.quizzes.map((q) => [q.def.id, q.def.passMark]));
  const at = (share: number) => new Date(start.getTime() + Math.min(share, 1) * (now.getTime() - start.getTime()));
  const batch = opts.batch ?? 250;
  const { cohortId, start, now, rand } = opts;

  for (let from = 0; from < opts.learners; from += batch) {
    const count = Math.min(batch, opts.learners - from);
    const learnerIds = await db.transaction(async (tx) => {
      const people = Array.from({ length: count }, (_, k) => {
        const n = from + k + 1;
        return {
          name: `${firstNames[n % firstNames.length]} ${lastNames[(n * 7) % lastNames.length]} ${n}`,
          email: `synthetic-${String(n).padStart(5, '0')}.${cohortId.slice(0, 8)}@synthetic.telehealth.test`,
          passwordHash: null,
          emailVerified: start,
          role: 'learner' as const,
          profession: 'student' as const,
        };
      });
      const created = await tx.insert(users).values(people).returning({ id: users.id, name: users.name });
      await tx.insert(cohortMemberships).values(created.map((u) => ({ cohortId, userId: u.id, joinedAt: start })));
      const completions: (typeof lessonCompletions.$inferInsert)[] = [];
      const quizRows: (typeof quizAttempts.$inferInsert)[] = [];
      const consultRows: (typeof consultAttempts.$inferInsert)[] = [];
      const certRows: (typeof certificates.$inferInsert)[] = [];
      for (const u of created) {
        const ability = 0.35 + rand() * 0.63;
        const engagement = rand() < 0.1 ? 0 : rand() ** 0.8;
        const done = lessons.slice(0, Math.round(engagement * lessons.length));
        for (const [i, l] of done.entries()) completions.push({ userId: u.id, moduleSlug: l.moduleSlug, lessonSlug: l.slug, contentHash: l.hash, completedAt: at((i / lessons.length) * engagement) });
        const doneSlugs = new Set(done.map((l) => `${l.moduleSlug}/${l.slug}`));
        const completedModules = new Set(programme.requirements.modules.filter((slug) => lessons.filter((l) => l.moduleSlug === slug).every((l) => doneSlugs.has(`${l.moduleSlug}/${l.slug}`))));
        const facts: AttemptFact[] = [];
        for (const loaded of quizzes) {
          if (!completedModules.has(loaded.def.module) || rand() > 0.9) continue;
          const tries = rand() < 0.3 ? 2 : 1;
          for (let t = 0; t < tries; t++) {
            const seed = Math.floor(rand() * 2 ** 31);
            const paper = drawQuestions(loaded.def, seed);
            const answers = Object.fromEntries(
              paper.map((p) => {
                const q = loaded.def.questions.find((x) => x.id === p.questionId)!;
                const wrong = p.optionOrder.filter((o) => !q.key.includes(o));
                return [p.questionId, rand() < ability + t * 0.1 || wrong.length === 0 ? q.key : [wrong[Math.floor(rand() * wrong.length)]!]];
              }),
            );
            const grade = gradeAttempt(loaded.def, paper, answers);
            const when = at(engagement * (0.6 + t * 0.2));
            quizRows.push({ userId: u.id, quizId: loaded.def.id, contentHash: loaded.hash, seed, paper, answers, startedAt: when, submittedAt: when, grade, score: grade.score, passed: grade.passed, domainCredit: quizDomainCredit(loaded.def.questions, grade.questions) });
            facts.push({ kind: 'quiz', id: loaded.def.id, score: grade.score });
          }
        }
        if (engagement > 0.4) {
          for (const loaded of cases) {
            if (rand() > engagement) continue;
            const caseDef = loaded.def;
            let state = startConsult(caseDef);
            for (let steps = 0; !state.ended && steps < 80; steps++) {
              const options = availableChoices(caseDef, state);
              const expert = options.find((c) => caseDef.expertPath.includes(c.id));
              const pick = expert && rand() < ability + 0.15 ? expert : options[Math.floor(rand() * options.length)];
              if (!pick) break;
              const stepped = stepConsult(caseDef, state, pick.id);
              if (!stepped.ok) break;
              state = stepped.state;
            }
            const row = finishedConsultRow(u.id, loaded, state, at(engagement * 0.9));
            if (!row) continue;
            consultRows.push(row);
            facts.push({ kind: 'consult', id: row.caseId, score: row.score, passed: row.passed, finished: true });
          }
        }
        const { earned } = evaluateProgramme(programme, evidenceFromAttempts(completedModules, facts), passMarks);
        if (earned) {
          certRows.push({
            code: newCertificateCode(),
            userId: u.id,
            programmeId: programme.id,
            cycle: 1,
            holderName: u.name,
            programmeTitle: programme.title,
            issuedAt: at(engagement),
            expiresAt: new Date(now.getTime() + programme.validityMonths * 30 * day),
            evidence: { synthetic: true },
            contentVersions: {},
            credential: 'synthetic',
          });
        }
      }
      for (const [table, rows] of [
        [lessonCompletions, completions],
        [quizAttempts, quizRows],
        [consultAttempts, consultRows],
        [certificates, certRows],
      ] as const) {
        for (let i = 0; i < rows.length; i += 1000) await tx.insert(table).values(rows.slice(i, i + 1000) as never);
      }
      return created.map((u) => u.id);
    });
    // The rollup rows the event path would have left for these learners, so dashboards read them rather than recompute.
    await refreshReadinessOf(db, learnerIds.map((userId) => ({ userId, programmeId: programme.id })), catalog, now);
    opts.onProgress?.(from + count, opts.learners);
  }
}
