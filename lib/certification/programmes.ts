import 'server-only';
// The programmes of this build as the rules and pages read them.
import { getCatalog } from '@/lib/content';
import type { Catalog } from '@/lib/content/catalog';
import { outline } from '@/lib/content/outline';
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import type { Profession } from '@/db/schema';
import { type ProgrammeFrame, learnerReadiness } from '@/lib/domain/readiness';
import type { Db } from '@/db/client';
import { loadLearnerRows } from '@/db/queries/readiness';

/** The programmes open to a learner of this profession. */
export async function programmesFor(profession: Profession): Promise<ProgrammeDef[]> {
  const { programmes } = await getCatalog();
  return programmes.map((p) => p.def).filter((p) => p.audience.includes(profession));
}

/** Each quiz's own pass mark, for requirements that set no minimum of their own. */
export function quizPassMarks(catalog: Pick<Catalog, 'quizzes'>): Map<string, number> {
  return new Map(catalog.quizzes.map((q) => [q.def.id, q.def.passMark]));
}

/** What `learnerReadiness` needs to judge one programme. */
export function programmeFrame(catalog: Pick<Catalog, 'modules' | 'quizzes'>, programme: ProgrammeDef): ProgrammeFrame {
  return { programme, modules: catalog.modules.map(outline), passMarks: quizPassMarks(catalog) };
}

/** The programme's requirements in one sentence, for the credential's criteria. */
export function describeRequirements(p: ProgrammeDef): string {
  const parts = [
    p.requirements.modules.length ? `complete ${p.requirements.modules.length} modules` : '',
    p.requirements.quizzes.length ? `pass ${p.requirements.quizzes.length} module quizzes` : '',
    p.requirements.consults.required.length ? `pass ${p.requirements.consults.required.length} named virtual consults without a critical error` : '',
    p.requirements.consults.anyOf ? `pass ${p.requirements.consults.anyOf.count} more virtual consults from a list of ${p.requirements.consults.anyOf.from.length} without a critical error` : '',
  ].filter(Boolean);
  return `Earned by learners who ${parts.join(', ')}.`;
}

/** The learner's readiness for each programme open to them, by the same rows and function as every other view of it. */
export async function ownReadiness(db: Db, learner: { id: string; profession: Profession }, catalog: Catalog) {
  const rows = await loadLearnerRows(db, { userId: learner.id }, catalog);
  return catalog.programmes
    .map((p) => p.def)
    .filter((p) => p.audience.includes(learner.profession))
    .map((programme) => ({ programme, readiness: learnerReadiness(programmeFrame(catalog, programme), rows) }));
}
