import { describe, expect, test } from 'vitest';
import { roleEnum } from '@/db/tables/accounts';
import { canReview, isStaff, roleIncludes, roles } from '@/lib/domain/roles';
import { roleChangeSchema } from '@/lib/validation/account';

describe('roleIncludes', () => {
  test.each([
    { role: 'learner', wanted: 'learner', yes: true },
    { role: 'learner', wanted: 'reviewer', yes: false },
    { role: 'instructor', wanted: 'learner', yes: true },
    { role: 'instructor', wanted: 'reviewer', yes: false },
    { role: 'reviewer', wanted: 'learner', yes: true },
    { role: 'reviewer', wanted: 'instructor', yes: false },
    { role: 'reviewer', wanted: 'admin', yes: false },
    { role: 'admin', wanted: 'reviewer', yes: true },
    { role: 'admin', wanted: 'instructor', yes: true },
    { role: 'reviewer', wanted: 'reviewer', yes: true },
  ] as const)('$role has the powers of $wanted: $yes', ({ role, wanted, yes }) => {
    expect(roleIncludes(role, wanted)).toBe(yes);
  });
});

test('a reviewer is not staff (no cohorts, no learners’ results) and an instructor is not a reviewer', () => {
  expect(roles.filter(isStaff)).toEqual(['instructor', 'admin']);
  expect(roles.filter(canReview)).toEqual(['reviewer', 'admin']);
});

test('the database enum holds exactly the roles the rules know, and an admin may grant each', () => {
  expect([...roleEnum.enumValues].sort()).toEqual([...roles].sort());
  for (const role of roles) expect(roleChangeSchema.safeParse({ userId: crypto.randomUUID(), role }).success).toBe(true);
  expect(roleChangeSchema.safeParse({ userId: crypto.randomUUID(), role: 'owner' }).success).toBe(false);
});
