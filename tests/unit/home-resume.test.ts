import { describe, expect, test } from 'vitest';
import { checklist } from '@/lib/domain/certification/checklist';
import { nextLesson, recentResults, resumePoints } from '@/lib/domain/home/resume';

const modules = [
  { slug: 'm1', lessons: [{ slug: 'a' }, { slug: 'b' }] },
  { slug: 'm2', lessons: [{ slug: 'c' }] },
];
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('nextLesson', () => {
  test.each([
    ['nothing read yet: the first lesson', [], { moduleSlug: 'm1', lessonSlug: 'a', at: null }],
    ['after a: b in the same module', [{ moduleSlug: 'm1', lessonSlug: 'a', completedAt: at(1) }], { moduleSlug: 'm1', lessonSlug: 'b', at: at(1) }],
    [
      'module finished: the next module',
      [
        { moduleSlug: 'm1', lessonSlug: 'a', completedAt: at(1) },
        { moduleSlug: 'm1', lessonSlug: 'b', completedAt: at(2) },
      ],
      { moduleSlug: 'm2', lessonSlug: 'c', at: at(2) },
    ],
    ['last lesson read first: wraps to the earliest unread', [{ moduleSlug: 'm2', lessonSlug: 'c', completedAt: at(1) }], { moduleSlug: 'm1', lessonSlug: 'a', at: at(1) }],
    ['a lesson since removed: from the top', [{ moduleSlug: 'gone', lessonSlug: 'x', completedAt: at(1) }], { moduleSlug: 'm1', lessonSlug: 'a', at: at(1) }],
  ])('%s', (_name, completions, expected) => {
    expect(nextLesson(modules, completions)).toEqual({ kind: 'lesson', ...expected });
  });

  test('every lesson read: nothing to continue', () => {
    const all = ['a', 'b'].map((l, i) => ({ moduleSlug: 'm1', lessonSlug: l, completedAt: at(i) }));
    expect(nextLesson(modules, [...all, { moduleSlug: 'm2', lessonSlug: 'c', completedAt: at(5) }])).toBeNull();
  });
});

describe('resumePoints', () => {
  const now = at(30);
  test('an open consult and quiz come before the next lesson, newest first; expired and submitted quizzes are left out', () => {
    const points = resumePoints({
      modules,
      completions: [{ moduleSlug: 'm1', lessonSlug: 'a', completedAt: at(1) }],
      quizAttempts: [
        { id: 'q-open', quizId: 'q1', startedAt: at(10), deadline: null, submittedAt: null },
        { id: 'q-expired', quizId: 'q2', startedAt: at(11), deadline: at(29), submittedAt: null },
        { id: 'q-done', quizId: 'q3', startedAt: at(12), deadline: null, submittedAt: at(13) },
      ],
      openConsults: [{ id: 'c-open', caseId: 'case1', startedAt: at(20), step: 3 }],
      now,
    });
    expect(points.map((p) => p.kind)).toEqual(['consult', 'quiz', 'lesson']);
    expect(points[1]).toMatchObject({ attemptId: 'q-open' });
  });

  test('the deadline exactly now counts as passed', () => {
    const points = resumePoints({ modules, completions: [], quizAttempts: [{ id: 'q', quizId: 'q1', startedAt: at(1), deadline: now, submittedAt: null }], openConsults: [], now });
    expect(points.map((p) => p.kind)).toEqual(['lesson']);
  });
});

test('recentResults keeps the newest, newest first', () => {
  const results = [1, 5, 3].map((m) => ({ kind: 'quiz' as const, id: `r${m}`, itemId: 'q', at: at(m), score: 50, passed: false }));
  expect(recentResults(results, 2).map((r) => r.id)).toEqual(['r5', 'r3']);
});

describe('checklist', () => {
  test('groups modules, quizzes and consults, and counts each case a "pass any" rule still needs', () => {
    const list = checklist([
      { kind: 'module', id: 'm1', met: true },
      { kind: 'module', id: 'm2', met: false },
      { kind: 'quiz', id: 'q1', minScore: 80, best: null, state: 'not-attempted', met: false },
      { kind: 'consults-any', from: ['a', 'b', 'c'], count: 2, passed: ['a'], cases: [], met: false },
    ]);
    expect(list.groups.map((g) => [g.kind, g.done, g.total])).toEqual([
      ['modules', 1, 2],
      ['quizzes', 0, 1],
      ['consults', 1, 2],
    ]);
    expect(list.left).toBe(3);
  });

  test('a group with nothing in it is left out; all met leaves nothing', () => {
    const list = checklist([{ kind: 'consult', id: 'x', best: 90, state: 'passed', met: true }]);
    expect(list.groups.map((g) => g.kind)).toEqual(['consults']);
    expect(list.left).toBe(0);
  });
});
