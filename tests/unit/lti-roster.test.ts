import { describe, expect, test } from 'vitest';
import { type RosterMember, nextPageUrl, planRoster, rosterStale } from '@/lib/domain/lti-roster';

const page1 = 'https://lms.example/api/memberships?page=1';

describe('the next page of a roster', () => {
  test.each([
    ['a next link', '<https://lms.example/api/memberships?page=2>; rel="next"', 'https://lms.example/api/memberships?page=2'],
    ['next among other relations', '<https://lms.example/m?p=1>; rel="first", <https://lms.example/m?p=3>; rel="next", <https://lms.example/m?p=9>; rel="last"', 'https://lms.example/m?p=3'],
    ['a relative link', '</api/memberships?page=2>; rel=next', 'https://lms.example/api/memberships?page=2'],
    ['a differences link only', '<https://lms.example/m?since=1>; rel="differences"', null],
    ['no header (the last page)', null, null],
    ['a next link to another host (the token must not go there)', '<https://evil.example/m?page=2>; rel="next"', null],
  ])('%s', (_name, header, next) => expect(nextPageUrl(header, page1)).toBe(next));
});

const learner = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
const teacher = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
const m = (sub: string, status: RosterMember['status'] = 'Active', roles = [learner]): RosterMember => ({ sub, status, roles });

describe('what a roster changes', () => {
  test('active learners join; teachers do not; inactive, deleted and unlisted linked members leave', () => {
    const roster = [m('a'), m('b', 'Inactive'), m('c', 'Deleted'), m('t', 'Active', [teacher]), m('e')];
    const linked = [{ userId: 'ua', sub: 'a' }, { userId: 'ub', sub: 'b' }, { userId: 'uc', sub: 'c' }, { userId: 'ud', sub: 'd' }];
    const plan = planRoster(roster, linked);
    expect(plan.learners.map((l) => l.sub)).toEqual(['a', 'e']);
    expect(plan.leaving).toEqual(['ub', 'uc', 'ud']);
  });

  test('an empty roster of a course everyone left makes every linked member leave', () => {
    expect(planRoster([], [{ userId: 'ua', sub: 'a' }]).leaving).toEqual(['ua']);
  });
});

describe('when opening the page syncs the roster again', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  test.each([
    ['never synced', null, true],
    ['synced a minute ago', new Date('2026-03-01T09:59:00Z'), false],
    ['synced exactly 15 minutes ago', new Date('2026-03-01T09:45:00Z'), true],
    ['synced 14 minutes 59 seconds ago', new Date('2026-03-01T09:45:01Z'), false],
  ])('%s', (_name, at, stale) => expect(rosterStale(at, now)).toBe(stale));
});
