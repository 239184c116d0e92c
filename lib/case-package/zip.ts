// The SCORM 1.2 zip: the manifest and its control documents at the root, beside the one-file SCO.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { SCORM12_SCHEMA_FILES, scormManifest } from './manifest';

const schemaDir = fileURLToPath(new URL('./scorm12/', import.meta.url));

/** Every entry carries this time, so the same case and code give the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2020, 0, 1));

/** The zip's bytes: imsmanifest.xml, index.html and the four XSDs. */
export function scormZip(caseId: string, title: string, html: string): Uint8Array {
  const manifest = scormManifest({ caseId, title, launch: 'index.html', files: ['index.html'] });
  const files: Record<string, Uint8Array> = { 'imsmanifest.xml': strToU8(manifest), 'index.html': strToU8(html) };
  for (const name of SCORM12_SCHEMA_FILES) files[name] = new Uint8Array(readFileSync(`${schemaDir}${name}`));
  return zipSync(files, { level: 9, mtime: FIXED_TIME });
}
