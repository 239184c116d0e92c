// Issued certificates.
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * An issued certificate: one per learner, programme and cycle (a recertification is the next
 * cycle), so a race to issue writes one row. It keeps a snapshot of the evidence and of the
 * content versions it was earned against, and the signed Open Badges credential.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    cycle: integer('cycle').notNull(),
    holderName: text('holder_name').notNull(),
    programmeTitle: text('programme_title').notNull(),
    cpdHours: doublePrecision('cpd_hours'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    contentVersions: jsonb('content_versions').$type<Record<string, string>>().notNull(),
    credential: text('credential').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [uniqueIndex('certificates_user_programme_cycle_uq').on(t.userId, t.programmeId, t.cycle), index('certificates_user_idx').on(t.userId)],
);
