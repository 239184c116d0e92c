// Translation review: a case's Urdu lines, a phrase panel and each namespace of the Urdu interface
// are items of their own, hashed on what a native speaker approves, so an edit calls for review
// again and a clinical edit elsewhere does not. Edits are made for real, to a copy of content/.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createUser } from '@/db/queries/users';
import { signOffRecord } from '@/db/queries/review';
import { type Catalog, loadCatalog } from '@/lib/content/catalog';
import { contentItems } from '@/lib/content/review-items';
import { type ItemRef, itemKey, reviewStates } from '@/lib/domain/review';
import { decideOnItem } from '@/lib/services/review';
import { learnerLines } from '@/lib/services/sign-off';
import { suiteDatabase, testDatabases } from '../support/databases';

const CASE_ID = 'chest-pain-lagging-video';
const URDU_CASE = { kind: 'urdu-case', id: CASE_ID } satisfies ItemRef;
const CLINICAL_CASE = { kind: 'case', id: CASE_ID } satisfies ItemRef;
const PANEL = { kind: 'urdu-phrases', id: 'consent-opening' } satisfies ItemRef;
const messages = { site: { nav: { modules: 'ماڈیول' } }, notFound: { title: 'صفحہ نہیں ملا' } };

/** A copy of content/ (and, if asked, a messages/ur.json beside it) that a test may edit and load again. */
async function projectCopy(withMessages: boolean) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'translation-review-'));
  const root = path.join(dir, 'content');
  await cp(path.join(process.cwd(), 'content'), root, { recursive: true });
  if (withMessages) {
    await mkdir(path.join(dir, 'messages'));
    await writeFile(path.join(dir, 'messages', 'ur.json'), JSON.stringify(messages, null, 2));
  }
  const edit = async (file: string, change: (text: string) => string) => {
    const target = path.join(dir, file);
    const before = await readFile(target, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    await writeFile(target, after);
  };
  const load = async () => {
    const catalog = await loadCatalog(root);
    expect(catalog.problems).toEqual([]);
    return catalog;
  };
  return { edit, load };
}

const hashOf = (catalog: Catalog, ref: ItemRef) => contentItems(catalog).find((i) => itemKey(i) === itemKey(ref))?.hash;

test('without messages/ur.json there are no interface items; with it, one per namespace', async () => {
  const bare = await (await projectCopy(false)).load();
  expect(contentItems(bare).filter((i) => i.kind === 'urdu-interface')).toEqual([]);
  const items = contentItems(await (await projectCopy(true)).load());
  expect(items.filter((i) => i.kind === 'urdu-interface').map((i) => i.id)).toEqual(['site', 'not-found']);
  expect(items.filter((i) => i.kind === 'urdu-case').map((i) => i.id)).toEqual([CASE_ID, 'pregnancy-headache-audio']);
  expect(items.filter((i) => i.kind === 'urdu-phrases').map((i) => i.id).sort()).toEqual(['closing-call', 'consent-opening', 'safety-net']);
});

test('an edited namespace needs review again; the others keep their version', async () => {
  const copy = await projectCopy(true);
  const before = await copy.load();
  await copy.edit('messages/ur.json', (t) => t.replace('صفحہ نہیں ملا', 'یہ صفحہ نہیں ملا'));
  const after = await copy.load();
  expect(hashOf(after, { kind: 'urdu-interface', id: 'not-found' })).not.toBe(hashOf(before, { kind: 'urdu-interface', id: 'not-found' }));
  expect(hashOf(after, { kind: 'urdu-interface', id: 'site' })).toBe(hashOf(before, { kind: 'urdu-interface', id: 'site' }));
});

describe.each(testDatabases)('translation review on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  const reviewer = () => createUser(h.db, { name: 'Ms Sadia Native', email: `translator-${++n}@example.com`, passwordHash: 'x', profession: 'doctor', role: 'reviewer' }).then((u) => u!);
  const key = () => `key-${++n}-${Math.random().toString(36).slice(2)}`;
  const states = async (catalog: Catalog) => reviewStates(contentItems(catalog), await signOffRecord(h.db));

  test('a signed-off translation needs review again after an edit to its Urdu, and the clinical sign-off of the case stands', async () => {
    const copy = await projectCopy(false);
    const first = await copy.load();
    const actor = await reviewer();
    const now = new Date('2027-02-01T10:00:00Z');
    for (const ref of [URDU_CASE, CLINICAL_CASE, PANEL]) {
      await decideOnItem(h.db, actor, first, { ...ref, hash: hashOf(first, ref)!, decision: 'signed-off', comment: null, idempotencyKey: key() }, now);
    }
    expect((await learnerLines(h.db, first, 'urdu-case', [CASE_ID])).get(CASE_ID)).toEqual({ reviewedBy: 'Ms Sadia Native', on: now });

    // A native speaker's correction to one Urdu line: the translation is a new version; the clinical case is not.
    await copy.edit(`content/cases/${CASE_ID}.yaml`, (t) => t.replace('جی، ڈاکٹر صاحب۔ جو پوچھنا ہے پوچھیں۔', 'جی، ڈاکٹر صاحب۔ جو پوچھنا ہو پوچھیں۔'));
    const second = await copy.load();
    let now2 = await states(second);
    expect(now2.get(itemKey(URDU_CASE))?.state).toBe('needs-review-again');
    expect(now2.get(itemKey(CLINICAL_CASE))?.state).toBe('signed-off');
    expect(now2.get(itemKey(PANEL))?.state).toBe('signed-off');
    expect((await learnerLines(h.db, second, 'urdu-case', [CASE_ID])).get(CASE_ID)).toBeNull();

    // An edit to the English a line translates: both the case and its translation need review again.
    await copy.edit(`content/cases/${CASE_ID}.yaml`, (t) => t.replace('Ask me what you need to know.', 'Ask me whatever you need to know.'));
    const third = await copy.load();
    now2 = await states(third);
    expect(now2.get(itemKey(CLINICAL_CASE))?.state).toBe('needs-review-again');
    expect(now2.get(itemKey(URDU_CASE))?.state).toBe('needs-review-again');

    // A phrase panel's Roman Urdu edited: the panel needs review again.
    await copy.edit('content/phrases/consent-opening.yaml', (t) => t.replace('Kya aap aage barhne par raazi hain?', 'Kya aap aage chalne par raazi hain?'));
    expect((await states(await copy.load())).get(itemKey(PANEL))?.state).toBe('needs-review-again');
  });

  test('a decision on a translation version that is no longer current is refused', async () => {
    const catalog = await (await projectCopy(false)).load();
    await expect(
      decideOnItem(h.db, await reviewer(), catalog, { ...URDU_CASE, hash: '0000000000000000', decision: 'signed-off', comment: null, idempotencyKey: key() }, new Date()),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
