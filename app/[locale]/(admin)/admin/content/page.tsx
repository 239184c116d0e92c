import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { isDraft } from '@/lib/content/schemas/quiz';
import { type ReviewItem, type ReviewState, isTranslation, itemKey } from '@/lib/domain/review';
import { reviewOverview } from '@/lib/services/review';
import { ItemRow } from '@/components/review/ItemRow';

export const metadata: Metadata = { title: 'Content review', robots: { index: false } };

const filterStates = ['needs-review-again', 'changes-requested', 'awaiting', 'signed-off'] as const;
// Translations not yet signed off (awaiting, changes requested or edited since): what a native speaker has to read.
const NATIVE = 'native-speaker';
const stateFilter = z.enum([...filterStates, NATIVE]).optional().catch(undefined);
const filterLabel: Record<ReviewState['state'], string> = {
  'needs-review-again': 'Needs review again (edited)',
  'changes-requested': 'Changes requested',
  awaiting: 'Awaiting review',
  'signed-off': 'Signed off',
};

type Props = { searchParams: Promise<{ state?: string }> };

/** Every lesson, question, case and reference with its review state, the programmes' sign-off, and the reviewers' notes. */
export default async function ContentReviewPage({ searchParams }: Props) {
  const actor = await requireRole('reviewer', '/admin/content');
  const filter = stateFilter.parse((await searchParams).state);
  const catalog = await getCatalog();
  const { items, states, notes, programmes, counts } = await reviewOverview(getDb(), actor, catalog);
  const notesText = await readFile(path.join(process.cwd(), 'content', 'REVIEW-NOTES.md'), 'utf8').catch(() => '');
  const stateOf = (i: ReviewItem): ReviewState => states.get(itemKey(i)) ?? { state: 'awaiting' };
  const shown = (i: ReviewItem) => (filter === NATIVE ? isTranslation(i.kind) && stateOf(i).state !== 'signed-off' : !filter || stateOf(i).state === filter);
  const translations = items.filter((i) => isTranslation(i.kind));
  const awaitingNative = translations.filter((i) => stateOf(i).state !== 'signed-off').length;
  const row = (i: ReviewItem) => <ItemRow key={itemKey(i)} item={i} state={stateOf(i)} notes={notes.get(itemKey(i)) ?? []} evidence={i.kind === 'reference' ? catalog.references.get(i.id)?.evidence : undefined} />;
  const of = (kind: ReviewItem['kind'], group?: string) => items.filter((i) => i.kind === kind && (group === undefined || i.group === group));
  const questionCount = catalog.quizzes.reduce((n, q) => n + q.def.questions.length, 0);
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1 className="m-0">Content review</h1>
        <p className="m-0 muted">
          {catalog.modules.length} modules, {catalog.quizzes.length} quiz banks ({questionCount} questions), {catalog.cases.length} virtual consults,{' '}
          {catalog.references.size} references.
        </p>
        <p className="m-0">
          Open an item to sign off the version you read, or to request changes with a comment. A sign-off names you, the date and the exact content
          it approves: when the item is edited, it needs review again. Learners see &ldquo;Clinically reviewed by … on …&rdquo; under a signed-off
          lesson or case, and &ldquo;Awaiting clinical review&rdquo; otherwise. References tagged K are accepted practice; S are secondary sources.
        </p>
        <nav aria-label="Filter by state" className="flex flex-wrap gap-3 small">
          <Link href="/admin/content" aria-current={filter ? undefined : 'page'}>
            All ({items.length})
          </Link>
          {filterStates.map((s) => (
            <Link key={s} href={`/admin/content?state=${s}`} aria-current={filter === s ? 'page' : undefined}>
              {filterLabel[s]} ({counts[s]})
            </Link>
          ))}
          <Link href={`/admin/content?state=${NATIVE}`} aria-current={filter === NATIVE ? 'page' : undefined}>
            Translations awaiting native-speaker review ({awaitingNative})
          </Link>
        </nav>
        <p className="m-0">
          <a href="/admin/content/sign-offs.csv" download>
            Download every decision as CSV
          </a>{' '}
          (for an accreditation file) · <a href="#notes">Reviewers&apos; notes</a>
        </p>
      </header>
      <section aria-labelledby="programmes-heading" className="stack">
        <h2 id="programmes-heading">Programmes</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">Certificates</th>
                <th scope="col">Signed off</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map(({ programme, gate, waiting }) => (
                <tr key={programme.id} data-programme={programme.id}>
                  <td>{programme.title}</td>
                  <td className="small">
                    {programme.requireSignOff
                      ? `Issued only once everything below is signed off${waiting > 0 ? ` · ${waiting} ${waiting === 1 ? 'learner is' : 'learners are'} waiting` : ''}`
                      : 'Issued without waiting for sign-off (requireSignOff is off)'}
                  </td>
                  <td className="small" data-testid="programme-signed-off">
                    {gate.signedOff} of {gate.total} items
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="modules" className="stack">
        <h2 id="modules">Modules and quizzes</h2>
        {catalog.modules.map((m) => {
          const quiz = catalog.quizzes.find((q) => q.def.module === m.slug && !isDraft(q.def));
          // Questions of a draft bank are listed too: they can be reviewed before the bank is published.
          const banks = catalog.quizzes.filter((q) => q.def.module === m.slug);
          const own = [...of('lesson', m.slug), ...banks.flatMap((b) => of('question', b.def.id))];
          if (!own.some(shown)) return null;
          const signed = own.filter((i) => stateOf(i).state === 'signed-off').length;
          return (
            <details key={m.slug} className="card" open={Boolean(filter)}>
              <summary className="cursor-pointer font-semibold">
                {m.meta.order}. {m.meta.title} — {m.lessons.length} lessons{quiz ? `, quiz of ${quiz.def.questions.length} questions` : ', no quiz'} · {signed} of{' '}
                {own.length} signed off
              </summary>
              <ul className="mt-2 list-none ps-0">{own.filter(shown).map(row)}</ul>
            </details>
          );
        })}
      </section>
      <section aria-labelledby="cases" className="stack">
        <h2 id="cases">Virtual consults</h2>
        {of('case')
          .filter(shown)
          .map((c) => (
            <details key={c.id} className="card" open={Boolean(filter)}>
              <summary className="cursor-pointer font-semibold">{c.title}</summary>
              <ul className="mt-2 list-none ps-0">{row(c)}</ul>
            </details>
          ))}
      </section>
      <section aria-labelledby="translations-heading" id="translations" className="stack">
        <h2 id="translations-heading">Translations (Urdu)</h2>
        <p className="m-0 muted small">
          A case&apos;s patient lines, a lesson&apos;s &ldquo;say it in Urdu&rdquo; phrases and each part of the Urdu interface. Machine-drafted text stays
          &ldquo;awaiting review by a native speaker&rdquo; for learners until a native speaker of Urdu signs it off; a clinical sign-off does not cover it.
        </p>
        <ul className="list-none ps-0" data-testid="translation-items">
          {translations.filter(shown).map(row)}
        </ul>
      </section>
      <section aria-labelledby="sign-off-heading" id="sign-off" className="stack">
        <h2 id="sign-off-heading">References</h2>
        <ul className="list-none ps-0">{of('reference').filter(shown).map(row)}</ul>
      </section>
      <section aria-labelledby="notes-heading" id="notes" className="stack">
        <h2 id="notes-heading">Reviewers&apos; notes (content/REVIEW-NOTES.md)</h2>
        <p className="m-0 muted small">
          The written record of each review pass. Each item&apos;s page shows the paragraphs that name it; only a decision recorded here signs it off.
        </p>
        <pre className="card max-h-[40rem] overflow-auto whitespace-pre-wrap text-sm">{notesText}</pre>
      </section>
    </div>
  );
}
