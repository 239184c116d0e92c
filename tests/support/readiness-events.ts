// A random walk of learning events through the real services, for the rollup-equivalence suite:
// lessons completed, quizzes started and graded with better or worse papers, consults passed and
// failed, certificates issued and revoked, learners joining and leaving cohorts. Seeded: a failure
// replays exactly.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { changeCertificateStatus, insertCertificate, newCertificateCode } from '@/db/queries/certificates';
import { joinCohortByCode, leaveCohort } from '@/db/queries/cohort-members';
import { startOrResumeConsult, stepOwnConsult } from '@/db/queries/consults';
import type { Actor } from '@/db/queries/users';
import { certificates, cohortMemberships } from '@/db/schema';
import type { Catalog } from '@/lib/content/catalog';
import { completeLesson, finishConsult, saveQuizAnswers, startQuiz, submitQuiz } from '@/lib/services/learning';
import { C1, C2, C4, paths } from './shipped-cases';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Walk = { db: Db; catalog: Catalog; learners: Actor[]; cohorts: { id: string; joinCode: string; programmeId: string }[]; admin: Actor };

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

async function quizStep(w: Walk, random: () => number, learner: Actor, now: Date) {
  const loaded = pick(random, w.catalog.quizzes.filter((q) => ['foundations', 'law-ethics', 'consent-privacy', 'technology-fallback'].includes(q.def.id)));
  const started = await startQuiz(w.db, learner, loaded.def, loaded.hash, now);
  if (!started.ok) return 'quiz refused';
  // Each question right with a chance drawn per attempt: later attempts score better or worse.
  const skill = random();
  const answers = Object.fromEntries(
    started.attempt.paper.map((p) => {
      const q = loaded.def.questions.find((x) => x.id === p.questionId)!;
      const wrong = q.options.map((o) => o.id).filter((id) => !q.key.includes(id));
      return [p.questionId, random() < skill || wrong.length === 0 ? q.key : [wrong[0]!]];
    }),
  );
  await saveQuizAnswers(w.db, learner, started.attempt.id, loaded.def, answers, now);
  // Now and then an attempt is left open (started, not graded): "in progress" on the CSV.
  if (random() < 0.2) return 'quiz started';
  await submitQuiz(w.db, learner, started.attempt.id, loaded.def, now);
  return 'quiz graded';
}

async function consultStep(w: Walk, random: () => number, learner: Actor, now: Date) {
  const id = pick(random, [C1, C2, C4]);
  const loaded = w.catalog.cases.find((c) => c.def.id === id)!;
  const version = { def: loaded.def, hash: loaded.hash };
  const pass = random() < 0.5;
  let { attempt } = await startOrResumeConsult(w.db, learner, version, now);
  if (attempt.step > 0) return 'consult resumed';
  for (const choice of pass ? loaded.def.expertPath : paths[id]!.fail) {
    const out = await stepOwnConsult(w.db, learner, attempt.id, attempt.step, choice, version, now);
    if (!out.advanced) return 'consult stuck';
    attempt = out.attempt;
  }
  await finishConsult(w.db, learner, attempt.id, loaded.def.note.expert, version, now);
  return pass ? 'consult passed' : 'consult failed';
}

async function certificateStep(w: Walk, random: () => number, learner: Actor, now: Date) {
  const held = await w.db.select().from(certificates).where(eq(certificates.userId, learner.id));
  const live = held.filter((c) => c.revokedAt === null);
  if (live.length > 0 && random() < 0.5) {
    await changeCertificateStatus(w.db, w.admin, pick(random, live).code, 'revoked', 'Random walk revocation', now);
    return 'certificate revoked';
  }
  const programmeId = pick(random, w.cohorts).programmeId;
  const cycle = held.filter((c) => c.programmeId === programmeId).length + 1;
  await insertCertificate(w.db, {
    id: crypto.randomUUID(),
    code: newCertificateCode(),
    userId: learner.id,
    programmeId,
    cycle,
    holderName: 'Walk Learner',
    programmeTitle: programmeId,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    evidence: {},
    contentVersions: {},
    credential: 'test',
  });
  return 'certificate issued';
}

async function membershipStep(w: Walk, random: () => number, learner: Actor, now: Date) {
  const cohort = pick(random, w.cohorts);
  const [active] = await w.db
    .select({ id: cohortMemberships.id })
    .from(cohortMemberships)
    .where(and(eq(cohortMemberships.cohortId, cohort.id), eq(cohortMemberships.userId, learner.id), isNull(cohortMemberships.leftAt)));
  if (active) {
    await leaveCohort(w.db, learner, cohort.id, now);
    return 'left';
  }
  await joinCohortByCode(w.db, learner, cohort.joinCode, now);
  return 'joined';
}

/** One random event for a random learner at `now`; returns what happened. */
export async function randomEvent(w: Walk, random: () => number, now: Date): Promise<string> {
  const learner = pick(random, w.learners);
  const r = random();
  if (r < 0.3) {
    const lesson = pick(random, w.catalog.modules.filter((m) => ['foundations', 'law-ethics', 'consent-privacy'].includes(m.slug)).flatMap((m) => m.lessons));
    await completeLesson(w.db, learner, { moduleSlug: lesson.moduleSlug, lessonSlug: lesson.slug, contentHash: lesson.hash }, now, null, now);
    return 'lesson';
  }
  if (r < 0.55) return quizStep(w, random, learner, now);
  if (r < 0.7) return consultStep(w, random, learner, now);
  if (r < 0.8) return certificateStep(w, random, learner, now);
  return membershipStep(w, random, learner, now);
}
