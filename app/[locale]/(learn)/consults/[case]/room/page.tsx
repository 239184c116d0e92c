import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getLocalizer } from '@/i18n/server';
import { bidiTags } from '@/components/site/bidi';
import { viewOpenConsult } from '@/db/queries/consults';
import { requireUser } from '@/lib/auth/session';
import { consultRoom, NOTE_FIELD_MAX } from '@/lib/domain/consult';
import { hasUrduLines } from '@/lib/domain/consult/urdu';
import { PATIENT_LINES_COOKIE, parsePatientLines } from '@/lib/domain/language/patient-lines';
import { translationLineText } from '@/lib/format/review';
import { learnerLines } from '@/lib/services/sign-off';
import { getCatalog } from '@/lib/content';
import { LiveRoom } from '@/components/consult/LiveRoom';
import { PatientLinesControl } from '@/components/consult/PatientLinesControl';
import { finishConsultAction, restartConsultAction, stepAction } from '../../actions';
import { setPatientLinesAction } from '../../language-actions';
import { casePaths, findCase } from '../../cases';

type Props = { params: Promise<{ case: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = await findCase((await params).case);
  const t = await getTranslations('consultRoom');
  return version ? { title: t('metaTitle', { title: version.def.title }), robots: { index: false } } : {};
}

/**
 * The consult room. It renders only the public view of the current node and the transcript of the
 * nodes already reached (consultRoom): never an unreached branch, a score, a flag, feedback or the
 * rubric. Those appear on the debrief, after the note is in. A step updates the room in the page
 * (LiveRoom) with what the step action sends back, which is built the same way.
 */
export default async function ConsultRoomPage({ params }: Props) {
  const caseId = (await params).case;
  const version = await findCase(caseId);
  if (!version) notFound();
  const user = await requireUser(casePaths.room(caseId));
  const attempt = await viewOpenConsult(getDb(), user, version);
  if (!attempt) redirect(casePaths.brief(caseId));
  const { def } = version;
  const room = consultRoom(def, attempt.state);
  // The patient's words in Urdu, when the case gives them: the learner's choice, and whether a native speaker has reviewed them.
  const urdu = hasUrduLines(def);
  const mode = urdu ? parsePatientLines((await cookies()).get(PATIENT_LINES_COOKIE)?.value) : 'en';
  const [t, { href }] = await Promise.all([getTranslations('consultRoom'), getLocalizer()]);
  const review = urdu ? ((await learnerLines(getDb(), await getCatalog(), 'urdu-case', [caseId])).get(caseId) ?? null) : null;
  return (
    <div className="mx-auto max-w-3xl stack">
      <p className="m-0 text-sm">
        <Link href={href(casePaths.library)}>{t('library')}</Link> ›{' '}
        <Link href={href(casePaths.brief(caseId))} lang="en">
          {def.title}
        </Link>
      </p>
      <h1 className="m-0 text-xl">{t.rich('heading', { ...bidiTags, title: def.title })}</h1>
      {t('caseInEnglish') ? (
        <p className="m-0 text-sm muted" data-testid="english-content-notice">
          {t('caseInEnglish')}
        </p>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer">{t('brief')}</summary>
        <p className="mt-2" lang="en" dir="ltr">
          {def.setting}
        </p>
        {def.language ? <p className="m-0">{t.rich('language', { ...bidiTags, language: def.language })}</p> : null}
      </details>
      {urdu ? <PatientLinesControl caseId={caseId} mode={mode} reviewText={translationLineText(review)} reviewed={review !== null} action={setPatientLinesAction} /> : null}
      <LiveRoom
        key={`${attempt.id}-${room.view.step}`}
        caseId={caseId}
        attemptId={attempt.id}
        patient={def.patient}
        initial={room}
        noteMaxLength={NOTE_FIELD_MAX}
        mode={mode}
        step={stepAction}
        finish={finishConsultAction}
      />
      <details className="card">
        <summary className="cursor-pointer">{t('leave')}</summary>
        <div className="mt-2 stack">
          <p className="m-0 text-sm">{t('saved')}</p>
          <p className="m-0">
            <Link href={href(casePaths.library)}>{t('leaveLink')}</Link>
          </p>
          <form action={restartConsultAction}>
            <input type="hidden" name="caseId" value={caseId} />
            <input type="hidden" name="attemptId" value={attempt.id} />
            <button type="submit" className="btn btn-danger">
              {t('restart')}
            </button>
          </form>
        </div>
      </details>
    </div>
  );
}
