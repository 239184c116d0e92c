import 'server-only';
// Reads and writes driven by the privacy registry (lib/privacy/registry.ts): a person's rows in
// every table, for their export, and the erasure of their account. These are the only queries that
// walk every table; they run once per export or erasure, never on a page's path.
import { type SQL, and, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, users } from '../schema';
import { type TableRule, certificateTombstoneName, deletedLearnerName, privacyRegistry } from '@/lib/privacy/registry';
import type { ErasedValue } from '@/lib/privacy/rules';
import { z } from 'zod';

/** Who a person is, as the tables name them: the account id, and every address it has used. */
export type Identity = { userId: string; name: string; emails: string[] };

type Row = Record<string, unknown>;

/** The rows of a raw query, whichever driver ran it (each returns `{ rows }`). */
export const rowsOf = (result: unknown): Row[] => z.object({ rows: z.array(z.record(z.string(), z.unknown())) }).parse(result).rows;

const ident = (name: string) => sql.identifier(name);

/** The account's identity: its name, its address, and any earlier address its audit entries recorded. */
export async function identityOf(db: Db, userId: string): Promise<Identity | null> {
  const [user] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const changes = await db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId), eq(auditLog.action, 'user.email_changed')));
  const earlier = changes.flatMap(({ detail }) => [detail.from, detail.to]).filter((e): e is string => typeof e === 'string');
  return { userId, name: user.name, emails: [...new Set([user.email, ...earlier].map((e) => e.toLowerCase()))] };
}

/** The condition "this row is the person's" for a table: any of its owner columns naming them. */
function ownedBy(rule: TableRule, who: Identity): SQL | null {
  const parts = rule.owners.map((o) =>
    o.holds === 'user-id'
      ? sql`${ident(o.column)} = ${who.userId}`
      : sql`lower(${ident(o.column)}) in (${sql.join(
          who.emails.map((e) => sql`${e}`),
          sql`, `,
        )})`,
  );
  return parts.length === 0 ? null : sql.join(parts, sql` or `);
}

/** Every exportable row of the person in one table, without withheld columns. */
export async function exportRows(db: Db, table: string, rule: TableRule, who: Identity): Promise<Row[]> {
  const where = ownedBy(rule, who);
  if (rule.export !== true || !where) return [];
  const columns = Object.entries(rule.columns).filter(([, c]) => c.export !== 'withheld');
  const result = await db.execute(sql`select ${sql.join(
    columns.map(([name]) => ident(name)),
    sql`, `,
  )} from ${ident(table)} where ${where}`);
  return rowsOf(result);
}

function erasedValue(value: ErasedValue, column: string, who: Identity, now: Date): SQL {
  switch (value) {
    case null:
      return sql`null`;
    case 'deleted-name':
      return sql`${deletedLearnerName}`;
    case 'deleted-email':
      // `.invalid` is reserved (RFC 2606): no mail can ever be delivered to it. isErasedAddress recognises it.
      return sql`${`deleted-${who.userId}@deleted.invalid`}`;
    case 'tombstone':
      return sql`${certificateTombstoneName}`;
    case 'empty-json':
      return sql`'{}'::jsonb`;
    case 'empty-text':
      return sql`''`;
    case 'now-if-null':
      return sql`coalesce(${ident(column)}, ${now.toISOString()}::timestamptz)`;
    case 'scrub':
      throw new Error(`${column}: 'scrub' applies to scrubbed tables only`);
    default: {
      const unknown: never = value;
      throw new Error(`unknown erased value ${String(unknown)}`);
    }
  }
}

/** Replaces, anywhere in a JSON value, each string equal to the name or an address of the person. */
export function scrubJson(value: unknown, who: Identity): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return who.emails.includes(lower) || value === who.name ? '[erased]' : value;
  }
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, who));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, who)]));
  return value;
}

async function scrubTable(tx: Db, table: string, rule: TableRule, who: Identity): Promise<void> {
  const needles = [who.name, ...who.emails];
  for (const [column, c] of Object.entries(rule.columns)) {
    if (c.set !== 'scrub') continue;
    const matches = sql.join(
      needles.map((n) => sql`strpos(lower(${ident(column)}::text), ${n.toLowerCase()}) > 0`),
      sql` or `,
    );
    const found = await tx.execute(sql`select id, ${ident(column)} as value from ${ident(table)} where ${matches}`);
    for (const row of rowsOf(found)) {
      const cleaned = JSON.stringify(scrubJson(row.value, who));
      await tx.execute(sql`update ${ident(table)} set ${ident(column)} = ${cleaned}::jsonb where id = ${row.id}`);
    }
  }
}

/**
 * Applies the registry to one person's rows in every table, in the caller's transaction: deletes
 * what goes, rewrites what stays, scrubs the audit log (which allows it only inside this setting).
 */
export async function applyErasure(tx: Db, who: Identity, now: Date): Promise<void> {
  await tx.execute(sql`select set_config('app.privacy_erasure', 'on', true)`);
  // The users row last: the other tables' conditions do not depend on it, but its name is the needle.
  const tables = Object.entries(privacyRegistry as Record<string, TableRule>).sort(([a], [b]) => Number(a === 'users') - Number(b === 'users'));
  for (const [table, rule] of tables) {
    const where = ownedBy(rule, who);
    switch (rule.erase.rows) {
      case 'delete':
        if (where) await tx.execute(sql`delete from ${ident(table)} where ${where}`);
        break;
      case 'update': {
        const sets = Object.entries(rule.columns).flatMap(([column, c]) => (c.set === undefined ? [] : [sql`${ident(column)} = ${erasedValue(c.set, column, who, now)}`]));
        if (where && sets.length > 0) await tx.execute(sql`update ${ident(table)} set ${sql.join(sets, sql`, `)} where ${where}`);
        break;
      }
      case 'scrub':
        await scrubTable(tx, table, rule, who);
        break;
      case 'keep':
        break;
      default: {
        const unknown: never = rule.erase;
        throw new Error(`unknown erasure ${JSON.stringify(unknown)}`);
      }
    }
  }
  await tx.execute(sql`select set_config('app.privacy_erasure', 'off', true)`);
  await tx.update(users).set({ erasedAt: now, updatedAt: now }).where(eq(users.id, who.userId));
}

/** Whether an admin other than this account remains (not erased, not waiting to be). */
export async function hasOtherAdmin(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), ne(users.id, userId), isNull(users.erasedAt), isNull(users.deletionRequestedAt)))
    .limit(1);
  return row !== undefined;
}

/** Records a deletion request (the grace period starts now); false when the account is already erased. */
export async function markDeletionRequested(db: Db, userId: string, now: Date): Promise<boolean> {
  const rows = await db.update(users).set({ deletionRequestedAt: now }).where(and(eq(users.id, userId), isNull(users.erasedAt))).returning({ id: users.id });
  return rows.length > 0;
}

/** Clears a pending deletion request; true when there was one. */
export async function clearDeletionRequest(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ deletionRequestedAt: null })
    .where(and(eq(users.id, userId), isNotNull(users.deletionRequestedAt), isNull(users.erasedAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Accounts whose deletion request is older than the grace period and not yet erased (oldest first). */
export async function accountsDueForErasure(db: Db, requestedBefore: Date, limit = 20): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.deletionRequestedAt), isNull(users.erasedAt), lte(users.deletionRequestedAt, requestedBefore)))
    .orderBy(users.deletionRequestedAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Locks the account for its erasure; null when it is no longer due (cancelled, or erased already). */
export async function lockDueAccount(tx: Db, userId: string, requestedBefore: Date) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.erasedAt), lte(users.deletionRequestedAt, requestedBefore)))
    .for('update');
  return row ?? null;
}

/** When the person's latest cancelled deletion was, if within the last `since`. */
export async function deletionCancelledSince(db: Db, userId: string, since: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId), inArray(auditLog.action, ['user.deletion_cancelled']), gte(auditLog.at, since)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.at ?? null;
}
