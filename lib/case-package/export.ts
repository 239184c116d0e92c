// `content:export -- case`: a case of content/cases/ as an offline HTML file or a SCORM 1.2 zip.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCatalog } from '@/lib/content/catalog';
import type { CaseDef } from '@/lib/content/schemas/case';
import { buildCaseHtml } from './build';
import type { PackageData } from './package-data';
import { scormZip } from './zip';

export type CaseFormat = 'html' | 'scorm';
export type ExportedCase = { file: string; bytes: number; gzipBytes: number; htmlBytes: number; htmlGzipBytes: number };

/** Every source id the case cites: its own, its choices', its critical items'. */
function citedBy(def: CaseDef): Set<string> {
  const choices = Object.values(def.nodes).flatMap((n) => n.choices);
  const { criticalActions, criticalErrors } = def.rubric;
  return new Set([...def.references, ...choices.flatMap((c) => c.references), ...[...criticalActions, ...criticalErrors].flatMap((i) => i.references)]);
}

/** The package's data for a case of the catalogue under `contentDir`. */
export async function packageData(contentDir: string, caseId: string): Promise<PackageData> {
  const catalog = await loadCatalog(contentDir);
  const found = catalog.cases.find((c) => c.def.id === caseId);
  if (!found) {
    const ids = catalog.cases.map((c) => c.def.id).join(', ');
    throw new Error(`no valid case "${caseId}" in content/cases (cases: ${ids}; npm run content:check shows why a case does not load)`);
  }
  const cited = citedBy(found.def);
  return {
    case: found.def,
    version: found.hash.slice(0, 12),
    references: [...catalog.references.values()].filter((r) => cited.has(r.id)),
    domainNames: Object.fromEntries(catalog.competencies.domains.map((d) => [d.id, d.short])),
  };
}

/** Writes `<case>.html` or `<case>.scorm12.zip` into `outDir` and says how big it is. */
export async function exportCase(contentDir: string, caseId: string, format: CaseFormat, outDir: string): Promise<ExportedCase> {
  const data = await packageData(contentDir, caseId);
  const html = await buildCaseHtml(data);
  const bytes = format === 'html' ? Buffer.from(html) : scormZip(data.case.id, data.case.title, html);
  const file = path.join(outDir, format === 'html' ? `${data.case.id}.html` : `${data.case.id}.scorm12.zip`);
  await mkdir(outDir, { recursive: true });
  await writeFile(file, bytes);
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length, htmlBytes: Buffer.byteLength(html), htmlGzipBytes: gzipSync(html).length };
}
