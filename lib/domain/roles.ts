// What each role may do. Roles are not a ladder: a reviewer signs off clinical content but runs no
// cohorts, and an instructor runs cohorts but signs off nothing; an admin can do both.
/** Every role, in the order people read them (the database enum keeps its own order). */
export const roles = ['learner', 'instructor', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** The roles whose powers each role also has (learning is everyone's). */
const includes: Record<Role, readonly Role[]> = {
  learner: ['learner'],
  instructor: ['instructor', 'learner'],
  reviewer: ['reviewer', 'learner'],
  admin: ['admin', 'instructor', 'reviewer', 'learner'],
};

/** Whether a holder of `role` has the powers of `wanted` (admin ⊃ instructor, reviewer ⊃ learner). */
export function roleIncludes(role: Role, wanted: Role): boolean {
  return includes[role].includes(wanted);
}

/** Staff run cohorts and see learners' results (instructors and admins); they do not join cohorts. */
export function isStaff(role: Role): boolean {
  return roleIncludes(role, 'instructor');
}

/** Who may sign off content or request changes to it (reviewers and admins). */
export function canReview(role: Role): boolean {
  return roleIncludes(role, 'reviewer');
}
