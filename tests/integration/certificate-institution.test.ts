import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { issuedLogo } from '@/db/queries/certificate-institutions';
import { getPublicCertificate, listOwnCertificates } from '@/db/queries/certificates';
import { joinCohortByCode, leaveCohort } from '@/db/queries/cohort-members';
import { createCohort } from '@/db/queries/cohorts';
import { setInstitutionLogo, updateInstitution } from '@/db/queries/institutions';
import { type Actor, createUser } from '@/db/queries/users';
import { readCertificateDetails } from '@/lib/certification/details';
import { publicRecord } from '@/lib/certification/public';
import { verifyOpenBadge } from '@/lib/credentials/open-badge';
import { PROGRAMME, completeLast, doctorOneShort } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';

// The development signing key is generated into DATA_DIR: keep it out of the checkout.
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'cert-inst-keys-'));

const minute = 60_000;
const day = 86_400_000;
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

type Subject = { source?: { id: string; type: string[]; name: string }; achievement: { description: string } };

describe.each(testDatabases)('certificates carry the institution on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  const email = (what: string) => `inst-${what}-${++n}@example.com`;

  /** An institution with a signatory and a logo, run by an admin who has a cohort of `programme` there. */
  async function institutionWithCohort(name: string, programme = PROGRAMME) {
    const admin = (await createUser(h.db, { name: `Admin ${++n}`, email: email('admin'), passwordHash: 'x', profession: 'other', role: 'instructor' }))!;
    const id = await staffAt(h.db, name, admin.id, 'admin');
    await updateInstitution(h.db, admin, id, { name, shortName: '', country: 'Pakistan', province: 'Sindh', emailDomain: null, signatoryName: 'Prof Amina Qureshi', signatoryTitle: 'Dean of Medicine' });
    await setInstitutionLogo(h.db, admin, id, { bytes: png, type: 'image/png', version: 'v1' });
    const cohort = await createCohort(h.db, admin, { name: `${name} cohort`, institutionId: id, programmeId: programme, dueDate: new Date(Date.now() + 100 * day) });
    return { admin, id, cohort };
  }

  /** A doctor one lesson short who joins these cohorts (a minute apart, in order), then completes the lesson through the service. */
  async function earnThrough(joinCodes: string[], what: string, leave?: (user: Actor) => Promise<void>) {
    const start = Date.now() - 60 * minute;
    const user = await doctorOneShort(h.db, email(what), 'lesson', new Date(start));
    for (const [i, code] of joinCodes.entries()) expect((await joinCohortByCode(h.db, user, code, new Date(start + (i + 1) * minute))).status).toBe('joined');
    await leave?.(user);
    await completeLast(h.db, user, 'lesson', new Date());
    const certs = await listOwnCertificates(h.db, user);
    expect(certs).toHaveLength(1);
    return certs[0]!;
  }

  test('a learner in an institution’s cohort of the programme earns a certificate carrying its name, signatory and logo', async () => {
    const dow = await institutionWithCohort('Dow University of Health Sciences');
    const cert = await earnThrough([dow.cohort.joinCode], 'member');
    expect(cert.institutionId).toBe(dow.id);
    expect(readCertificateDetails(cert.details).institution).toEqual({
      id: dow.id,
      name: 'Dow University of Health Sciences',
      signatory: { name: 'Prof Amina Qureshi', title: 'Dean of Medicine' },
      logo: { version: 'v1', type: 'image/png' },
    });
    const logo = await issuedLogo(h.db, readCertificateDetails(cert.details).institution!);
    expect(logo?.type).toBe('image/png');
    expect(Uint8Array.from(logo!.bytes)).toEqual(png); // node-postgres gives a Buffer, PGlite a Uint8Array

    // The verify data, as the page and GET /api/verify/<code> show it.
    const record = publicRecord((await getPublicCertificate(h.db, cert.code))!, new Date());
    expect(record.institution).toMatchObject({
      name: 'Dow University of Health Sciences',
      signatory: { name: 'Prof Amina Qureshi', title: 'Dean of Medicine' },
      logo: { path: `/institutions/${dow.id}/logo?v=v1`, alt: 'Logo of Dow University of Health Sciences' },
    });
    expect(record.institution!.logo!.url).toMatch(new RegExp(`^https?://[^/]+/institutions/${dow.id}/logo\\?v=v1$`));

    // The signed credential names it as the organisation that assessed the achievement.
    const verified = await verifyOpenBadge(cert.credential);
    expect(verified.signatureValid).toBe(true);
    if (verified.signatureValid) {
      const subject = (verified.payload.vc as { credentialSubject: Subject }).credentialSubject;
      expect(subject.source).toEqual({ id: `urn:uuid:${dow.id}`, type: ['Profile'], name: 'Dow University of Health Sciences' });
      expect(subject.achievement.description).toContain('Earned through a cohort of Dow University of Health Sciences.');
    }
  });

  test('renaming the institution, a new signatory or a new logo afterwards leaves the issued certificate as it was', async () => {
    const aku = await institutionWithCohort('Aga Khan University Medical College');
    const cert = await earnThrough([aku.cohort.joinCode], 'rename');
    const issued = readCertificateDetails(cert.details);
    await updateInstitution(h.db, aku.admin, aku.id, { name: 'AKU Renamed', shortName: 'AKU', country: 'Pakistan', province: 'Sindh', emailDomain: null, signatoryName: 'Dr Someone Else', signatoryTitle: 'Provost' });
    await setInstitutionLogo(h.db, aku.admin, aku.id, { bytes: Uint8Array.from([0x89, 0x50, 9]), type: 'image/png', version: 'v2' });

    const [after] = await listOwnCertificates(h.db, { id: cert.userId, role: 'learner' });
    expect(readCertificateDetails(after!.details)).toEqual(issued);
    const record = publicRecord((await getPublicCertificate(h.db, cert.code))!, new Date());
    expect(record.institution).toMatchObject({ name: 'Aga Khan University Medical College', signatory: { name: 'Prof Amina Qureshi', title: 'Dean of Medicine' } });
    // The logo it was issued with is gone: neither the page nor the PDF shows the new one in its place.
    expect(record.institution!.logo).toBeNull();
    expect(await issuedLogo(h.db, issued.institution!)).toBeNull();
  });

  test('no institution without a cohort of that programme: none at all, another programme’s, or one left before earning', async () => {
    const students = await institutionWithCohort('Liaquat University', 'readiness-students');
    const left = await institutionWithCohort('Khyber Medical University');
    const cases: [string, string[], ((user: Actor) => Promise<void>) | undefined][] = [
      ['none', [], undefined],
      ['other-programme', [students.cohort.joinCode], undefined],
      ['left', [left.cohort.joinCode], (user) => leaveCohort(h.db, user, left.cohort.id, new Date(Date.now() - minute)).then(() => undefined)],
    ];
    for (const [what, codes, leave] of cases) {
      const cert = await earnThrough(codes, what, leave);
      expect(cert.institutionId, what).toBeNull();
      expect(readCertificateDetails(cert.details).institution, what).toBeNull();
      expect(publicRecord((await getPublicCertificate(h.db, cert.code))!, new Date()).institution, what).toBeNull();
      const verified = await verifyOpenBadge(cert.credential);
      if (verified.signatureValid) expect((verified.payload.vc as { credentialSubject: Subject }).credentialSubject.source, what).toBeUndefined();
    }
  });

  test('a learner in two cohorts of the programme earns it through the one joined first', async () => {
    const first = await institutionWithCohort('Allama Iqbal Medical College');
    const second = await institutionWithCohort('King Edward Medical University');
    const cert = await earnThrough([first.cohort.joinCode, second.cohort.joinCode], 'two');
    expect(cert.institutionId).toBe(first.id);
    expect(readCertificateDetails(cert.details).institution?.name).toBe('Allama Iqbal Medical College');
  });
});
