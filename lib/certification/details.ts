import 'server-only';
// What a certificate states beyond the holder and the programme, fixed when it is issued.
import { z } from 'zod';
import type { issuingInstitution } from '@/db/queries/certificate-institutions';
import type { Catalog } from '@/lib/content/catalog';
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import { domainOf } from '@/lib/domain/readiness';
import { serverEnv } from '@/lib/env';

const competencySchema = z.object({ id: z.string(), title: z.string() });

/**
 * The institution a certificate was earned through, as it was at issue: a later rename or a new
 * signatory does not change it. The logo is named by its version, not copied: it is shown only
 * while the institution still has that version (a replaced logo is omitted, never swapped in).
 */
const institutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  signatory: z.object({ name: z.string(), title: z.string().nullable() }).nullable(),
  logo: z.object({ version: z.string(), type: z.enum(['image/png', 'image/jpeg']) }).nullable(),
});

/** Stored on the certificate row as JSON. Certificates issued before these fields existed parse to their defaults. */
export const certificateDetailsSchema = z.object({
  issuer: z.object({ name: z.string(), url: z.string() }).nullable().default(null),
  signatory: z.object({ name: z.string(), title: z.string() }).nullable().default(null),
  provider: z.string().nullable().default(null),
  accreditation: z.string().nullable().default(null),
  /** The sentence that says what the hours are. */
  hoursStatement: z.string().nullable().default(null),
  framework: z.string().nullable().default(null),
  competencies: z.array(competencySchema).default([]),
  institution: institutionSchema.nullable().default(null),
});

export type CertificateDetails = z.infer<typeof certificateDetailsSchema>;
export type CertificateInstitution = z.infer<typeof institutionSchema>;

/** The institution an issuing cohort belongs to, as read when the certificate is issued. */
export type IssuingInstitution = NonNullable<Awaited<ReturnType<typeof issuingInstitution>>>;

/** What a certificate keeps of the institution it was earned through (a logo of another type is left out). */
export function institutionSnapshot(i: IssuingInstitution): CertificateInstitution {
  const type = i.logoType === 'image/png' || i.logoType === 'image/jpeg' ? i.logoType : null;
  return {
    id: i.id,
    name: i.name,
    signatory: i.signatoryName?.trim() ? { name: i.signatoryName.trim(), title: i.signatoryTitle?.trim() || null } : null,
    logo: type && i.logoVersion ? { version: i.logoVersion, type } : null,
  };
}

/**
 * How the hours read. Unless the programme carries an accreditation statement, they are notional
 * study hours and the certificate says they are not accredited credit (a doctor must not take them
 * for PMDC-recognised CPD).
 */
export function hoursStatement(p: Pick<ProgrammeDef, 'studyHours' | 'accreditation'>): string | null {
  if (!p.studyHours) return null;
  if (p.accreditation) return `${p.studyHours} hours`;
  return `${p.studyHours} notional study hours (an estimate of study time, not accredited CPD credit)`;
}

/** The AAMC domains the programme's modules, quizzes and cases are tagged with, in domain order. */
export function programmeCompetencies(programme: ProgrammeDef, catalog: Pick<Catalog, 'modules' | 'quizzes' | 'cases' | 'competencies'>) {
  const { modules, quizzes, consults } = programme.requirements;
  const caseIds = new Set([...consults.required, ...(consults.anyOf?.from ?? [])]);
  const tags = [
    ...catalog.modules.filter((m) => modules.includes(m.slug)).flatMap((m) => m.meta.competencies),
    ...catalog.quizzes.filter((q) => quizzes.some((r) => r.quiz === q.def.id)).flatMap((q) => q.def.questions.flatMap((x) => x.competencies)),
    ...catalog.cases.filter((c) => caseIds.has(c.def.id)).flatMap((c) => c.def.competencies),
  ];
  const covered = new Set(tags.map(domainOf));
  return catalog.competencies.domains.filter((d) => covered.has(domainOf(d.id))).map((d) => ({ id: d.id, title: d.title }));
}

/**
 * Everything a new certificate of this programme states, from the programme, this deployment's
 * configuration and the institution whose cohort it was earned through (if any).
 */
export function newCertificateDetails(
  programme: ProgrammeDef,
  catalog: Pick<Catalog, 'modules' | 'quizzes' | 'cases' | 'competencies'>,
  institution: IssuingInstitution | null = null,
): CertificateDetails {
  const env = serverEnv();
  const tier = catalog.competencies.tiers.find((t) => t.tier === programme.tier);
  return {
    issuer: { name: env.CERTIFICATE_ISSUER_NAME, url: env.publicUrl },
    signatory: env.signatory,
    provider: programme.provider ?? null,
    accreditation: programme.accreditation ?? null,
    hoursStatement: hoursStatement(programme),
    framework: `Mapped to the AAMC Telehealth Competencies (2021), tier ${programme.tier}${tier ? ` (${tier.label.toLowerCase()})` : ''}`,
    competencies: programmeCompetencies(programme, catalog),
    institution: institution ? institutionSnapshot(institution) : null,
  };
}

/** A stored certificate's details; rows from before they existed read as the issuer's name only. */
export function readCertificateDetails(stored: unknown): CertificateDetails {
  const parsed = certificateDetailsSchema.safeParse(stored ?? {});
  const details = parsed.success ? parsed.data : certificateDetailsSchema.parse({});
  return details.issuer ? details : { ...details, issuer: { name: serverEnv().CERTIFICATE_ISSUER_NAME, url: serverEnv().publicUrl } };
}
