import Link from 'next/link';
import type { Catalog } from '@/lib/content/catalog';
import type { ResumePoint } from '@/lib/domain/home/resume';

function describe(p: ResumePoint, catalog: Catalog): { label: string; what: string; href: string } {
  switch (p.kind) {
    case 'lesson': {
      const m = catalog.modules.find((x) => x.slug === p.moduleSlug);
      const l = m?.lessons.find((x) => x.slug === p.lessonSlug);
      return { label: l?.meta.title ?? p.lessonSlug, what: `${p.at ? 'Next lesson' : 'First lesson'} · ${m?.meta.title ?? p.moduleSlug}`, href: `/modules/${p.moduleSlug}/${p.lessonSlug}` };
    }
    case 'quiz': {
      const q = catalog.quizzes.find((x) => x.def.id === p.quizId);
      return { label: q?.def.title ?? p.quizId, what: 'Quiz attempt in progress', href: `/quizzes/${p.quizId}/attempts/${p.attemptId}` };
    }
    case 'consult': {
      const c = catalog.cases.find((x) => x.def.id === p.caseId);
      return { label: c?.def.title ?? p.caseId, what: 'Virtual consult in progress', href: `/consults/${p.caseId}` };
    }
    default: {
      const unknown: never = p;
      return unknown;
    }
  }
}

/** "Continue where you left off": open attempts first when they are the latest thing done, then the next lesson. */
export function ContinueList({ points, catalog }: { points: readonly ResumePoint[]; catalog: Catalog }) {
  if (points.length === 0) return <p className="m-0">You have read every lesson. Revisit a module or take a virtual consult.</p>;
  return (
    <ul className="stack" data-testid="continue">
      {points.slice(0, 4).map((p, i) => {
        const d = describe(p, catalog);
        return (
          <li key={`${p.kind}-${'attemptId' in p ? p.attemptId : p.lessonSlug}`} className="card flex flex-wrap items-center justify-between gap-3" data-resume={p.kind}>
            <span>
              <span className="block text-sm text-muted">{d.what}</span>
              <span className="font-semibold">{d.label}</span>
            </span>
            <Link href={d.href} className={i === 0 ? 'btn btn-primary' : 'btn'} aria-label={`Continue: ${d.label}`}>
              Continue
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
