import 'server-only';
// The readiness rollup (db/tables/readiness.ts): reading members' figures for dashboards, and
// recomputing the rows that are missing or stale. A row is current when it was computed at the
// learner's present change count (bumped by triggers in every transaction that writes their
// evidence) and against this build's content; anything else is recomputed here by the same
// queries and pure function as a direct computation (loadLearnerRows, learnerReadiness), so the
// figures a dashboard shows are never older than an acknowledged write.
import { createHash } from 'node:crypto';
import { type SQL, and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Catalog } from '@/lib/content/catalog';
import { outline } from '@/lib/content/outline';
import type { LearnerFigures } from '@/lib/domain/cohorts';
import { type LearnerRows, type ProgrammeFrame, domainOf, learnerReadiness } from '@/lib/domain/readiness';
import type { Db } from '../client';
import { writerFor } from '../writer';
import { cohortMemberships, cohorts, readinessChanges, readinessRollup } from '../schema';
import { type FiguresView, anyRows, bad, figuresOf, numberOrNull, percentsOf, shaped, text } from './readiness-figures';
import { loadLearnerRows } from './readiness';

export type { FiguresView };

export type ContentForReadiness = Pick<Catalog, 'modules' | 'quizzes' | 'programmes'>;

/**
 * Bump when `learnerReadiness` or the queries behind it change what they compute: every row
 * computed by an earlier build then counts as stale and is recomputed on its next read.
 */
const RULES_VERSION = 1;

type Programme = { frame: ProgrammeFrame; fingerprint: string };
const programmesOf = new WeakMap<ContentForReadiness, Map<string, Programme>>();

/**
 * Each programme's frame and content fingerprint for this catalog, worked out once: the
 * programme's rules, every module's lessons, every quiz's pass mark and question domains (a
 * learner's domain scores pool every quiz they took).
 */
function programmes(catalog: ContentForReadiness): Map<string, Programme> {
  const known = programmesOf.get(catalog);
  if (known) return known;
  const modules = catalog.modules.map(outline);
  const passMarks = new Map(catalog.quizzes.map((q) => [q.def.id, q.def.passMark]));
  const content = JSON.stringify({
    rules: RULES_VERSION,
    lessons: modules.map((m) => [m.slug, m.lessons.map((l) => l.slug)]),
    quizzes: catalog.quizzes.map(({ def }) => [def.id, def.passMark, def.questions.map((q) => [q.id, q.competencies.map(domainOf)])]),
  });
  const out = new Map<string, Programme>();
  for (const { def } of catalog.programmes) {
    const fingerprint = createHash('sha256').update(content).update(JSON.stringify(def)).digest('base64url').slice(0, 22);
    out.set(def.id, { frame: { programme: def, modules, passMarks }, fingerprint });
  }
  programmesOf.set(catalog, out);
  return out;
}

/** The frame `learnerReadiness` needs for one programme of this build, or undefined if it has none by that id. */
export function programmeFrameOf(catalog: ContentForReadiness, programmeId: string): ProgrammeFrame | undefined {
  return programmes(catalog).get(programmeId)?.frame;
}

/** The key of one learner's figures for one programme. */
export const figuresKey = (userId: string, programmeId: string) => `${programmeId}|${userId}`;

/** A member whose row must be recomputed, with the change count read before their evidence is. */
export type Stale = { userId: string; programmeId: string; seq: number };

/** Recomputes the figures of these learners and programmes from the records, stores them, and returns them. */
export async function recomputeReadiness(db: Db, stale: readonly Stale[], catalog: ContentForReadiness, now: Date = new Date()): Promise<Map<string, LearnerFigures>> {
  const out = new Map<string, LearnerFigures>();
  const known = programmes(catalog);
  const wanted = [...new Map(stale.filter((s) => known.has(s.programmeId)).map((s) => [figuresKey(s.userId, s.programmeId), s])).values()];
  if (wanted.length === 0) return out;
  const rows = await loadLearnerRows(db, { userIds: [...new Set(wanted.map((s) => s.userId))] }, catalog);
  const byUser = new Map<string, { completions: LearnerRows['completions'][number][]; quizzes: LearnerRows['quizzes'][number][]; consults: LearnerRows['consults'][number][]; domains: LearnerRows['domains'][number][] }>();
  const slot = (userId: string) => {
    let s = byUser.get(userId);
    if (!s) byUser.set(userId, (s = { completions: [], quizzes: [], consults: [], domains: [] }));
    return s;
  };
  for (const r of rows.completions) slot(r.userId).completions.push(r);
  for (const r of rows.quizzes) slot(r.userId).quizzes.push(r);
  for (const r of rows.consults) slot(r.userId).consults.push(r);
  for (const r of rows.domains) slot(r.userId).domains.push(r);
  const values = wanted.map((s) => {
    const programme = known.get(s.programmeId)!;
    const figures = learnerReadiness(programme.frame, slot(s.userId));
    out.set(figuresKey(s.userId, s.programmeId), figures);
    return { userId: s.userId, programmeId: s.programmeId, fingerprint: programme.fingerprint, computedSeq: s.seq, updatedAt: now, ...figures, domainPercents: percentsOf(figures.domains) };
  });
  // Read from the handle given (perhaps a replica, a moment behind), stored on the primary: a row
  // carries the change count it was computed at, so a lagging one is simply stale there.
  const writer = writerFor(db);
  for (let i = 0; i < values.length; i += 1000) await storeFigures(writer, values.slice(i, i + 1000));
  return out;
}

/**
 * Upserts computed rows. A row computed from an older change count never replaces one computed
 * from a newer count (two readers racing); a row of other content is always replaced.
 */
async function storeFigures(db: Db, values: (typeof readinessRollup.$inferInsert)[]) {
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db
    .insert(readinessRollup)
    .values(values)
    .onConflictDoUpdate({
      target: [readinessRollup.userId, readinessRollup.programmeId],
      set: {
        fingerprint: excluded('fingerprint'),
        computedSeq: excluded('computed_seq'),
        progress: excluded('progress'),
        started: excluded('started'),
        earned: excluded('earned'),
        modules: excluded('modules'),
        domains: excluded('domains'),
        requirements: excluded('requirements'),
        domainPercents: excluded('domain_percents'),
        updatedAt: excluded('updated_at'),
      },
      setWhere: sql`${readinessRollup.computedSeq} <= excluded.computed_seq or ${readinessRollup.fingerprint} <> excluded.fingerprint`,
    });
}

/**
 * Whether a member's rollup row counts (true) or must be recomputed (false, also when missing), as
 * SQL over the aliases `c` (the cohort), `k` (readiness_changes) and `r` (learner_readiness, left
 * joined): computed at the learner's present change count, for this build's content.
 */
export function currentRow(catalog: ContentForReadiness): SQL {
  const fingerprints = JSON.stringify(Object.fromEntries([...programmes(catalog)].map(([id, p]) => [id, p.fingerprint])));
  return sql`coalesce(r.fingerprint = (${fingerprints}::jsonb ->> c.programme_id) and r.computed_seq = coalesce(k.seq, 0), false)`;
}

export type MemberFigures = { cohortId: string; userId: string; joinedAt: Date };

/**
 * The active members of these cohorts (optionally one learner), with each member's figures for
 * their cohort's programme, from the rollup; missing and stale rows are recomputed first (in one
 * batch). With `requirements: false` the requirement lists are not read (an institution's or the
 * platform's rows need only status and domains), and the figures carry none.
 */
export async function membersReadiness(
  db: Db,
  list: readonly { id: string; programmeId: string }[],
  catalog: ContentForReadiness,
  opts: { userId?: string; view: FiguresView },
): Promise<{ members: MemberFigures[]; figures: Map<string, LearnerFigures> }> {
  const [first, ...rest] = list.map((c) => c.id);
  if (first === undefined) return { members: [], figures: new Map() };
  const one: SQL = opts.userId === undefined ? sql`` : sql` and m.user_id = ${opts.userId}`;
  // Whether each row is current is decided here, so only the figures of current rows travel, and
  // only the change count of the others.
  const current = currentRow(catalog);
  const result = await db.execute(sql`
    select m.cohort_id as "cohortId", m.user_id as "userId", c.programme_id as "programmeId",
      (extract(epoch from m.joined_at) * 1000)::float8 as "joinedMs",
      case when ${current} then null else coalesce(k.seq, 0) end as "staleSeq",
      r.progress, r.started, r.domain_percents as "domainPercents",
      ${opts.view === 'rollup' ? sql`null::jsonb as modules, null::jsonb as domains` : sql`r.modules, r.domains`},
      ${opts.view === 'full' ? sql`r.requirements` : sql`null::jsonb`} as requirements
    from ${cohortMemberships} m
    join ${cohorts} c on c.id = m.cohort_id
    left join ${readinessChanges} k on k.user_id = m.user_id
    left join ${readinessRollup} r on r.user_id = m.user_id and r.programme_id = c.programme_id
    where m.cohort_id in ${[first, ...rest]} and m.left_at is null${one}`);
  const figures = new Map<string, LearnerFigures>();
  const stale: Stale[] = [];
  const members: MemberFigures[] = [];
  for (const row of anyRows.parse(result).rows) {
    const userId = text(row.userId, 'userId');
    const programmeId = text(row.programmeId, 'programmeId');
    members.push({ cohortId: text(row.cohortId, 'cohortId'), userId, joinedAt: new Date(numberOrNull(row.joinedMs, 'joinedMs') ?? bad('joinedMs', null)) });
    const staleSeq = numberOrNull(row.staleSeq, 'staleSeq');
    const stored = staleSeq === null ? figuresOf(row, opts.view) : null;
    if (stored) figures.set(figuresKey(userId, programmeId), stored);
    else stale.push({ userId, programmeId, seq: staleSeq ?? 0 });
  }
  for (const [key, value] of await recomputeReadiness(db, stale, catalog)) figures.set(key, shaped(value, opts.view));
  return { members, figures };
}

/**
 * Brings one learner's rows for the programmes of their active cohorts up to date (the outbox
 * handler that follows their learning events, so that readers usually find them current).
 */
export async function refreshLearnerReadiness(db: Db, userId: string, catalog: ContentForReadiness): Promise<void> {
  const active = await db
    .selectDistinct({ id: cohorts.id, programmeId: cohorts.programmeId })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .where(and(eq(cohortMemberships.userId, userId), isNull(cohortMemberships.leftAt)));
  await membersReadiness(db, active, catalog, { userId, view: 'rollup' });
}

/** These pairs with each learner's present change count, read before their evidence is. */
async function withSeqs(db: Db, pairs: readonly { userId: string; programmeId: string }[]): Promise<Stale[]> {
  const seqs = new Map<string, number>();
  const userIds = [...new Set(pairs.map((m) => m.userId))];
  for (let i = 0; i < userIds.length; i += 5000) {
    const batch = userIds.slice(i, i + 5000);
    for (const r of await db.select().from(readinessChanges).where(inArray(readinessChanges.userId, batch))) seqs.set(r.userId, r.seq);
  }
  return pairs.map((m) => ({ ...m, seq: seqs.get(m.userId) ?? 0 }));
}

/** Computes and stores these learners' rows now, current or not (a seed that has just written their records). */
export async function refreshReadinessOf(db: Db, pairs: readonly { userId: string; programmeId: string }[], catalog: ContentForReadiness, now: Date = new Date()) {
  return (await recomputeReadiness(db, await withSeqs(db, pairs), catalog, now)).size;
}

/** Every learner in at least one active membership and their cohorts' programmes, with their change count: what a rebuild recomputes. */
async function rollupPopulation(db: Db): Promise<Stale[]> {
  const members = await db
    .selectDistinct({ userId: cohortMemberships.userId, programmeId: cohorts.programmeId })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .where(isNull(cohortMemberships.leftAt));
  return withSeqs(db, members);
}

/**
 * Rebuilds the whole rollup from the records: every row removed, then every active member's
 * figures recomputed in batches. Readers meanwhile recompute any row they find missing, so a
 * dashboard stays exact during a rebuild. Returns how many rows were written.
 */
export async function rebuildReadiness(db: Db, catalog: ContentForReadiness, batch = 500, now: Date = new Date()): Promise<number> {
  await db.delete(readinessRollup);
  const population = await rollupPopulation(db);
  let written = 0;
  for (let i = 0; i < population.length; i += batch) written += (await recomputeReadiness(db, population.slice(i, i + batch), catalog, now)).size;
  return written;
}

