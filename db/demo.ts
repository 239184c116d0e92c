import 'server-only';
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from './client';
import { createUser } from './queries/users';
import { seedNearlyCertified } from './demo-progress';
import type { Catalog } from '@/lib/content/catalog';
import { institutionStaff, institutions, users } from './schema';

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

/**
 * Creates the demo accounts when the database has no users yet. Passwords are random unless
 * `password` is given (the test suite passes one); they are returned so the caller can print them.
 */
export async function seedDemoAccounts(db: Db, opts: { password?: string; catalog?: Catalog } = {}): Promise<DemoAccount[]> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return [];
  const created: DemoAccount[] = [];
  for (const person of demoPeople) {
    const password = opts.password ?? randomBytes(9).toString('base64url');
    const user = await createUser(db, {
      name: person.name,
      email: person.email,
      passwordHash: await hashPassword(password),
      profession: person.profession,
      institution: 'Demo Medical College',
      role: person.role,
      // Demo addresses (.test) receive no mail: they count as verified, so the demo works end to end.
      emailVerified: new Date(),
    });
    if (user && person.profession === 'doctor' && person.role === 'learner' && opts.catalog) {
      await seedNearlyCertified(db, user.id, opts.catalog, 'practice-doctors', new Date());
    }
    if (user && person.role === 'instructor') await teachesAtDemoCollege(db, user.id);
    created.push({ email: person.email, password, role: person.role });
  }
  return created;
}
