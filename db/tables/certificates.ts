// Issued certificates.
import { sql } from 'drizzle-orm';
import { bigserial, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** The institution whose cohort the certificate was earned through, if any: its name, logo and signatory are printed. */
    institutionId: uuid('institution_id'),
    /** The holder's professional registration (PMDC or another council) as it was when issued, if they gave one. */
    holderRegistration: text('holder_registration'),
    programmeTitle: text('programme_title').notNull(),
    cpdHours: doublePrecision('cpd_hours'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    contentVersions: jsonb('content_versions').$type<Record<string, string>>().notNull(),
    credential: text('credential').notNull(),
    /** What the certificate states beyond the name and programme, fixed at issue: issuer, signatory, hours, provider, competencies. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [uniqueIndex('certificates_user_programme_cycle_uq').on(t.userId, t.programmeId, t.cycle), index('certificates_user_idx').on(t.userId)],
);

/**
 * Each revocation and reinstatement of a certificate, in order: the certificate row holds only the
 * current state, this keeps who did what, when and why.
 */
export const certificateStatusChanges = pgTable(
  'certificate_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['revoked', 'reinstated'] }).notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('certificate_status_changes_certificate_idx').on(t.certificateId, t.id)],
);

/**
 * A learner who has met every requirement of a programme that issues only signed-off content,
 * while some of that content still awaits sign-off. The sign-off that completes the programme
 * releases exactly these learners (lib/services/events/handlers.ts); issuing removes the row.
 */
export const certificateHolds = pgTable(
  'certificate_holds',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.programmeId] }), index('certificate_holds_programme_idx').on(t.programmeId)],
);
