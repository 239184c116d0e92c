import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { institutionFor, listStaff } from '@/db/queries/institutions';
import { requireRole } from '@/lib/auth/session';
import { pageRead } from '@/lib/http/respond';
import { formatDate } from '@/components/cohorts/format';
import { institutionPaths, staffRoleOptions } from '@/components/institutions/paths';
import { ButtonForm } from '@/components/forms/ButtonForm';
import { RoleSelectForm } from '@/components/forms/RoleSelectForm';
import { appointStaffAction, removeStaffAction } from '../../actions';
import { AppointForm } from './StaffForms';

export const metadata: Metadata = { title: 'Staff', robots: { index: false } };

export default async function StaffPage({ params }: { params: Promise<{ institution: string }> }) {
  const { institution: id } = await params;
  const user = await requireRole('instructor', institutionPaths.staff(id));
  const institution = await pageRead(institutionFor(getDb(), user, id, 'manage-staff'));
  const staff = await listStaff(getDb(), user, id);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={institutionPaths.overview(id)}>{institution.name}</Link>
        </p>
        <h1 className="m-0">Staff</h1>
        <p className="m-0 muted">
          Administrators manage the staff, settings and every cohort; instructors create and run their own cohorts (and those they co-teach); viewers, such as a dean or an accreditation
          officer, read the dashboards and change nothing. Every change is written to the audit log.
        </p>
      </header>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Staff of {institution.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name and email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.userId} data-email={s.email}>
                <td>
                  <div>{s.name}</div>
                  <div className="muted small">{s.email}</div>
                </td>
                <td>
                  {/* Changing a role is appointing the same person again with another one. */}
                  <RoleSelectForm action={appointStaffAction} fields={{ institutionId: id, email: s.email }} id={`role-${s.email}`} label={`Role of ${s.email}`} options={staffRoleOptions} value={s.role} />
                </td>
                <td className="small">{formatDate(s.appointedAt)}</td>
                <td>
                  <ButtonForm action={removeStaffAction} fields={{ institutionId: id, userId: s.userId }} label="Remove" hidden={s.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="appoint" className="card stack">
        <h2 id="appoint" className="m-0">
          Appoint someone
        </h2>
        <p className="m-0 small muted">They need an account on this site first. A learner account becomes a staff account: staff run cohorts and do not join them as learners.</p>
        <AppointForm institutionId={id} />
      </section>
    </div>
  );
}
