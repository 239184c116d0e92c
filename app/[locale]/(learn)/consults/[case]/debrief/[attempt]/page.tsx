import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getOwnConsult } from '@/db/queries/consults';
import type { Actor } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { buildDebrief } from '@/lib/domain/consult';
import { AppError } from '@/lib/errors';
import { CaseAbout, Collapsible, DomainScores } from '@/components/consult/DebriefDetails';
import { DebriefPaths } from '@/components/consult/DebriefPaths';
import { DebriefSummary } from '@/components/consult/DebriefSummary';
import { NoteComparison } from '@/components/consult/NoteComparison';
import { indexReferences } from '@/components/consult/RefLinks';
import { ReferenceList } from '@/components/lesson/ReferenceList';
import type { Reference } from '@/lib/content/schemas/reference';
import { startConsultAction } from '../../../actions';
import { casePaths, findCase } from '../../../cases';

type Props = { params: Promise<{ case: string; attempt: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = await findCase((await params).case);
  return version ? { title: `Debrief · ${version.def.title}`, robots: { index: false } } : {};
}

async function ownAttempt(actor: Actor, attemptId: string) {
  try {
    return await getOwnConsult(getDb(), actor, attemptId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/**
 * The debrief of one finished attempt: only its owner sees it, and only once the note is in. First
 * what can be read in two minutes (DebriefSummary), then the detail, collapsed; sources are numbered
 * in the order the page cites them and listed once, at the end.
 */
export default async function DebriefPage({ params }: Props) {
  const { case: caseId, attempt: attemptId } = await params;
  const version = await findCase(caseId);
  if (!version) notFound();
  const user = await requireUser(casePaths.debrief(caseId, attemptId));
  const attempt = await ownAttempt(user, attemptId);
  if (attempt.caseId !== caseId) notFound();
  if (attempt.status === 'open') redirect(casePaths.room(caseId));
  if (attempt.result === null) redirect(casePaths.brief(caseId));
  const { def } = version;
  const catalog = await getCatalog();
  const debrief = buildDebrief(def, attempt.state, attempt.result);
  const cited = [
    ...debrief.criticalErrors.filter((e) => e.committed).flatMap((e) => e.references),
    ...debrief.criticalActions.filter((a) => !a.done).flatMap((a) => a.references),
    ...debrief.criticalActions.flatMap((a) => a.references),
    ...debrief.criticalErrors.flatMap((e) => e.references),
    ...debrief.learner.flatMap((s) => s.references),
    ...debrief.expert.flatMap((s) => s.references),
    ...def.references,
  ];
  const refs = indexReferences(cited, catalog.references);
  const references = [...refs.number.keys()].map((id) => catalog.references.get(id)).filter((r): r is Reference => r !== undefined);
  const domainNames = new Map(catalog.competencies.domains.map((d) => [d.id, d.short]));
  return (
    <div className="stack-lg mx-auto max-w-4xl">
      <header className="stack">
        <p className="m-0 text-sm">
          <Link href={casePaths.library}>Virtual consults</Link> › <Link href={casePaths.brief(caseId)}>{def.title}</Link> › Debrief
        </p>
        <h1 className="m-0">Debrief: {def.title}</h1>
      </header>
      <DebriefSummary debrief={debrief} passMark={def.pass.minScore} patientName={def.patient.name} refs={refs} />
      <div className="stack" data-testid="debrief-detail">
        <CaseAbout debrief={def.debrief} />
        <DebriefPaths learner={debrief.learner} expert={debrief.expert} refs={refs} />
        <DomainScores debrief={debrief} domainNames={domainNames} refs={refs} />
        <NoteComparison learner={attempt.note} expert={debrief.expertNote} score={debrief.result.note} />
        <Collapsible id="sources-heading" title={`Sources (${references.length})`} testId="sources">
          <ReferenceList references={references} heading="Sources" titled={false} />
        </Collapsible>
      </div>
      <nav aria-label="Next" className="flex flex-wrap gap-3">
        <form action={startConsultAction}>
          <input type="hidden" name="caseId" value={caseId} />
          <button type="submit" className="btn btn-primary">
            Play the case again
          </button>
        </form>
        <Link className="btn" href={casePaths.library}>
          Back to the case library
        </Link>
      </nav>
    </div>
  );
}
