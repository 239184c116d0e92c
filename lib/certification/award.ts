import 'server-only';
import type { Db } from '@/db/client';
import { insertCertificate, latestCertificate, loadEvidenceRows, newCertificateCode } from '@/db/queries/certificates';
import type { SessionUser } from '@/db/queries/sessions';
import { getCatalog } from '@/lib/content';
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import { signOpenBadge } from '@/lib/credentials/open-badge';
import { type Evidence, evaluateProgramme, expiryDate, mayRecertify } from '@/lib/domain/certification';
import { serverEnv } from '@/lib/env';
import { toEvidence } from './evidence';

type Holder = Pick<SessionUser, 'id' | 'name' | 'profession'>;

/** The programmes open to a learner of this profession. */
export async function programmesFor(profession: SessionUser['profession']): Promise<ProgrammeDef[]> {
  const { programmes } = await getCatalog();
  return programmes.map((p) => p.def).filter((p) => p.audience.includes(profession));
}

/** Each quiz's own pass mark, for requirements that set no minimum of their own. */
export async function quizPassMarks(): Promise<Map<string, number>> {
  const { quizzes } = await getCatalog();
  return new Map(quizzes.map((q) => [q.def.id, q.def.passMark]));
}

/** Where this deployment is reached, for verification links. */
export function siteUrl(): string {
  return serverEnv().PUBLIC_URL ?? 'http://localhost:3000';
}

/**
 * Issues every certificate the learner has just earned (called after each lesson, quiz and
 * consult they finish, and when they open their certificates). A race issues one: the unique
 * (learner, programme, cycle) key turns the second insert into a no-op.
 */
export async function awardEarnedCertificates(db: Db, holder: Holder, now: Date) {
  return awardFromEvidence(db, holder, await loadEvidence(db, holder.id), now);
}

/** The learner's evidence for the programme rules, read in three indexed queries. */
export async function loadEvidence(db: Db, holderId: string): Promise<Evidence> {
  return toEvidence(await getCatalog(), await loadEvidenceRows(db, holderId));
}

/** `awardEarnedCertificates` for a caller that has already read the evidence (it reuses it to show the checklist). */
export async function awardFromEvidence(db: Db, holder: Holder, evidence: Evidence, now: Date) {
  const catalog = await getCatalog();
  const open = await programmesFor(holder.profession);
  if (open.length === 0) return [];
  const passMarks = await quizPassMarks();
  const issued = [];
  for (const programme of open) {
    if (!evaluateProgramme(programme, evidence, passMarks).earned) continue;
    const latest = await latestCertificate(db, holder.id, programme.id);
    if (!mayRecertify(latest, now, programme.recertifyWindowDays)) continue;
    const id = crypto.randomUUID();
    const code = newCertificateCode();
    const expiresAt = expiryDate(now, programme.validityMonths);
    const versions = Object.fromEntries([
      ...catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).map((m) => [`module:${m.slug}`, m.hash]),
      ...catalog.quizzes.filter((q) => programme.requirements.quizzes.some((r) => r.quiz === q.def.id)).map((q) => [`quiz:${q.def.id}`, q.hash]),
      ...catalog.cases.map((c) => [`case:${c.def.id}`, c.hash]),
    ]);
    const credential = await signOpenBadge({
      id,
      code,
      holderName: holder.name,
      programmeId: programme.id,
      programmeTitle: programme.title,
      programmeSummary: programme.summary,
      criteria: describeRequirements(programme),
      cpdHours: programme.cpdHours ?? null,
      issuedAt: now,
      expiresAt,
      baseUrl: siteUrl(),
    });
    const row = await insertCertificate(db, {
      id,
      code,
      userId: holder.id,
      programmeId: programme.id,
      cycle: (latest?.cycle ?? 0) + 1,
      holderName: holder.name,
      programmeTitle: programme.title,
      cpdHours: programme.cpdHours ?? null,
      issuedAt: now,
      expiresAt,
      evidence: {
        modules: [...evidence.completedModules],
        quizBest: Object.fromEntries(evidence.quizBest),
        consults: evidence.consults.filter((c) => c.passed && c.criticalErrors.length === 0).map((c) => c.caseId),
      },
      contentVersions: versions,
      credential,
    });
    if (row) issued.push(row);
  }
  return issued;
}

/** The programme's requirements in one sentence, for the credential's criteria. */
export function describeRequirements(p: ProgrammeDef): string {
  const parts = [
    p.requirements.modules.length ? `complete ${p.requirements.modules.length} modules` : '',
    p.requirements.quizzes.length ? `pass ${p.requirements.quizzes.length} module quizzes` : '',
    p.requirements.consults.required.length ? `pass ${p.requirements.consults.required.length} named virtual consults without a critical error` : '',
    p.requirements.consults.anyOf ? `pass ${p.requirements.consults.anyOf.count} more virtual consults from a list of ${p.requirements.consults.anyOf.from.length} without a critical error` : '',
  ].filter(Boolean);
  return `Earned by learners who ${parts.join(', ')}.`;
}
