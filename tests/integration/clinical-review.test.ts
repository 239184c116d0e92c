// The review record: who may decide, what each decision writes, and how an edit to the content
// leaves a sign-off behind. Edits are made for real, to a copy of content/ loaded again.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { type Document, isMap, isSeq, parseDocument } from 'yaml';
import { joinCohortByCode } from '@/db/queries/cohort-members';
import { createCohort } from '@/db/queries/cohorts';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { listReviewDecisions, recordReviewDecision } from '@/db/queries/review';
import { createUser } from '@/db/queries/users';
import { auditLog, eventDeliveries, learningEvents, reviewDecisions } from '@/db/schema';
import { loadCatalog } from '@/lib/content/catalog';
import { contentItems } from '@/lib/content/review-items';
import { type ItemRef, reviewStates } from '@/lib/domain/review';
import { decideOnItem } from '@/lib/services/review';
import { learnerLines } from '@/lib/services/sign-off';
import { databaseError, suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';

const LESSON = { kind: 'lesson', id: 'maternal-child/pregnancy-danger-signs' } satisfies ItemRef;
const QUESTION = { kind: 'question', id: 'maternal-child/bp-140-90-after-20-weeks' } satisfies ItemRef;

/** The entry with this id in a YAML list. */
function entry(list: unknown, id: string) {
  const found = isSeq(list) ? list.items.find((item) => isMap(item) && item.get('id') === id) : undefined;
  if (!isMap(found)) throw new Error(`no entry ${id}`);
  return found;
}

/** A copy of content/ that a test may edit, and a way to load it again as a new build would. */
async function contentCopy() {
  const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'review-content-')), 'content');
  await cp(path.join(process.cwd(), 'content'), root, { recursive: true });
  const load = async () => {
    const catalog = await loadCatalog(root);
    expect(catalog.problems).toEqual([]);
    return catalog;
  };
  return { root, load };
}

describe.each(testDatabases)('clinical review on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  const person = (role: 'learner' | 'instructor' | 'reviewer' | 'admin', name = 'Dr Amina Reviewer') =>
    createUser(h.db, { name, email: `review-${role}-${++n}@example.com`, passwordHash: 'x', profession: 'doctor', role }).then((u) => u!);
  const key = () => `key-${++n}-${Math.random().toString(36).slice(2)}`;

  test('only reviewers and admins decide; a sign-off is audited and written as an event, a double submit records once', async () => {
    const [learner, instructor, reviewer, admin] = [await person('learner'), await person('instructor'), await person('reviewer'), await person('admin', 'Demo Admin')];
    const input = { ...LESSON, hash: 'h1', decision: 'signed-off' as const, comment: null, idempotencyKey: key() };
    const now = new Date('2027-01-10T09:00:00Z');
    for (const actor of [learner, instructor]) {
      await expect(recordReviewDecision(h.db, actor, { ...input, idempotencyKey: key() }, now)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listReviewDecisions(h.db, actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
    const first = await recordReviewDecision(h.db, reviewer, input, now);
    const again = await recordReviewDecision(h.db, reviewer, input, new Date(now.getTime() + 1000));
    expect(first.created).toBe(true);
    expect(again).toEqual({ decision: first.decision, created: false });
    expect(first.decision).toMatchObject({ ...LESSON, hash: 'h1', decision: 'signed-off', reviewerName: 'Dr Amina Reviewer', decidedAt: now });
    expect(await h.db.select().from(reviewDecisions).where(eq(reviewDecisions.reviewerId, reviewer.id))).toHaveLength(1);

    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.actorId, reviewer.id), eq(auditLog.action, 'content.signed_off')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subjectType: 'content', subjectId: `lesson:${LESSON.id}`, detail: { hash: 'h1', decisionId: first.decision.decisionId } });
    const eventId = `content.signed-off:${first.decision.decisionId}`;
    expect(await h.db.select().from(learningEvents).where(eq(learningEvents.id, eventId))).toMatchObject([{ kind: 'content.signed-off', userId: null }]);
    expect((await h.db.select().from(eventDeliveries).where(eq(eventDeliveries.eventId, eventId))).map((d) => d.handler)).toEqual(['certificate-holds']);

    // An admin can do what a reviewer does; a request for changes needs a comment, and writes no event.
    await expect(recordReviewDecision(h.db, admin, { ...input, decision: 'changes-requested', idempotencyKey: key() }, now)).rejects.toMatchObject({ code: 'bad_request' });
    const change = await recordReviewDecision(h.db, admin, { ...input, decision: 'changes-requested', comment: 'Name the 140/90 threshold.', idempotencyKey: key() }, new Date(now.getTime() + 60_000));
    expect(change.decision).toMatchObject({ decision: 'changes-requested', reviewerName: 'Demo Admin', comment: 'Name the 140/90 threshold.' });
    expect(await h.db.select().from(learningEvents).where(eq(learningEvents.id, `content.signed-off:${change.decision.decisionId}`))).toEqual([]);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, 'content.changes_requested')))).toHaveLength(1);
    expect((await listReviewDecisions(h.db, reviewer, LESSON)).map((d) => d.decision)).toEqual(['signed-off', 'changes-requested']);
  });

  test('a reviewer is not staff: no cohorts of their own, no learners’ statistics, but they join a cohort as any learner does', async () => {
    const [reviewer, instructor] = [await person('reviewer'), await person('instructor')];
    const cohort = { name: 'Review cohort', institutionId: await staffAt(h.db, 'Test College', instructor.id), programmeId: 'practice-doctors', dueDate: new Date(Date.now() + 30 * 86_400_000) };
    await expect(createCohort(h.db, reviewer, cohort)).rejects.toMatchObject({ code: 'not_found' });
    const quiz = (await loadCatalog(path.join(process.cwd(), 'content'))).quizzes[0]!.def;
    await expect(quizStatistics(h.db, reviewer, quiz)).rejects.toMatchObject({ code: 'forbidden' });
    const created = await createCohort(h.db, instructor, cohort);
    expect(await joinCohortByCode(h.db, reviewer, created.joinCode)).toMatchObject({ status: 'joined', cohortId: created.id });
  });

  test('the record is append-only: the database refuses to change or remove a decision', async () => {
    const reviewer = await person('reviewer');
    await recordReviewDecision(h.db, reviewer, { ...QUESTION, hash: 'q1', decision: 'signed-off', comment: null, idempotencyKey: key() }, new Date());
    expect(await databaseError(h.db.update(reviewDecisions).set({ decision: 'changes-requested' }).where(eq(reviewDecisions.reviewerId, reviewer.id)))).toMatch(/append-only/);
    expect(await databaseError(h.db.delete(reviewDecisions).where(eq(reviewDecisions.reviewerId, reviewer.id)))).toMatch(/append-only/);
    expect(await h.db.select().from(reviewDecisions).where(eq(reviewDecisions.reviewerId, reviewer.id))).toMatchObject([{ decision: 'signed-off' }]);
  });

  test('editing a lesson after its sign-off marks it as needing review again, and learners are told it awaits review', async () => {
    const reviewer = await person('reviewer', 'Dr Farah Siddiqui');
    const content = await contentCopy();
    const before = await content.load();
    const lesson = contentItems(before).find((i) => i.kind === 'lesson' && i.id === LESSON.id)!;
    const signedAt = new Date('2027-02-01T10:00:00Z');
    await decideOnItem(h.db, reviewer, before, { ...LESSON, hash: lesson.hash, decision: 'signed-off', comment: null, idempotencyKey: key() }, signedAt);
    expect((await learnerLines(h.db, before, 'lesson', [LESSON.id])).get(LESSON.id)).toEqual({ reviewedBy: 'Dr Farah Siddiqui', on: signedAt });

    const file = path.join(content.root, 'modules', '08-maternal-child', 'lessons', '04-pregnancy-danger-signs.mdx');
    await writeFile(file, `${await readFile(file, 'utf8')}\nA sentence added after the sign-off.\n`);
    const after = await content.load();
    const edited = contentItems(after).find((i) => i.kind === 'lesson' && i.id === LESSON.id)!;
    expect(edited.hash).not.toBe(lesson.hash);
    const states = reviewStates(contentItems(after), await listReviewDecisions(h.db, reviewer));
    expect(states.get(`lesson:${LESSON.id}`)).toMatchObject({ state: 'needs-review-again', previous: { hash: lesson.hash, reviewerName: 'Dr Farah Siddiqui' } });
    expect((await learnerLines(h.db, after, 'lesson', [LESSON.id])).get(LESSON.id)).toBeNull();

    // A form shown before the edit cannot sign off the new text.
    await expect(decideOnItem(h.db, reviewer, after, { ...LESSON, hash: lesson.hash, decision: 'signed-off', comment: null, idempotencyKey: key() }, new Date())).rejects.toMatchObject({ code: 'conflict' });
    await decideOnItem(h.db, reviewer, after, { ...LESSON, hash: edited.hash, decision: 'signed-off', comment: null, idempotencyKey: key() }, new Date('2027-02-02T10:00:00Z'));
    expect((await learnerLines(h.db, after, 'lesson', [LESSON.id])).get(LESSON.id)).toEqual({ reviewedBy: 'Dr Farah Siddiqui', on: new Date('2027-02-02T10:00:00Z') });
  });

  test('a question and a reference are hashed on their own fields: an edit to one leaves its neighbours as they were, whatever the YAML layout', async () => {
    const content = await contentCopy();
    const hashes = async () => new Map(contentItems(await content.load()).map((i) => [`${i.kind}:${i.id}`, i.hash]));
    const before = await hashes();
    const edit = async (file: string, change: (doc: Document) => void) => {
      const doc = parseDocument(await readFile(path.join(content.root, file), 'utf8'));
      change(doc);
      // Written back by the YAML library: quoting, wrapping and indentation change throughout the file.
      await writeFile(path.join(content.root, file), doc.toString({ lineWidth: 0, indent: 4 }));
    };
    const changed = async () => [...(await hashes())].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);

    await edit('quizzes/maternal-child.yaml', () => undefined);
    expect(await changed()).toEqual([]);

    await edit('quizzes/maternal-child.yaml', (doc) => entry(doc.get('questions'), 'bp-140-90-after-20-weeks').set('rationale', 'A rewritten rationale.'));
    expect(await changed()).toEqual([`question:${QUESTION.id}`]);

    await edit('references/m08.yaml', (doc) => entry(doc.contents, 'who-psbi-2015').set('note', 'Checked against the 2015 guideline on 1 March 2027.'));
    expect(await changed()).toEqual([`question:${QUESTION.id}`, 'reference:who-psbi-2015']);
  });
});
