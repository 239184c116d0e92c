import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import type { Reference } from '@/lib/content/schemas/reference';
import { isDraft } from '@/lib/content/schemas/quiz';

export const metadata: Metadata = { title: 'Content review', robots: { index: false } };

const evidenceLabel = { V: 'verified', S: 'secondary — attribute', K: 'accepted practice — needs clinician sign-off' } as const;

function RefList({ ids, refs }: { ids: readonly string[]; refs: Map<string, Reference> }) {
  const unique = [...new Set(ids)];
  return (
    <ul className="space-y-1 text-sm">
      {unique.map((id) => {
        const r = refs.get(id);
        return (
          <li key={id} className={r?.evidence === 'K' ? 'text-warn' : undefined} data-evidence={r?.evidence}>
            <span className="font-mono">[{r?.evidence ?? '?'}]</span> {r?.citation ?? id}
            {r?.evidence && r.evidence !== 'V' ? <span className="muted"> ({evidenceLabel[r.evidence]})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Every module, quiz and case with its references, the items that need sign-off, and the reviewers' notes. */
export default async function ContentReviewPage() {
  await requireRole('admin', '/admin/content');
  const catalog = await getCatalog();
  const notes = await readFile(path.join(process.cwd(), 'content', 'REVIEW-NOTES.md'), 'utf8').catch(() => '');
  const refs = catalog.references;
  const needsSignOff = [...refs.values()].filter((r) => r.evidence !== 'V');
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1 className="m-0">Content review</h1>
        <p className="m-0 muted">
          {catalog.modules.length} modules, {catalog.quizzes.length} quiz banks ({catalog.quizzes.reduce((n, q) => n + q.def.questions.length, 0)} questions),{' '}
          {catalog.cases.length} virtual consults, {refs.size} references. Items tagged K are accepted practice awaiting a clinician&apos;s sign-off; S are
          secondary sources to confirm before high-stakes assessment.
        </p>
        <p className="m-0">
          <a href="#notes">Reviewers&apos; notes</a> · <a href="#sign-off">{needsSignOff.length} references to sign off</a>
        </p>
      </header>
      <section aria-labelledby="modules" className="stack">
        <h2 id="modules">Modules and quizzes</h2>
        {catalog.modules.map((m) => {
          const quiz = catalog.quizzes.find((q) => q.def.module === m.slug && !isDraft(q.def));
          return (
            <details key={m.slug} className="card">
              <summary className="cursor-pointer font-semibold">
                {m.meta.order}. {m.meta.title} — {m.lessons.length} lessons{quiz ? `, quiz of ${quiz.def.questions.length} questions` : ', no quiz'}
              </summary>
              {m.lessons.map((l) => (
                <div key={l.slug} className="mt-3">
                  <h3 className="text-base">
                    <Link href={`/modules/${m.slug}/${l.slug}`}>{l.meta.title}</Link>
                  </h3>
                  <RefList ids={l.meta.references} refs={refs} />
                </div>
              ))}
              {quiz ? (
                <div className="mt-3">
                  <h3 className="text-base">Quiz references</h3>
                  <RefList ids={quiz.def.questions.flatMap((q) => q.references)} refs={refs} />
                </div>
              ) : null}
            </details>
          );
        })}
      </section>
      <section aria-labelledby="cases" className="stack">
        <h2 id="cases">Virtual consults</h2>
        {catalog.cases.map(({ def }) => {
          const choices = Object.values(def.nodes).flatMap((n) => n.choices);
          return (
            <details key={def.id} className="card">
              <summary className="cursor-pointer font-semibold">
                {def.title} — {Object.keys(def.nodes).length} nodes, {choices.length} choices
              </summary>
              <RefList ids={[...def.references, ...choices.flatMap((c) => c.references)]} refs={refs} />
            </details>
          );
        })}
      </section>
      <section aria-labelledby="sign-off-heading" id="sign-off" className="stack">
        <h2 id="sign-off-heading">References awaiting sign-off or confirmation</h2>
        <RefList ids={needsSignOff.map((r) => r.id)} refs={refs} />
      </section>
      <section aria-labelledby="notes-heading" id="notes" className="stack">
        <h2 id="notes-heading">Reviewers&apos; notes (content/REVIEW-NOTES.md)</h2>
        <pre className="card max-h-[40rem] overflow-auto whitespace-pre-wrap text-sm">{notes}</pre>
      </section>
    </div>
  );
}
