import 'server-only';
// The institution a certificate is earned through, and the logo it was issued with.
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../client';
import { cohortMemberships, cohorts, institutions } from '../schema';

/**
 * The institution whose cohort a learner earns this programme's certificate through: a cohort
 * following that programme of which they are a member at `now` (joined by then, not left
 * before). Several such cohorts: the one joined first (then the older membership), so the
 * answer never depends on row order. Null when there is none: the certificate names no
 * institution. Call it in the transaction that issues the certificate.
 */
export async function issuingInstitution(db: Db, userId: string, programmeId: string, now: Date) {
  const [row] = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      signatoryName: institutions.signatoryName,
      signatoryTitle: institutions.signatoryTitle,
      logoType: institutions.logoType,
      logoVersion: institutions.logoVersion,
    })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .innerJoin(institutions, eq(institutions.id, cohorts.institutionId))
    .where(
      and(
        eq(cohortMemberships.userId, userId),
        eq(cohorts.programmeId, programmeId),
        lte(cohortMemberships.joinedAt, now),
        or(isNull(cohortMemberships.leftAt), gt(cohortMemberships.leftAt, now)),
      ),
    )
    .orderBy(asc(cohortMemberships.joinedAt), asc(cohortMemberships.id))
    .limit(1);
  return row ?? null;
}

/**
 * The logo a certificate was issued with, for its PDF: the institution's current logo only while
 * it is still that version (a replaced or removed logo gives null, and the PDF prints none).
 */
export async function issuedLogo(db: Db, institution: { id: string; logo: { version: string } | null }): Promise<{ bytes: Uint8Array; type: 'image/png' | 'image/jpeg' } | null> {
  if (!institution.logo) return null;
  const [row] = await db
    .select({ bytes: institutions.logo, type: institutions.logoType })
    .from(institutions)
    .where(and(eq(institutions.id, institution.id), eq(institutions.logoVersion, institution.logo.version)))
    .limit(1);
  const type = row?.type === 'image/png' || row?.type === 'image/jpeg' ? row.type : null;
  return row?.bytes && type ? { bytes: row.bytes, type } : null;
}
