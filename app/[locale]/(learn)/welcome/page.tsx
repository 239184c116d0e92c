import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { bidiTags } from '@/components/site/bidi';
import { getLocalizer } from '@/i18n/server';
import { requireUser } from '@/lib/auth/session';
import { programmesFor } from '@/lib/certification/programmes';
import { getCatalog } from '@/lib/content';
import { isStaff } from '@/lib/domain/roles';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';
import { JoinForm } from '../cohorts/CohortForms';
import { ProgrammeChoice } from './ProgrammeChoice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('welcome');
  return { title: t('title'), robots: { index: false } };
}

// Where sign-up lands: three short steps, each optional, then the first lesson.
export default async function WelcomePage() {
  const user = await requireUser('/welcome');
  const [{ modules }, programmes, t, { href }] = await Promise.all([getCatalog(), programmesFor(user.profession), getTranslations('welcome'), getLocalizer()]);
  const first = modules[0];
  const firstLesson = first?.lessons[0];
  return (
    <div className="narrow stack-lg">
      <header className="stack">
        <h1 className="m-0">{t('heading', { name: user.name.split(' ')[0] ?? '' })}</h1>
        <p className="m-0 muted">{t('intro')}</p>
        {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      </header>
      <section aria-labelledby="step-programme" className="card stack">
        <h2 id="step-programme" className="m-0 text-lg">
          {t('programme')}
        </h2>
        <ProgrammeChoice current={user.profession} />
        {programmes.length > 0 ? (
          <p className="m-0 small" data-testid="welcome-programmes">
            {t.rich('openNow', { ...bidiTags, list: programmes.map((p) => p.title).join('; ') })}
          </p>
        ) : null}
      </section>
      {isStaff(user.role) ? null : (
        <section aria-labelledby="step-cohort" className="card stack">
          <h2 id="step-cohort" className="m-0 text-lg">
            {t('cohort')}
          </h2>
          <p className="m-0 small muted">{t('cohortHint')}</p>
          <JoinForm />
        </section>
      )}
      <section aria-labelledby="step-start" className="card stack">
        <h2 id="step-start" className="m-0 text-lg">
          {t('start', { step: isStaff(user.role) ? 2 : 3 })}
        </h2>
        {first && firstLesson ? (
          <p className="m-0">
            <Link href={href(`/modules/${first.slug}/${firstLesson.slug}`)} className="btn btn-primary">
              {t.rich('startLesson', { ...bidiTags, title: firstLesson.meta.title })}
            </Link>
          </p>
        ) : null}
        <p className="m-0 small">
          {t.rich('orHome', { home: (chunks) => <Link href={href('/home')}>{chunks}</Link> })}
        </p>
      </section>
    </div>
  );
}
