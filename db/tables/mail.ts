// E-mail waiting to be sent, and what became of it.
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, users } from './accounts';

/**
 * One message, written in the same transaction as the action that causes it and delivered by the
 * learning-event path (`mail.queued`). Its bodies hold single-use links, so they are cleared once
 * the message is sent; the rest stays as a record of what was sent to whom, and when.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The account it concerns, if any (an invitation to a new address has none). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('mail_messages_user_idx').on(t.userId), index('mail_messages_created_idx').on(t.createdAt)],
);
