// What an exported case package carries: the whole case (answers included) and what its debrief cites.
// Built by the CLI from validated content and read by the player in the browser.
import type { CaseDef } from '@/lib/content/schemas/case';
import type { Reference } from '@/lib/content/schemas/reference';

export type PackageData = {
  /** The case as validated by content:check, whole: every node, the rubric, the expert note. */
  case: CaseDef;
  /** The content version (hash) of the case the package was made from. */
  version: string;
  /** The sources the case cites, by id. */
  references: Reference[];
  /** Short names of the competency domains (D1…D6) the debrief's scores name. */
  domainNames: Record<string, string>;
};

/** The id of the JSON script element the package keeps its data in. */
export const DATA_ELEMENT_ID = 'case-data';
