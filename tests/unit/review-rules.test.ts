import { describe, expect, test } from 'vitest';
import {
  type Decision,
  type ReviewItem,
  decisionsCsv,
  itemsCertifiedBy,
  learnerLine,
  reviewState,
  reviewStates,
  signOffGate,
} from '@/lib/domain/review';

const at = (day: number) => new Date(Date.UTC(2027, 0, day));
let n = 0;
const decide = (hash: string, decision: Decision['decision'], day: number, who = 'Dr Amina Reviewer', comment: string | null = null): Decision => ({
  kind: 'lesson',
  id: 'maternal-child/pregnancy-danger-signs',
  decisionId: `d${++n}`,
  hash,
  decision,
  reviewerName: who,
  decidedAt: at(day),
  comment,
});

describe('reviewState', () => {
  test.each([
    { name: 'no decision on any version: awaiting', decisions: [], state: 'awaiting' },
    { name: 'signed off at the current hash: signed off', decisions: [decide('h2', 'signed-off', 1)], state: 'signed-off' },
    { name: 'signed off, then the content was edited (a new hash): needs review again', decisions: [decide('h1', 'signed-off', 1)], state: 'needs-review-again' },
    { name: 'changes requested at the current hash: changes requested', decisions: [decide('h2', 'changes-requested', 1)], state: 'changes-requested' },
    { name: 'changes requested, then edited: needs review again', decisions: [decide('h1', 'changes-requested', 1)], state: 'needs-review-again' },
    { name: 'changes requested, edited, then signed off at the new hash: signed off', decisions: [decide('h1', 'changes-requested', 1), decide('h2', 'signed-off', 2)], state: 'signed-off' },
    { name: 'signed off, then a later request for changes on the same version wins', decisions: [decide('h2', 'signed-off', 1), decide('h2', 'changes-requested', 2)], state: 'changes-requested' },
    { name: 'the latest decision wins whatever order they are given in', decisions: [decide('h2', 'signed-off', 3), decide('h2', 'changes-requested', 2)], state: 'signed-off' },
    { name: 'a sign-off of an older version does not count for the current one, even if later', decisions: [decide('h2', 'changes-requested', 1), decide('h1', 'signed-off', 5)], state: 'changes-requested' },
  ] as const)('$name', ({ decisions, state }) => {
    expect(reviewState('h2', decisions).state).toBe(state);
  });

  test('needs review again names the last decision, on the version it was made', () => {
    const result = reviewState('h3', [decide('h1', 'signed-off', 1, 'Dr A'), decide('h2', 'signed-off', 2, 'Dr B')]);
    expect(result).toMatchObject({ state: 'needs-review-again', previous: { hash: 'h2', reviewerName: 'Dr B' } });
  });
});

describe('learnerLine', () => {
  test('names the reviewer and date of a sign-off of the current version, and nothing else', () => {
    expect(learnerLine(reviewState('h2', [decide('h2', 'signed-off', 4, 'Dr Amina Reviewer')]))).toEqual({ reviewedBy: 'Dr Amina Reviewer', on: at(4) });
    expect(learnerLine(reviewState('h2', [decide('h1', 'signed-off', 4)]))).toBeNull();
    expect(learnerLine(reviewState('h2', [decide('h2', 'changes-requested', 4)]))).toBeNull();
    expect(learnerLine(reviewState('h2', []))).toBeNull();
  });
});

const item = (kind: ReviewItem['kind'], id: string, group: string, cites: string[] = [], hash = `${id}#1`): ReviewItem => ({ kind, id, hash, title: id, group, cites });
const items: ReviewItem[] = [
  item('lesson', 'm1/a', 'm1', ['ref-a']),
  item('lesson', 'm2/b', 'm2', ['ref-b']),
  item('question', 'q1/x', 'q1', ['ref-x']),
  item('question', 'q2/y', 'q2', ['ref-y']),
  item('case', 'c-req', 'c-req', ['ref-c']),
  item('case', 'c-any', 'c-any', []),
  item('case', 'c-other', 'c-other', ['ref-other']),
  item('reference', 'ref-a', 'ref-a'),
  item('reference', 'ref-b', 'ref-b'),
  item('reference', 'ref-x', 'ref-x'),
  item('reference', 'ref-y', 'ref-y'),
  item('reference', 'ref-c', 'ref-c'),
  item('reference', 'ref-other', 'ref-other'),
  item('reference', 'ref-unused', 'ref-unused'),
];
const requirements = { modules: ['m1'], quizzes: [{ quiz: 'q1' }], consults: { required: ['c-req'], anyOf: { from: ['c-any'] } } };

describe('itemsCertifiedBy', () => {
  test('a programme certifies its modules’ lessons, its quizzes’ questions, every case it names, and what they cite', () => {
    expect(itemsCertifiedBy(requirements, items).map((i) => `${i.kind}:${i.id}`)).toEqual([
      'lesson:m1/a',
      'question:q1/x',
      'case:c-req',
      'case:c-any',
      'reference:ref-a',
      'reference:ref-x',
      'reference:ref-c',
    ]);
  });

  test('a programme that names nothing certifies nothing', () => {
    expect(itemsCertifiedBy({ modules: [], quizzes: [], consults: { required: [] } }, items)).toEqual([]);
  });
});

describe('signOffGate', () => {
  const certified = itemsCertifiedBy(requirements, items);
  const signAll = (except: string[] = [], hashOf = (i: ReviewItem) => i.hash): Decision[] =>
    certified
      .filter((i) => !except.includes(i.id))
      .map((i) => ({ kind: i.kind, id: i.id, decisionId: i.id, hash: hashOf(i), decision: 'signed-off', reviewerName: 'R', decidedAt: at(1), comment: null }));

  test.each([
    { name: 'every item signed off at its current hash: complete', decisions: signAll(), complete: true, pending: [] },
    { name: 'one reference left: waits for that one', decisions: signAll(['ref-c']), complete: false, pending: ['ref-c'] },
    { name: 'one case of an "any of" list left: waits (any may be the one passed)', decisions: signAll(['c-any']), complete: false, pending: ['c-any'] },
    {
      name: 'everything signed off, then a lesson edited: waits for it again',
      decisions: signAll([], (i) => (i.id === 'm1/a' ? 'old' : i.hash)),
      complete: false,
      pending: ['m1/a'],
    },
  ])('$name', ({ decisions, complete, pending }) => {
    const gate = signOffGate(certified, reviewStates(items, decisions));
    expect(gate.complete).toBe(complete);
    expect(gate.pending.map((p) => p.item.id)).toEqual(pending);
    expect(gate.signedOff).toBe(certified.length - pending.length);
  });

  test('an item outside the programme does not hold it', () => {
    const gate = signOffGate(certified, reviewStates(items, signAll()));
    expect(gate.complete).toBe(true);
    expect(reviewStates(items, signAll()).get('reference:ref-unused')?.state).toBe('awaiting');
  });
});

describe('decisionsCsv', () => {
  test('one row per decision with item, kind, hash, decision, reviewer, ISO date and comment; formulas are defused', () => {
    const csv = decisionsCsv([
      { ...decide('h1', 'signed-off', 2, 'Dr Amina Reviewer'), title: 'Pregnancy danger signs', currentHash: 'h2' },
      { ...decide('h2', 'changes-requested', 3, '=HYPERLINK("x")', 'Name the 140/90 threshold, please'), title: 'Pregnancy danger signs', currentHash: 'h2' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'item,kind,hash,decision,reviewer,date,comment,title,version',
      'maternal-child/pregnancy-danger-signs,lesson,h1,signed-off,Dr Amina Reviewer,2027-01-02T00:00:00.000Z,,Pregnancy danger signs,superseded by an edit',
      `maternal-child/pregnancy-danger-signs,lesson,h2,changes-requested,"'=HYPERLINK(""x"")",2027-01-03T00:00:00.000Z,"Name the 140/90 threshold, please",Pregnancy danger signs,current`,
      '',
    ]);
  });
});
