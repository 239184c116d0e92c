// The privacy registry: every table and every column of the database, with what it holds about a
// person, whether it goes into that person's export, and what erasing their account does to it.
// tests/integration/privacy-registry.test.ts reads the migrated database and fails on any table or
// column missing here, so a new feature cannot forget to decide. Pure data: no I/O.
import type { TableRule } from './rules';
import { accountTables } from './tables/accounts';
import { learningTables } from './tables/learning';
import { ltiTables } from './tables/lti';

export type { Column, Erasure, TableRule } from './rules';

/** Days between a deletion request and the erasure; signing in during them cancels the request. */
export const deletionGraceDays = 14;

/** What a pseudonymised account shows wherever its name was: instructors' views, admin lists. */
export const deletedLearnerName = 'Deleted learner';

/** The holder name a revoked certificate of an erased account keeps, so /verify can say "revoked". */
export const certificateTombstoneName = '[holder deleted their account]';

/** The reason a certificate of an erased account is revoked with; such a revocation cannot be undone. */
export const accountDeletedReason = 'account deleted';

/** Every table of the database (the test in tests/integration/privacy-registry.test.ts holds it to that). */
export const privacyRegistry = { ...accountTables, ...learningTables, ...ltiTables } satisfies Record<string, TableRule>;

export type RegisteredTable = keyof typeof privacyRegistry;

/** Whether an address is the stand-in an erased account was given (views show "deleted learner" without it). */
export function isErasedAddress(email: string): boolean {
  return email.endsWith('@deleted.invalid');
}
