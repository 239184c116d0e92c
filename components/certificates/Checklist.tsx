import type { Catalog } from '@/lib/content/catalog';
import type { Requirement } from '@/lib/domain/certification';
import { checklist } from '@/lib/domain/certification/checklist';
import { ProgressBar } from '@/components/curriculum/ProgressBar';
import { RequirementList } from './RequirementList';

const groupTitle = { modules: 'Modules', quizzes: 'Quizzes', consults: 'Virtual consults' } as const;

/** A programme's checklist: how many things are left first, then modules, quizzes and consults, each with its own bar. */
export function Checklist({ requirements, catalog, headingLevel = 3 }: { requirements: readonly Requirement[]; catalog: Catalog; headingLevel?: 3 | 4 }) {
  const list = checklist(requirements);
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="stack" data-testid="checklist">
      <p className="m-0 font-semibold" data-testid="things-left">
        {list.left === 0 ? 'Nothing left: every requirement is met.' : `${list.left} ${list.left === 1 ? 'thing' : 'things'} left`}
        <span className="font-normal text-muted"> · {list.done} of {list.total} done</span>
      </p>
      {list.groups.map((g) => (
        <section key={g.kind} className="stack" data-checklist-group={g.kind} aria-label={groupTitle[g.kind]}>
          <Heading className="m-0 text-base">{groupTitle[g.kind]}</Heading>
          <ProgressBar done={g.done} total={g.total} label={`${groupTitle[g.kind]} done`} />
          <RequirementList requirements={g.items} catalog={catalog} />
        </section>
      ))}
    </div>
  );
}
