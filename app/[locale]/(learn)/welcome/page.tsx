import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { programmesFor } from '@/lib/certification/programmes';
import { getCatalog } from '@/lib/content';
import { isStaff } from '@/lib/domain/roles';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';
import { JoinForm } from '../cohorts/CohortForms';
import { ProgrammeChoice } from './ProgrammeChoice';

export const metadata: Metadata = { title: 'Welcome', robots: { index: false } };

// Where sign-up lands: three short steps, each optional, then the first lesson.
export default async function WelcomePage() {
  const user = await requireUser('/welcome');
  const [{ modules }, programmes] = await Promise.all([getCatalog(), programmesFor(user.profession)]);
  const first = modules[0];
  const firstLesson = first?.lessons[0];
  return (
    <div className="narrow stack-lg">
      <header className="stack">
        <h1 className="m-0">Welcome, {user.name.split(' ')[0]}</h1>
        <p className="m-0 muted">Three short steps, each of which you can skip. You can change all of them later.</p>
        {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      </header>
      <section aria-labelledby="step-programme" className="card stack">
        <h2 id="step-programme" className="m-0 text-lg">
          1. Choose your programme
        </h2>
        <ProgrammeChoice current={user.profession} />
        {programmes.length > 0 ? (
          <p className="m-0 small" data-testid="welcome-programmes">
            Open to you now: {programmes.map((p) => p.title).join('; ')}.
          </p>
        ) : null}
      </section>
      {isStaff(user.role) ? null : (
        <section aria-labelledby="step-cohort" className="card stack">
          <h2 id="step-cohort" className="m-0 text-lg">
            2. Join your cohort, if you have a code
          </h2>
          <p className="m-0 small muted">Your university or hospital gives its cohort a join code. No code? Skip this step.</p>
          <JoinForm />
        </section>
      )}
      <section aria-labelledby="step-start" className="card stack">
        <h2 id="step-start" className="m-0 text-lg">
          {isStaff(user.role) ? '2.' : '3.'} Start the first lesson
        </h2>
        {first && firstLesson ? (
          <p className="m-0">
            <Link href={`/modules/${first.slug}/${firstLesson.slug}`} className="btn btn-primary">
              Start “{firstLesson.meta.title}”
            </Link>
          </p>
        ) : null}
        <p className="m-0 small">
          Or go to <Link href="/home">your home</Link>, where you will always find where you left off.
        </p>
      </section>
    </div>
  );
}
