import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listAuditLog } from '@/db/queries/audit-log';
import { requireRole } from '@/lib/auth/session';
import { dayParam, pageParam, searchParam } from '@/lib/validation/query';
import { formatDate, formatTime } from '@/components/cohorts/format';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

type Search = { actor?: string; action?: string; from?: string; to?: string; page?: string };

/** Who changed what and when: role changes, revocations, cohorts, institutions, erasures. Admins only. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const admin = await requireRole('admin', '/admin/audit');
  const params = await searchParams;
  const actor = searchParam(params.actor);
  const action = searchParam(params.action, 60);
  const from = dayParam(params.from);
  const to = dayParam(params.to);
  const page = pageParam(params.page);
  const result = await listAuditLog(getDb(), admin, { actor, action, from: from.day, to: to.day, page });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const query = (p: number) => `?${new URLSearchParams({ actor, action, from: from.day ? params.from! : '', to: to.day ? params.to! : '', page: String(p) })}`;
  return (
    <div className="stack-lg">
      <header>
        <h1>Audit log</h1>
        <p className="muted">
          {result.total} entr{result.total === 1 ? 'y' : 'ies'}, newest first. Entries are written by the actions themselves and cannot be edited here.
        </p>
      </header>
      {from.invalid || to.invalid ? (
        <p className="notice notice-error" role="alert">
          A date was not a calendar day (write it as 2026-12-07); that filter is left out.
        </p>
      ) : null}
      <form role="search" className="flex flex-wrap items-end gap-3" data-testid="audit-filters">
        <label className="field">
          <span>Who</span>
          <input name="actor" type="search" defaultValue={actor} placeholder="Name or e-mail" />
        </label>
        <label className="field">
          <span>Action</span>
          <input name="action" type="search" defaultValue={action} placeholder="e.g. user.role_changed, or user." />
        </label>
        <label className="field">
          <span>From</span>
          <input name="from" type="date" defaultValue={from.day ? params.from : ''} />
        </label>
        <label className="field">
          <span>To</span>
          <input name="to" type="date" defaultValue={to.day ? params.to : ''} />
        </label>
        <button type="submit" className="btn">
          Filter
        </button>
      </form>
      <div className="table-wrap">
        <table className="stack-on-phone" data-testid="audit-table">
          <caption className="sr-only">Audit entries</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">About</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td data-label="When">
                  {formatDate(r.at)} {formatTime(r.at)}
                </td>
                <td data-label="Who">{r.actorEmail ? `${r.actorName} (${r.actorEmail})` : <span className="muted">the system</span>}</td>
                <td data-label="Action">
                  <code>{r.action}</code>
                </td>
                <td data-label="About">
                  {r.subjectType}
                  {r.subjectId ? <span className="block break-all text-sm text-muted">{r.subjectId}</span> : null}
                </td>
                <td data-label="Detail" className="break-all text-sm">
                  {Object.keys(r.detail).length > 0 ? JSON.stringify(r.detail) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Pages" className="pager">
          {page > 1 ? <Link href={query(page - 1)}>Previous</Link> : null}
          <span>
            Page {result.page} of {pages}
          </span>
          {page < pages ? <Link href={query(page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
