import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getCohortForStaff } from '@/db/queries/cohorts';
import type { SessionUser } from '@/db/queries/sessions';
import { AppError } from '@/lib/errors';

/** Runs a cohort read, turning not_found (another's cohort, a former member) into the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/** The cohort of a staff page, or the 404 page for anyone who does not own it (admins excepted). */
export const cohortOr404 = (user: SessionUser, cohortId: string) => orNotFound(getCohortForStaff(getDb(), user, cohortId));
