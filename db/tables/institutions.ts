// Institutions (medical colleges, universities, CPD bodies) and their staff.
import { customType, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, users } from './accounts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A body that runs cohorts and whose name (with its logo and signatory) a certificate earned
 * through one of its cohorts carries. `emailDomain` only suggests membership, never grants it.
 */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  shortName: text('short_name'),
  country: text('country'),
  province: text('province'),
  emailDomain: text('email_domain'),
  signatoryName: text('signatory_name'),
  signatoryTitle: text('signatory_title'),
  /** A small PNG or JPEG (at most 100 kB), served by the app at /institutions/<id>/logo. */
  logo: bytea('logo'),
  logoType: text('logo_type'),
  /** Changes whenever the logo does, so its URL can be cached for a year. */
  logoVersion: text('logo_version'),
  createdAt: createdAt(),
  /** A merged institution points at the one that absorbed its cohorts and staff; it no longer shows. */
  mergedInto: uuid('merged_into'),
});

/** What a member of an institution's staff may do there (lib/domain/institutions). */
export const institutionRoleEnum = pgEnum('institution_role', ['admin', 'instructor', 'viewer']);

/** A person's role at an institution: one row per person and institution; removal deletes it (audited). */
export const institutionStaff = pgTable(
  'institution_staff',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: institutionRoleEnum('role').notNull(),
    appointedBy: uuid('appointed_by').references(() => users.id, { onDelete: 'set null' }),
    appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.userId] }), index('institution_staff_user_idx').on(t.userId)],
);

export type Institution = typeof institutions.$inferSelect;
export type InstitutionRole = (typeof institutionRoleEnum.enumValues)[number];
