import Link from 'next/link';
import type { Catalog } from '@/lib/content/catalog';
import { describeRequirement } from '@/lib/certification/view';
import type { Requirement } from '@/lib/domain/certification';

/** A programme's requirements, each ticked or not, with where to do it and how the learner stands. */
export function RequirementList({ requirements, catalog }: { requirements: readonly Requirement[]; catalog: Catalog }) {
  return (
    <ul className="space-y-2">
      {requirements.map((r) => {
        const d = describeRequirement(r, catalog);
        return (
          <li key={`${r.kind}-${'id' in r ? r.id : 'any'}`} className="flex gap-2" data-requirement={`${r.kind}:${'id' in r ? r.id : 'any'}`}>
            <span aria-hidden="true">{r.met ? '✓' : '○'}</span>
            <span>
              <Link href={d.href}>{d.label}</Link>
              <span className="sr-only">{r.met ? ' (done)' : ' (still to do)'}</span>
              {d.detail ? <span className="block text-sm text-muted">{d.detail}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
