import 'server-only';
// The national-scale synthetic seed: `learners` fictional students spread over `institutions`
// colleges, each with its own instructor (as institution staff) and a few cohorts that started in
// different months, so the institution and platform dashboards have something to add up.
import { and, eq, sql } from 'drizzle-orm';
import type { Catalog } from '@/lib/content/catalog';
import type { Db } from './client';
import { cohorts, institutionStaff, institutions, users } from './schema';
import { addSyntheticLearners, syntheticRandom } from './synthetic';

const day = 86_400_000;
const provinces = ['Punjab', 'Sindh', 'Khyber Pakhtunkhwa', 'Balochistan', 'Islamabad Capital Territory', 'Gilgit-Baltistan'];
const pad = (n: number) => String(n).padStart(2, '0');

export const syntheticInstitutionName = (i: number) => `Synthetic Medical College ${pad(i)}`;
export const syntheticStaffEmail = (i: number) => `synthetic.instructor.${pad(i)}@synthetic.telehealth.test`;
const cohortName = (learners: number, i: number, k: number) => `Synthetic ${learners} · college ${pad(i)} · cohort ${k}`;

export type SyntheticInstitutionsOptions = {
  learners: number;
  institutions?: number;
  cohortsPerInstitution?: number;
  seed?: number;
  now?: Date;
  batch?: number;
  onProgress?: (done: number, total: number) => void;
};

/** How many learners each of `parts` gets: as even as whole numbers allow, the first ones one more. */
export function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * Creates (once) the institutions, their instructors (password hash supplied by the caller) and
 * cohorts, and fills the cohorts with learners. Returns the institutions' ids, and whether this
 * call created them (a second call with the same size writes nothing).
 */
export async function seedSyntheticInstitutions(db: Db, catalog: Catalog, instructorPasswordHash: string, opts: SyntheticInstitutionsOptions): Promise<{ institutionIds: string[]; created: boolean }> {
  const now = opts.now ?? new Date();
  const count = opts.institutions ?? 30;
  const perInstitution = opts.cohortsPerInstitution ?? 2;
  const rand = syntheticRandom(opts.seed ?? 20261127);
  const shares = spread(opts.learners, count * perInstitution);
  const ids: string[] = [];
  let created = false;
  let done = 0;
  for (let i = 1; i <= count; i++) {
    await db
      .insert(institutions)
      .values({ name: syntheticInstitutionName(i), shortName: `SMC${pad(i)}`, country: 'Pakistan', province: provinces[i % provinces.length]! })
      .onConflictDoNothing({ target: institutions.name });
    const [institution] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, syntheticInstitutionName(i)));
    await db
      .insert(users)
      .values({ name: `Dr Synthetic Instructor ${pad(i)}`, email: syntheticStaffEmail(i), passwordHash: instructorPasswordHash, role: 'instructor', profession: 'doctor' })
      .onConflictDoNothing();
    const [instructor] = await db.select({ id: users.id }).from(users).where(eq(users.email, syntheticStaffEmail(i)));
    await db.insert(institutionStaff).values({ institutionId: institution!.id, userId: instructor!.id, role: 'instructor' }).onConflictDoNothing();
    ids.push(institution!.id);
    for (let k = 1; k <= perInstitution; k++) {
      const learners = shares[(i - 1) * perInstitution + (k - 1)]!;
      const name = cohortName(opts.learners, i, k);
      const [existing] = await db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.name, name), eq(cohorts.institutionId, institution!.id)));
      if (existing) {
        done += learners;
        continue;
      }
      // Cohorts started one to eleven months ago and run for six months: some are past due.
      const start = new Date(now.getTime() - (30 + ((i * perInstitution + k) % 11) * 30) * day);
      const [cohort] = await db
        .insert(cohorts)
        .values({
          name,
          institutionId: institution!.id,
          programmeId: 'readiness-students',
          dueDate: new Date(start.getTime() + 180 * day),
          ownerId: instructor!.id,
          joinCode: `SYI${String(opts.learners).padStart(6, '0')}${pad(i)}${k}`,
          createdAt: start,
        })
        .returning({ id: cohorts.id });
      created = true;
      const before = done;
      await addSyntheticLearners(db, catalog, { cohortId: cohort!.id, start, now, learners, rand, batch: opts.batch, onProgress: (d) => opts.onProgress?.(before + d, opts.learners) });
      done += learners;
    }
  }
  if (created) await db.execute(sql`analyze`);
  return { institutionIds: ids, created };
}
