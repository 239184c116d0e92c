import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from './client';
import { createUser } from './queries/users';
import { recordAudit } from './queries/audit';
import { seedNearlyCertified } from './demo-progress';
import type { Catalog } from '@/lib/content/catalog';
import { auditLog, institutionStaff, institutions, users } from './schema';

/** The demo instructor teaches at the demo college, so they can create cohorts there at once. */
async function teachesAtDemoCollege(db: Db, userId: string) {
  const [college] = await db
    .insert(institutions)
    .values({ name: 'Demo Medical College', shortName: 'DMC', country: 'Pakistan', province: 'Sindh', signatoryName: 'Prof. Demo Principal', signatoryTitle: 'Principal' })
    .onConflictDoUpdate({ target: institutions.name, set: { shortName: 'DMC' } })
    .returning({ id: institutions.id });
  await db.insert(institutionStaff).values({ institutionId: college!.id, userId, role: 'instructor' }).onConflictDoNothing();
}

export type DemoAccount = { email: string; password: string; role: 'learner' | 'instructor' | 'admin' };

const demoPeople = [
  { role: 'learner', email: 'learner@demo.telehealth.test', name: 'Ayesha Demo (learner)', profession: 'student' },
  { role: 'instructor', email: 'instructor@demo.telehealth.test', name: 'Dr Bilal Demo (instructor)', profession: 'doctor' },
  { role: 'admin', email: 'admin@demo.telehealth.test', name: 'Demo Admin', profession: 'other' },
  // A practising doctor one lesson short of the practice certificate (see seedNearlyCertified).
  { role: 'learner', email: 'doctor@demo.telehealth.test', name: 'Dr Hamid Demo', profession: 'doctor' },
] as const;

/** The audit entry the seed writes last, in its transaction: present exactly when the demo data is. */
export const demoSeededAction = 'demo.seeded';

/**
 * Whether the demo data is there. The marker outlives the demo accounts (an administrator may
 * delete them, and they must not come back at the next start); a demo account without the marker
 * is a database seeded before the seed wrote one.
 */
export async function demoDataPresent(db: Db): Promise<boolean> {
  const [marker] = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, demoSeededAction), eq(auditLog.subjectType, 'demo'))).limit(1);
  if (marker) return true;
  const [account] = await db.select({ id: users.id }).from(users).where(inArray(users.email, demoPeople.map((p) => p.email))).limit(1);
  return Boolean(account);
}

export type SeedOptions = {
  /** Every demo account gets this password (the test suites use it); otherwise each gets a random one. */
  password?: string;
  catalog?: Catalog;
  /** Called inside the transaction once the accounts are written (the crash test kills the process there). */
  midway?: () => Promise<void>;
};

/**
 * Creates the demo data when it is absent, all of it in one transaction: a process killed while
 * seeding leaves nothing, and the next start seeds again. Returns the accounts (empty when the
 * data was already there) so the caller can print their passwords.
 */
export async function seedDemoAccounts(db: Db, opts: SeedOptions = {}): Promise<DemoAccount[]> {
  if (await demoDataPresent(db)) return [];
  // Hashing is deliberately slow: done before the transaction opens, so it holds no locks meanwhile.
  const people = await Promise.all(
    demoPeople.map(async (person) => {
      const password = opts.password ?? randomBytes(9).toString('base64url');
      return { ...person, password, passwordHash: await hashPassword(password) };
    }),
  );
  return db.transaction(async (tx) => {
    const created: { person: (typeof people)[number]; id: string }[] = [];
    for (const person of people) {
      const user = await createUser(tx, {
        name: person.name,
        email: person.email,
        passwordHash: person.passwordHash,
        profession: person.profession,
        institution: 'Demo Medical College',
        role: person.role,
        // Demo addresses (.test) receive no mail: they count as verified, so the demo works end to end.
        emailVerified: new Date(),
      });
      // Only a second seed running at the same moment gets here (the unique address made it wait for
      // the first): it stops, and its transaction leaves nothing behind.
      if (!user) throw new Error(`The demo account ${person.email} was created by another process while seeding.`);
      created.push({ person, id: user.id });
    }
    await opts.midway?.();
    for (const { person, id } of created) {
      if (person.profession === 'doctor' && person.role === 'learner' && opts.catalog) {
        await seedNearlyCertified(tx, id, opts.catalog, 'practice-doctors', new Date());
      }
      if (person.role === 'instructor') await teachesAtDemoCollege(tx, id);
    }
    await recordAudit(tx, { actorId: null, action: demoSeededAction, subjectType: 'demo', detail: { accounts: created.length } });
    return created.map(({ person }) => ({ email: person.email, password: person.password, role: person.role }));
  });
}
