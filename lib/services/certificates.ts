import 'server-only';
// Issuing earned certificates: the handler that follows every learning event that can earn one.
import type { Db } from '@/db/client';
import { heldLearners, holdCertificate, releaseHold } from '@/db/queries/certificate-holds';
import { issuingInstitution } from '@/db/queries/certificate-institutions';
import { getHolder, insertCertificate, latestCertificate, newCertificateCode } from '@/db/queries/certificates';
import { appendEvent } from '@/db/queries/events';
import { loadLearnerRows } from '@/db/queries/readiness';
import { newCertificateDetails } from '@/lib/certification/details';
import { describeRequirements, programmeFrame } from '@/lib/certification/programmes';
import { getCatalog } from '@/lib/content';
import { signOpenBadge } from '@/lib/credentials/open-badge';
import { expiryDate, nextCertificate } from '@/lib/domain/certification';
import { learnerReadiness } from '@/lib/domain/readiness';
import { serverEnv } from '@/lib/env';
import { signOffGates } from './sign-off';

/**
 * Issues every certificate the learner has earned and may hold now, each in one transaction with
 * its audit entry and `certificate.issued` event; none before their e-mail address is verified. A revoked certificate blocks its programme until
 * an admin reinstates it; a recertification counts only assessments since its window opened. A
 * programme that requires sign-off issues nothing until all it certifies is signed off: the learner
 * is noted as waiting (certificate_holds), and the sign-off that completes it releases them. Two
 * runs at once issue one: the unique (learner, programme, cycle) key turns the second into a no-op.
 * A certificate earned while the learner is in a cohort of that programme carries the cohort's
 * institution (name, signatory, logo version) as it is at that moment: the certificates handler
 * calls this inside its transaction, so that read and the insert commit together.
 */
export async function issueEarnedCertificates(db: Db, userId: string, now: Date) {
  const holder = await getHolder(db, userId);
  // A certificate names a person: it waits until they have proven their address (issued then, by `account.verified`).
  if (!holder?.emailVerified) return [];
  const catalog = await getCatalog();
  const open = catalog.programmes.map((p) => p.def).filter((p) => p.audience.includes(holder.profession));
  if (open.length === 0) return [];
  // Rows are read once per evidence window (usually one: all of it).
  const rowsSince = new Map<number, ReturnType<typeof loadLearnerRows>>();
  const rowsFor = (assessedSince: Date | null) => {
    const key = assessedSince?.getTime() ?? 0;
    if (!rowsSince.has(key)) rowsSince.set(key, loadLearnerRows(db, { userId, assessedSince }, catalog));
    return rowsSince.get(key)!;
  };
  // Read only when a programme that requires sign-off has been earned.
  let gates: Awaited<ReturnType<typeof signOffGates>> | undefined;
  const issued = [];
  for (const programme of open) {
    const decision = nextCertificate(await latestCertificate(db, userId, programme.id), now, programme.recertifyWindowDays);
    if (!decision.issue) continue;
    const readiness = learnerReadiness(programmeFrame(catalog, programme), await rowsFor(decision.assessedSince));
    if (!readiness.earned) continue;
    if (programme.requireSignOff) {
      gates ??= await signOffGates(db, catalog);
      if (!gates(programme).complete) {
        await holdCertificate(db, userId, programme.id, now);
        continue;
      }
    }
    const id = crypto.randomUUID();
    const code = newCertificateCode();
    const expiresAt = expiryDate(now, programme.validityMonths);
    const details = newCertificateDetails(programme, catalog, await issuingInstitution(db, userId, programme.id, now));
    const caseIds = new Set([...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from ?? [])]);
    const versions = Object.fromEntries([
      ...catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).map((m) => [`module:${m.slug}`, m.hash]),
      ...catalog.quizzes.filter((q) => programme.requirements.quizzes.some((r) => r.quiz === q.def.id)).map((q) => [`quiz:${q.def.id}`, q.hash]),
      ...catalog.cases.filter((c) => caseIds.has(c.def.id)).map((c) => [`case:${c.def.id}`, c.hash]),
    ]);
    const credential = await signOpenBadge({
      id,
      code,
      holderName: holder.name,
      holderRegistration: holder.registrationNumber,
      programmeId: programme.id,
      programmeTitle: programme.title,
      programmeSummary: programme.summary,
      criteria: describeRequirements(programme),
      hours: programme.studyHours ?? null,
      details,
      issuedAt: now,
      expiresAt,
      baseUrl: serverEnv().publicUrl,
    });
    const row = await insertCertificate(db, {
      id,
      code,
      userId,
      programmeId: programme.id,
      cycle: decision.cycle,
      holderName: holder.name,
      holderRegistration: holder.registrationNumber,
      programmeTitle: programme.title,
      cpdHours: programme.studyHours ?? null,
      issuedAt: now,
      expiresAt,
      evidence: { assessedSince: decision.assessedSince?.toISOString() ?? null, requirements: readiness.requirements, domains: readiness.domains },
      contentVersions: versions,
      credential,
      details,
      institutionId: details.institution?.id ?? null,
    });
    if (row) {
      issued.push(row);
      await releaseHold(db, userId, programme.id);
    }
  }
  return issued;
}

/**
 * Follows a sign-off: for each programme requiring sign-off that it (with every earlier one) has
 * now completed, every learner waiting for it gets a `certificate.unblocked` event, which the
 * certificates handler turns into their certificate, one learner per delivery, dated at the
 * sign-off. A sign-off that completes nothing writes nothing.
 */
export async function releaseHeldCertificates(tx: Db, decisionId: string, occurredAt: Date): Promise<number> {
  const catalog = await getCatalog();
  const waiting = catalog.programmes.map((p) => p.def).filter((p) => p.requireSignOff);
  if (waiting.length === 0) return 0;
  const gates = await signOffGates(tx, catalog);
  let released = 0;
  for (const programme of waiting.filter((p) => gates(p).complete)) {
    for (const userId of await heldLearners(tx, programme.id)) {
      const payload = { programmeId: programme.id, decisionId };
      if (await appendEvent(tx, { kind: 'certificate.unblocked', sourceId: `${decisionId}:${programme.id}:${userId}`, userId, payload, occurredAt })) released++;
    }
  }
  return released;
}
