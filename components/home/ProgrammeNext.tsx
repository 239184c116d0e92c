import Link from 'next/link';
import type { Catalog } from '@/lib/content/catalog';
import { describeRequirement } from '@/lib/certification/view';
import type { Requirement } from '@/lib/domain/certification';
import { checklist } from '@/lib/domain/certification/checklist';
import { ProgressBar } from '@/components/curriculum/ProgressBar';

/** One programme on the home: a bar of things done, how many are left, and the next one to do. */
export function ProgrammeNext({ id, title, requirements, catalog }: { id: string; title: string; requirements: readonly Requirement[]; catalog: Catalog }) {
  const list = checklist(requirements);
  const next = requirements.find((r) => !r.met);
  const step = next ? describeRequirement(next, catalog) : null;
  return (
    <div className="card stack" data-home-programme={id}>
      <p className="m-0 font-semibold">{title}</p>
      <ProgressBar done={list.done} total={list.total} label={list.left === 0 ? 'Every requirement met' : `${list.left} ${list.left === 1 ? 'thing' : 'things'} left`} />
      {step ? (
        <p className="m-0" data-testid="next-step">
          Next step: <Link href={step.href}>{step.label}</Link>
        </p>
      ) : null}
      <p className="m-0 small">
        <Link href="/certificates">The full checklist, and your certificate</Link>
      </p>
    </div>
  );
}
