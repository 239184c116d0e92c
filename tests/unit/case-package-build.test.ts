// The exported package as files: one HTML file that can fetch nothing and carries the case whole,
// and the SCORM zip around that same file with a manifest the SCORM 1.2 schemas accept.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { PACKAGE_CSP, scriptJson } from '@/lib/case-package/build';
import { exportCase, packageData } from '@/lib/case-package/export';
import { SCORM12_SCHEMA_FILES } from '@/lib/case-package/manifest';
import type { PackageData } from '@/lib/case-package/package-data';

const caseId = 'infant-fever-lhw';
const contentDir = path.join(process.cwd(), 'content');
const out = mkdtempSync(path.join(os.tmpdir(), 'case-package-unit-'));
let html = '';
let zip: Record<string, Uint8Array> = {};
let data: PackageData;

beforeAll(async () => {
  data = await packageData(contentDir, caseId);
  html = readFileSync((await exportCase(contentDir, caseId, 'html', out)).file, 'utf8');
  zip = unzipSync(readFileSync((await exportCase(contentDir, caseId, 'scorm', out)).file));
}, 60_000);

function inlineData(page: string): unknown {
  const json = /<script type="application\/json" id="case-data">([\s\S]*?)<\/script>/.exec(page)?.[1];
  return JSON.parse(json ?? 'null');
}

describe('the offline HTML package', () => {
  test('declares a CSP that forbids every request, and loads nothing itself', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}">`);
    expect(PACKAGE_CSP).toMatch(/^default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:/);
    expect(html).not.toMatch(/<(script|img|iframe|link|audio|video|source)\b[^>]*\s(src|href)=/i);
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  test('carries the whole case, answers included, exactly as content:check loaded it', () => {
    expect(inlineData(html)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(data.case.expertPath.length).toBeGreaterThan(0);
    expect(data.references.length).toBeGreaterThan(0);
  });

  test('bundles the engine without zod, and stays small', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).not.toMatch(/ZodError|zod/i);
    expect(script.length).toBeLessThan(40_000);
  });

  test('no "</script" in the data can close its element early', () => {
    expect(scriptJson({ text: '</script><script>alert(1)</script>' })).not.toContain('<');
  });
});

describe('the SCORM 1.2 zip', () => {
  test('holds the manifest, the same index.html and the four control documents', () => {
    expect(Object.keys(zip).sort()).toEqual(['imsmanifest.xml', 'index.html', ...SCORM12_SCHEMA_FILES].sort());
    expect(strFromU8(zip['index.html'] ?? new Uint8Array())).toBe(html);
  });

  test('its manifest is valid against the XSDs it carries', async () => {
    const wrapper = `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
      <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
    </xsd:schema>`;
    const result = await validateXML({
      xml: [{ fileName: 'imsmanifest.xml', contents: strFromU8(zip['imsmanifest.xml'] ?? new Uint8Array()) }],
      schema: [{ fileName: 'scorm12.xsd', contents: wrapper }],
      preload: SCORM12_SCHEMA_FILES.map((name) => ({ fileName: name, contents: zip[name] ?? new Uint8Array() })),
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a case that does not exist names the cases that do', async () => {
    await expect(packageData(contentDir, 'no-such-case')).rejects.toThrow(/no valid case "no-such-case".*infant-fever-lhw/);
  }, 30_000);
});
