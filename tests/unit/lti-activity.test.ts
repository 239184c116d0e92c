import { describe, expect, test } from 'vitest';
import { activityOf, activityPath, gradeOf, scoreRefused, scoresUrl } from '@/lib/domain/lti-activity';

const at = new Date('2026-03-01T09:30:00.000Z');

describe('what a resource link points at', () => {
  test.each([
    ['/quizzes/consent-basics', 'quiz:consent-basics'],
    ['/quizzes/consent-basics/attempts/abc', 'quiz:consent-basics'],
    ['/consults/chest-pain', 'consult:chest-pain'],
    ['/modules/foundations/what-is-telemedicine', 'module:foundations'],
    ['/certificates?programme=readiness-students', 'programme:readiness-students'],
    ['/certificates', 'page'],
    ['/', 'page'],
    ['/quizzes', 'page'],
  ])('%s is %s', (landing, activity) => expect(activityOf(landing)).toBe(activity));

  test.each(['quiz', 'consult', 'module', 'programme'] as const)('the path deep linking builds for a %s leads back to it', (kind) => {
    expect(activityOf(activityPath(kind, 'item-1'))).toBe(`${kind}:item-1`);
  });
});

describe('the score an event posts', () => {
  test.each([
    ['a passed quiz', 'quiz.graded', { quizId: 'q', attemptId: 'a', score: 85, passed: true, closedBy: 'learner' }, { activity: 'quiz:q', scoreGiven: 85, comment: 'Passed' }],
    ['a failed quiz closed at its deadline', 'quiz.graded', { quizId: 'q', attemptId: 'a', score: 40, passed: false, closedBy: 'deadline' }, { activity: 'quiz:q', scoreGiven: 40, comment: 'Not passed' }],
    ['a finished consult', 'consult.finished', { caseId: 'c', attemptId: 'a', score: 72.25, passed: true }, { activity: 'consult:c', scoreGiven: 72.3, comment: 'Passed' }],
    ['an issued certificate (full marks)', 'certificate.issued', { certificateId: 'x', programmeId: 'p', cycle: 1, code: 'ABC' }, { activity: 'programme:p', scoreGiven: 100, comment: 'Certificate ABC' }],
  ])('%s', (_name, kind, payload, expected) => {
    const grade = gradeOf(kind, payload, at)!;
    expect(grade.activity).toBe(expected.activity);
    expect(grade.score).toEqual({ scoreGiven: expected.scoreGiven, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: '2026-03-01T09:30:00.000Z', comment: expected.comment });
  });

  test('a lesson completion posts no grade', () => expect(gradeOf('lesson.completed', { moduleSlug: 'm', lessonSlug: 'l' }, at)).toBeNull());
});

describe('the scores URL of a line item', () => {
  test.each([
    ['https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1', 'https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1'],
    ['https://canvas.example/api/lti/courses/1/line_items/7', 'https://canvas.example/api/lti/courses/1/line_items/7/scores'],
    ['https://lms.example/items/7/', 'https://lms.example/items/7/scores'],
  ])('%s', (item, scores) => expect(scoresUrl(item)).toBe(scores));
});

test.each([
  [400, true],
  [404, true],
  [422, true],
  [401, false],
  [429, false],
  [500, false],
  [503, false],
])('an answer %i refuses the score for good: %s', (status, refused) => expect(scoreRefused(status)).toBe(refused));
