import 'server-only';
// The admins' audit-log viewer: filtered by who acted, what they did and when, newest first, a page at a time.
import { and, count, desc, eq, gte, ilike, like, lt, or, type SQL } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { auditLog, users } from '../schema';
import type { Actor } from './users';

export type AuditFilter = { actor?: string; action?: string; from?: Date | null; to?: Date | null; page?: number; pageSize?: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Audit entries matching the filter (actor by part of a name or address, action by its start, e.g. `user.`, days from and to inclusive), for admins only. */
export async function listAuditLog(db: Db, actor: Actor, filter: AuditFilter = {}) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'listAuditLog');
  const pageSize = filter.pageSize ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  const who = filter.actor?.trim();
  const conditions: (SQL | undefined)[] = [
    who ? or(ilike(users.email, `%${escapeLike(who)}%`), ilike(users.name, `%${escapeLike(who)}%`)) : undefined,
    filter.action ? like(auditLog.action, `${escapeLike(filter.action)}%`) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    // "To" a day includes that whole day.
    filter.to ? lt(auditLog.at, new Date(filter.to.getTime() + 86_400_000)) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, detail: auditLog.detail, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize };
}
