import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { outboxStatus } from '@/db/queries/events';
import { listRecentMail } from '@/db/queries/mail';
import { requireRole } from '@/lib/auth/session';
import { formatTime } from '@/components/cohorts/format';

export const metadata: Metadata = { title: 'Background work (admin)', robots: { index: false } };

/** What follows learning events (certificates, cohort summaries…): what is waiting, and what failed and why. */
export default async function AdminEventsPage() {
  const actor = await requireRole('admin', '/admin/events');
  const [{ pending, failing }, mail] = await Promise.all([outboxStatus(getDb(), actor), listRecentMail(getDb(), actor)]);
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1 className="m-0">Background work and e-mail</h1>
        <p className="m-0 muted">
          Each learning event (a lesson completed, a quiz graded, a consult finished, a certificate revoked, a cohort joined) is recorded with what must follow
          it. Most of it is done before the learner&apos;s page answers; the rest, and anything a crash interrupted, by a recovery pass every 30 seconds. A
          failure is retried with a growing delay.
        </p>
      </header>
      <section aria-labelledby="waiting" className="stack">
        <h2 id="waiting" className="m-0">
          Waiting
        </h2>
        {pending.length === 0 ? (
          <p className="m-0" data-testid="outbox-clear">
            Nothing is waiting.
          </p>
        ) : (
          <ul data-testid="outbox-pending">
            {pending.map((p) => (
              <li key={p.handler}>
                {p.handler}: {p.pending}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="failing" className="stack">
        <h2 id="failing" className="m-0">
          Failed at least once
        </h2>
        {failing.length === 0 ? (
          <p className="m-0">No failures.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Work</th>
                  <th scope="col">Tries</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Next try</th>
                </tr>
              </thead>
              <tbody>
                {failing.map((f) => (
                  <tr key={`${f.eventId}-${f.handler}`}>
                    <td className="small">
                      {f.kind} · {formatTime(f.occurredAt)}
                    </td>
                    <td>{f.handler}</td>
                    <td>{f.attempts}</td>
                    <td className="small">{f.lastError}</td>
                    <td className="small">{formatTime(f.nextAttemptAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="mail" className="stack">
        <h2 id="mail" className="m-0">
          E-mail, latest 50
        </h2>
        <div className="table-wrap">
          <table data-testid="mail">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">What</th>
                <th scope="col">Queued</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {mail.map((m) => (
                <tr key={m.id}>
                  <td className="small">{m.toAddress}</td>
                  <td className="small">{m.kind}</td>
                  <td className="small">{formatTime(m.createdAt)}</td>
                  <td className="small">
                    {m.sentAt ? `sent ${formatTime(m.sentAt)}` : m.attempts > 0 ? `not sent after ${m.attempts} tries: ${m.lastError ?? ''}` : 'waiting'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="m-0 small muted">Message bodies are not kept once sent: they hold single-use links.</p>
      </section>
    </div>
  );
}
