import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { changeCertificateStatus, getPublicCertificate, listOwnCertificates } from '@/db/queries/certificates';
import { createUser } from '@/db/queries/users';
import { auditLog, certificateStatusChanges, consultAttempts, learningEvents, quizAttempts } from '@/db/schema';
import { readCertificateDetails } from '@/lib/certification/details';
import { getCatalog } from '@/lib/content';
import { verifyOpenBadge } from '@/lib/credentials/open-badge';
import { certificateStatus } from '@/lib/domain/certification';
import { issueEarnedCertificates } from '@/lib/services/certificates';
import { setCertificateStatus } from '@/lib/services/certificate-status';
import { followUp } from '@/lib/services/events/dispatch';
import { submitQuiz } from '@/lib/services/learning';
import { runMaintenance } from '@/lib/services/maintenance';
import { PROGRAMME, answerQuiz, doctorOneShort, playExpert } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';

// The development signing key is generated into DATA_DIR: keep it out of the checkout.
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'cert-keys-'));

const day = 86_400_000;

describe.each(testDatabases)('certificates on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  const email = (what: string) => `cert-${what}-${++n}@example.com`;
  const admin = () => createUser(h.db, { name: 'Admin Person', email: email('admin'), passwordHash: 'x', profession: 'other', role: 'admin' }).then((u) => u!);

  test('earned evidence issues one signed certificate, even when issuing runs twice at once', async () => {
    const user = await doctorOneShort(h.db, email('ok'), null);
    const now = new Date();
    const [a, b] = await Promise.all([issueEarnedCertificates(h.db, user.id, now), issueEarnedCertificates(h.db, user.id, now)]);
    expect(a.length + b.length).toBe(1);
    const certs = await listOwnCertificates(h.db, user);
    expect(certs).toHaveLength(1);
    const cert = certs[0]!;
    expect(cert).toMatchObject({ programmeId: PROGRAMME, cycle: 1, holderName: 'Dr Saima Test', holderRegistration: 'PMDC 54321-P', cpdHours: 12 });
    expect(cert.code).toMatch(/^[a-z2-9]{16}$/);
    expect(Object.keys(cert.contentVersions)).toContain('module:foundations');
    const details = readCertificateDetails(cert.details);
    expect(details.hoursStatement).toBe('12 notional study hours (an estimate of study time, not accredited CPD credit)');
    expect(details.framework).toMatch(/^Mapped to the AAMC Telehealth Competencies \(2021\), tier 2/);
    expect(details.competencies.map((c) => c.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6']);

    const verified = await verifyOpenBadge(cert.credential);
    expect(verified.signatureValid).toBe(true);
    if (verified.signatureValid) {
      expect(verified.code).toBe(cert.code);
      const subject = (verified.payload.vc as { credentialSubject: { identifier: { identityHash: string }[]; achievement: { alignment: unknown[]; creditsAvailable?: number } } }).credentialSubject;
      expect(subject.identifier[0]!.identityHash).toBe('PMDC 54321-P');
      expect(subject.achievement.alignment).toHaveLength(6);
      // Not accredited: the credential claims no credit.
      expect(subject.achievement.creditsAvailable).toBeUndefined();
    }
    expect(await issueEarnedCertificates(h.db, user.id, new Date())).toEqual([]);
  });

  test('a consult failed with a critical error does not count, so nothing is issued', async () => {
    const user = await doctorOneShort(h.db, email('critical'), 'consult');
    const catalog = await getCatalog();
    const caseId = catalog.programmes.find((p) => p.def.id === PROGRAMME)!.def.requirements.consults.required[0]!;
    await h.db.insert(consultAttempts).values({ userId: user.id, caseId, contentHash: 'h', state: {}, finishedAt: new Date(), score: 95, passed: false, criticalErrors: ['no-location'] });
    expect(await issueEarnedCertificates(h.db, user.id, new Date())).toEqual([]);
  });

  test('a tampered credential fails verification', async () => {
    const user = await doctorOneShort(h.db, email('tamper'), null);
    const [cert] = await issueEarnedCertificates(h.db, user.id, new Date());
    const [header, payload, signature] = cert!.credential.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.vc.credentialSubject.name = 'Someone Else';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect((await verifyOpenBadge(forged)).signatureValid).toBe(false);
  });

  test('a revoked certificate stays revoked through every event path, until an admin reinstates it', async () => {
    const user = await doctorOneShort(h.db, email('revoke'), null);
    const boss = await admin();
    const [cert] = await issueEarnedCertificates(h.db, user.id, new Date());
    await expect(setCertificateStatus(h.db, user, cert!.code, 'revoked', 'self')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await setCertificateStatus(h.db, boss, cert!.code, 'revoked', 'Issued in error')).toMatchObject({ status: 'changed' });

    // Revoking again is refused; the first reason, date and actor stay, with one history row and one audit entry.
    const second = await setCertificateStatus(h.db, boss, cert!.code, 'revoked', 'Another reason');
    expect(second).toMatchObject({ status: 'unchanged', reason: 'Issued in error' });
    const [revokedRow] = await listOwnCertificates(h.db, user);
    expect(revokedRow).toMatchObject({ revokedReason: 'Issued in error', revokedBy: boss.id });
    expect(await h.db.select().from(certificateStatusChanges).where(eq(certificateStatusChanges.certificateId, cert!.id))).toHaveLength(1);
    expect((await h.db.select().from(auditLog).where(eq(auditLog.subjectId, cert!.id))).filter((a) => a.action === 'certificate.revoked')).toHaveLength(1);

    // Everything the holder can still do: a quiz, a consult, the recovery pass, a follow-up.
    const { attempt, quiz } = await answerQuiz(h.db, user, 'foundations', new Date());
    await submitQuiz(h.db, user, attempt.id, quiz);
    const catalog = await getCatalog();
    const loaded = catalog.cases.find((c) => c.def.id === 'infant-fever-lhw')!;
    await playExpert(h.db, user, { def: loaded.def, hash: loaded.hash }, new Date());
    await runMaintenance(h.db, new Date(Date.now() + 400 * day));
    await followUp(h.db, user.id);
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
    const pub = (await getPublicCertificate(h.db, cert!.code))!;
    expect(certificateStatus(pub, new Date(), 60)).toBe('revoked');
    expect(Object.keys(pub).sort()).toEqual(['code', 'cpdHours', 'credential', 'details', 'expiresAt', 'holderName', 'holderRegistration', 'institutionLogoVersion', 'issuedAt', 'programmeId', 'programmeTitle', 'revokedAt']);

    // Reinstated: valid again, the same certificate, with the whole history kept.
    expect(await setCertificateStatus(h.db, boss, cert!.code, 'reinstated', 'Revoked by mistake')).toMatchObject({ status: 'changed' });
    expect(await setCertificateStatus(h.db, boss, cert!.code, 'reinstated', 'Again')).toMatchObject({ status: 'unchanged' });
    expect(certificateStatus((await getPublicCertificate(h.db, cert!.code))!, new Date(), 60)).toBe('valid');
    const history = await h.db.select().from(certificateStatusChanges).where(eq(certificateStatusChanges.certificateId, cert!.id));
    expect(history.map((c) => [c.action, c.reason])).toEqual([
      ['revoked', 'Issued in error'],
      ['reinstated', 'Revoked by mistake'],
    ]);
    const kinds = (await h.db.select().from(learningEvents).where(eq(learningEvents.userId, user.id))).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('certificate.')).sort()).toEqual(['certificate.issued', 'certificate.reinstated', 'certificate.revoked']);
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
  });

  test('recertification needs the quizzes and consults passed again once the window opens', async () => {
    const issued = new Date('2026-01-10T10:00:00Z');
    const user = await doctorOneShort(h.db, email('recert'), null, issued);
    const [first] = await issueEarnedCertificates(h.db, user.id, issued);
    const inWindow = new Date(first!.expiresAt.getTime() - 30 * day);
    // The window is open, but every assessment predates it: no second cycle.
    expect(await issueEarnedCertificates(h.db, user.id, inWindow)).toEqual([]);
    const catalog = await getCatalog();
    const programme = catalog.programmes.find((p) => p.def.id === PROGRAMME)!.def;
    const { required, anyOf } = programme.requirements.consults;
    const again = new Date(first!.expiresAt.getTime() - 40 * day);
    await h.db.insert(quizAttempts).values(programme.requirements.quizzes.map((q) => ({ userId: user.id, quizId: q.quiz, contentHash: 'h', seed: 1, paper: [], startedAt: again, submittedAt: again, score: 80, passed: true })));
    await h.db.insert(consultAttempts).values(required.map((caseId) => ({ userId: user.id, caseId, contentHash: 'h', state: {}, startedAt: again, finishedAt: again, score: 80, passed: true, criticalErrors: [] })));
    expect(await issueEarnedCertificates(h.db, user.id, inWindow)).toEqual([]); // the optional consults are still old
    await h.db.insert(consultAttempts).values(anyOf!.from.slice(0, anyOf!.count).map((caseId) => ({ userId: user.id, caseId, contentHash: 'h', state: {}, startedAt: again, finishedAt: again, score: 80, passed: true, criticalErrors: [] })));
    const [second] = await issueEarnedCertificates(h.db, user.id, inWindow);
    expect(second).toMatchObject({ cycle: 2 });
    expect(second!.evidence).toMatchObject({ assessedSince: new Date(first!.expiresAt.getTime() - programme.recertifyWindowDays * day).toISOString() });
  });

  test('only admins change a certificate status, and an unknown code is not found', async () => {
    const boss = await admin();
    await expect(changeCertificateStatus(h.db, boss, 'abcdefghjkmnpqrs', 'revoked', 'reason', new Date())).rejects.toMatchObject({ code: 'not_found' });
  });
});
