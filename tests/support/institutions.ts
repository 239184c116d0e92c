// Institutions for integration tests, written directly (the appointing itself is tested in institutions.test.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type InstitutionRole, institutionStaff, institutions } from '@/db/schema';

/** The id of the institution with this name, created if needed. */
export async function institutionNamed(db: Db, name: string): Promise<string> {
  await db.insert(institutions).values({ name }).onConflictDoNothing({ target: institutions.name });
  const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, name));
  return row!.id;
}

/** Makes a person staff of the institution with this name (instructor unless told), and returns its id. */
export async function staffAt(db: Db, name: string, userId: string, role: InstitutionRole = 'instructor'): Promise<string> {
  const id = await institutionNamed(db, name);
  await db.insert(institutionStaff).values({ institutionId: id, userId, role }).onConflictDoUpdate({ target: [institutionStaff.institutionId, institutionStaff.userId], set: { role } });
  return id;
}
