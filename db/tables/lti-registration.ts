// LTI Dynamic Registration: the single-use links an institution's admin makes for an LMS to register itself.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, users } from './accounts';
import { institutions } from './institutions';
import { ltiPlatforms } from './lti';

/**
 * A registration link (`/lti/register/<token>`, the token stored hashed): it ties the platform that
 * registers through it to the institution, proves one of its admins asked for it, and names the
 * programme the platform's courses follow. Used once (`usedAt`), or it expires.
 */
export const ltiRegistrationLinks = pgTable(
  'lti_registration_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The platform that registered through it. */
    platformId: uuid('platform_id').references(() => ltiPlatforms.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('lti_registration_links_institution_idx').on(t.institutionId)],
);
