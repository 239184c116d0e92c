// A programme that requires sign-off: an earned certificate waits, the page's reason is the rule's,
// and the sign-off that completes the programme releases it through the event path.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, test, vi } from 'vitest';
import { holdCounts } from '@/db/queries/certificate-holds';
import { listOwnCertificates } from '@/db/queries/certificates';
import { createUser } from '@/db/queries/users';
import { certificateHolds, eventDeliveries, learningEvents, reviewDecisions } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { contentItems } from '@/lib/content/review-items';
import { itemsCertifiedBy } from '@/lib/domain/review';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { decideOnItem } from '@/lib/services/review';
import { signOffGates } from '@/lib/services/sign-off';
import { PROGRAMME, completeLast, doctorOneShort } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';

// The shipped programmes leave the option off; this deployment turns it on for the practice certificate.
vi.mock('@/lib/content', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/content')>();
  let catalog: Awaited<ReturnType<typeof original.getCatalog>> | undefined;
  return {
    ...original,
    getCatalog: async () => {
      const shipped = await original.getCatalog();
      catalog ??= { ...shipped, programmes: shipped.programmes.map((p) => (p.def.id === PROGRAMME ? { ...p, def: { ...p.def, requireSignOff: true } } : p)) };
      return catalog;
    },
  };
});

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'signoff-keys-'));

describe.each(testDatabases)('certificates that wait for sign-off on $name', ({ open }) => {
  const h = suiteDatabase(open);

  test('an earned certificate waits for the last sign-off, which releases it (dated then) through the event path', async () => {
    const catalog = await getCatalog();
    const programme = catalog.programmes.find((p) => p.def.id === PROGRAMME)!.def;
    const certified = itemsCertifiedBy(programme.requirements, contentItems(catalog));
    expect(certified.length).toBeGreaterThan(300);
    const reviewer = (await createUser(h.db, { name: 'Dr Farah Siddiqui', email: 'signoff-reviewer@example.com', passwordHash: 'x', profession: 'doctor', role: 'reviewer' }))!;
    const past = new Date('2027-03-01T08:00:00Z');
    // Every item but the last was signed off earlier (rows written directly: this is the past).
    await h.db.insert(reviewDecisions).values(
      certified.slice(0, -1).map((i, k) => ({
        itemKind: i.kind,
        itemId: i.id,
        contentHash: i.hash,
        decision: 'signed-off' as const,
        reviewerId: reviewer.id,
        reviewerName: 'Dr Farah Siddiqui',
        decidedAt: past,
        idempotencyKey: `past-${k}`,
      })),
    );
    const last = certified.at(-1)!;
    expect((await signOffGates(h.db, catalog))(programme)).toMatchObject({ complete: false, total: certified.length, signedOff: certified.length - 1 });

    const learner = await doctorOneShort(h.db, 'signoff-learner@example.com', 'lesson');
    const bystander = await doctorOneShort(h.db, 'signoff-bystander@example.com', 'lesson');
    const earnedAt = new Date('2027-03-02T08:00:00Z');
    await completeLast(h.db, learner, 'lesson', earnedAt);
    expect(await listOwnCertificates(h.db, learner)).toEqual([]);
    expect(await h.db.select().from(certificateHolds).where(eq(certificateHolds.userId, learner.id))).toMatchObject([{ programmeId: PROGRAMME, since: earnedAt }]);
    expect((await holdCounts(h.db, reviewer)).get(PROGRAMME)).toBe(1);

    // A request for changes completes nothing; the sign-off of the last item does.
    await decideOnItem(h.db, reviewer, catalog, { ...last, decision: 'changes-requested', comment: 'Check the edition.', idempotencyKey: 'last-1' }, new Date('2027-03-03T08:00:00Z'));
    await processDueEvents(h.db, new Date('2027-03-03T09:00:00Z'));
    expect(await listOwnCertificates(h.db, learner)).toEqual([]);
    const signedAt = new Date('2027-03-04T08:00:00Z');
    const { decision } = await decideOnItem(h.db, reviewer, catalog, { ...last, decision: 'signed-off', comment: null, idempotencyKey: 'last-2' }, signedAt);
    expect((await signOffGates(h.db, catalog))(programme).complete).toBe(true);

    // The recovery pass follows the sign-off (one unblocked event per waiting learner), then issues.
    await processDueEvents(h.db, new Date('2027-03-04T08:00:01Z'));
    const unblocked = await h.db.select().from(learningEvents).where(eq(learningEvents.kind, 'certificate.unblocked'));
    expect(unblocked.map((e) => [e.userId, e.id])).toEqual([[learner.id, `certificate.unblocked:${decision.decisionId}:${PROGRAMME}:${learner.id}`]]);
    expect((await h.db.select().from(eventDeliveries).where(eq(eventDeliveries.eventId, unblocked[0]!.id))).map((d) => d.handler)).toEqual(['certificates']);
    await processDueEvents(h.db, new Date('2027-03-04T08:00:02Z'));
    const certs = await listOwnCertificates(h.db, learner);
    expect(certs).toMatchObject([{ programmeId: PROGRAMME, issuedAt: signedAt }]);
    expect(await h.db.select().from(certificateHolds).where(eq(certificateHolds.userId, learner.id))).toEqual([]);
    // Someone who had not earned it is not touched; when they do, it is issued at once.
    expect(await listOwnCertificates(h.db, bystander)).toEqual([]);
    await completeLast(h.db, bystander, 'lesson', new Date('2027-03-05T08:00:00Z'));
    expect(await listOwnCertificates(h.db, bystander)).toHaveLength(1);
  });
});
