import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { getPublicCertificate, listOwnCertificates, revokeCertificate } from '@/db/queries/certificates';
import { createUser } from '@/db/queries/users';
import { consultAttempts, lessonCompletions, quizAttempts } from '@/db/schema';
import { awardEarnedCertificates } from '@/lib/certification/award';
import { getCatalog } from '@/lib/content';
import { verifyOpenBadge } from '@/lib/credentials/open-badge';
import { certificateStatus } from '@/lib/domain/certification';
import { suiteDatabase, testDatabases } from '../support/databases';

// The development signing key is generated into DATA_DIR: keep it out of the checkout.
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'cert-keys-'));

describe.each(testDatabases)('certificates on $name', ({ open }) => {
  const h = suiteDatabase(open);

  async function doctorWithEvidence(email: string, opts: { criticalError?: boolean } = {}) {
    const user = (await createUser(h.db, { name: 'Dr Saima Test', email, passwordHash: 'x', profession: 'doctor' }))!;
    const catalog = await getCatalog();
    const programme = catalog.programmes.find((p) => p.def.id === 'practice-doctors')!.def;
    const lessons = catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).flatMap((m) => m.lessons);
    await h.db.insert(lessonCompletions).values(lessons.map((l) => ({ userId: user.id, moduleSlug: l.moduleSlug, lessonSlug: l.slug, contentHash: l.hash })));
    const now = new Date();
    await h.db.insert(quizAttempts).values(
      programme.requirements.quizzes.map((q) => ({ userId: user.id, quizId: q.quiz, contentHash: 'h', seed: 1, paper: [], startedAt: now, submittedAt: now, score: 90, passed: true })),
    );
    await h.db.insert(consultAttempts).values(
      [...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from.slice(0, programme.requirements.consults.anyOf.count) ?? [])].map((caseId, i) => ({
        userId: user.id,
        caseId,
        contentHash: 'h',
        state: {},
        finishedAt: now,
        passed: true,
        criticalErrors: opts.criticalError && i === 0 ? ['no-location'] : [],
      })),
    );
    return user;
  }

  test('the last requirement met issues one signed certificate, even when asked twice at once', async () => {
    const user = await doctorWithEvidence('cert-ok@example.com');
    const now = new Date();
    const [a, b] = await Promise.all([awardEarnedCertificates(h.db, user, now), awardEarnedCertificates(h.db, user, now)]);
    expect(a.length + b.length).toBe(1);
    const certs = await listOwnCertificates(h.db, user);
    expect(certs).toHaveLength(1);
    const cert = certs[0]!;
    expect(cert).toMatchObject({ programmeId: 'practice-doctors', cycle: 1, holderName: 'Dr Saima Test', cpdHours: 12 });
    expect(cert.code).toMatch(/^[a-z2-9]{16}$/);
    expect(Object.keys(cert.contentVersions)).toContain('module:foundations');

    const verified = await verifyOpenBadge(cert.credential);
    expect(verified.signatureValid).toBe(true);
    if (verified.signatureValid) expect(verified.code).toBe(cert.code);

    expect(await awardEarnedCertificates(h.db, user, new Date())).toEqual([]);
  });

  test('a consult passed with a critical error does not count, so nothing is issued', async () => {
    const user = await doctorWithEvidence('cert-critical@example.com', { criticalError: true });
    expect(await awardEarnedCertificates(h.db, user, new Date())).toEqual([]);
  });

  test('a tampered credential fails verification', async () => {
    const user = await doctorWithEvidence('cert-tamper@example.com');
    const [cert] = await awardEarnedCertificates(h.db, user, new Date());
    const [header, payload, signature] = cert!.credential.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.vc.credentialSubject.name = 'Someone Else';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect((await verifyOpenBadge(forged)).signatureValid).toBe(false);
  });

  test('only an admin revokes; the public record then says revoked and shows nothing else about the holder', async () => {
    const user = await doctorWithEvidence('cert-revoke@example.com');
    const admin = (await createUser(h.db, { name: 'Admin', email: 'cert-admin@example.com', passwordHash: 'x', profession: 'other', role: 'admin' }))!;
    const [cert] = await awardEarnedCertificates(h.db, user, new Date());
    await expect(revokeCertificate(h.db, user, cert!.code, 'self', new Date())).rejects.toMatchObject({ code: 'forbidden' });
    await revokeCertificate(h.db, admin, cert!.code, 'Issued in error', new Date());
    const pub = (await getPublicCertificate(h.db, cert!.code))!;
    expect(Object.keys(pub).sort()).toEqual(['code', 'cpdHours', 'credential', 'expiresAt', 'holderName', 'issuedAt', 'programmeId', 'programmeTitle', 'revokedAt']);
    expect(certificateStatus(pub, new Date(), 60)).toBe('revoked');
  });
});
