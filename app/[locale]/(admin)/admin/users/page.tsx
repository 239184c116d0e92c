import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { requireRole } from '@/lib/auth/session';
import { pageParam, searchParam } from '@/lib/validation/query';
import { RoleSelectForm } from '@/components/forms/RoleSelectForm';
import { roleOptions } from '@/components/forms/options';
import { changeRoleAction } from './actions';

export const metadata: Metadata = { title: 'Users', robots: { index: false } };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requireRole('admin', '/admin/users');
  const { q, page } = await searchParams;
  const query = searchParam(q);
  const pageNumber = pageParam(page);
  const result = await listUsers(getDb(), actor, { query, page: pageNumber });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="stack-lg">
      <header>
        <h1>Users</h1>
        <p className="muted">
          {result.total} account{result.total === 1 ? '' : 's'}. Role changes apply on the user&apos;s next request and are written to the audit log.
        </p>
      </header>
      <form role="search" className="search-row">
        <label htmlFor="q" className="sr-only">
          Search by name or email
        </label>
        <input id="q" name="q" type="search" defaultValue={query} placeholder="Search by name or email" />
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      <div className="table-wrap">
        <table className="stack-on-phone" data-testid="users-table">
          <caption className="sr-only">Users and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name and email</th>
              <th scope="col">Profession</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <td data-label="Name and email">
                  <div>{u.name}</div>
                  <div className="muted small">{u.email}</div>
                </td>
                <td data-label="Profession">{u.profession}</td>
                <td data-label="Role">
                  <RoleSelectForm action={changeRoleAction} fields={{ userId: u.id }} id={`role-${u.id}`} label={`Role of ${u.email}`} options={roleOptions} value={u.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Pages" className="pager">
          {pageNumber > 1 ? <Link href={`?q=${encodeURIComponent(query)}&page=${pageNumber - 1}`}>Previous</Link> : null}
          <span>
            Page {result.page} of {pages}
          </span>
          {pageNumber < pages ? <Link href={`?q=${encodeURIComponent(query)}&page=${pageNumber + 1}`}>Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
