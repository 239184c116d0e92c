import { describe, expect, test } from 'vitest';
import { courseProgress, moduleProgress } from '@/lib/domain/curriculum/progress';

const mod = { slug: 'm', lessons: [{ slug: 'a', minutes: 10 }, { slug: 'b', minutes: 15 }, { slug: 'c', minutes: 5 }] };

describe('moduleProgress', () => {
  test.each([
    { name: 'no completions: nothing done, next is the first lesson', done: [], expected: { done: 0, complete: false, minutesDone: 0, nextLesson: 'a' } },
    { name: 'the middle lesson only: next is the first not done', done: ['b'], expected: { done: 1, complete: false, minutesDone: 15, nextLesson: 'a' } },
    { name: 'all but the last', done: ['a', 'b'], expected: { done: 2, complete: false, minutesDone: 25, nextLesson: 'c' } },
    { name: 'every lesson: complete, no next lesson', done: ['c', 'a', 'b'], expected: { done: 3, complete: true, minutesDone: 30, nextLesson: null } },
  ])('$name', ({ done, expected }) => {
    const p = moduleProgress(mod, done.map((l) => ({ moduleSlug: 'm', lessonSlug: l })));
    expect(p).toMatchObject({ ...expected, total: 3, minutesTotal: 30 });
  });

  test('completions of another module, or of a lesson since removed, do not count', () => {
    const p = moduleProgress(mod, [
      { moduleSlug: 'other', lessonSlug: 'a' },
      { moduleSlug: 'm', lessonSlug: 'removed-lesson' },
    ]);
    expect(p.done).toBe(0);
  });

  test('a module with no lessons is never complete', () => {
    expect(moduleProgress({ slug: 'e', lessons: [] }, []).complete).toBe(false);
  });
});

test('courseProgress adds up lessons, minutes and completed modules', () => {
  const other = { slug: 'n', lessons: [{ slug: 'x', minutes: 20 }] };
  const p = courseProgress([mod, other], [
    { moduleSlug: 'n', lessonSlug: 'x' },
    { moduleSlug: 'm', lessonSlug: 'a' },
  ]);
  expect(p).toMatchObject({ lessonsDone: 2, lessonsTotal: 4, minutesDone: 30, minutesTotal: 50, modulesComplete: 1 });
});
