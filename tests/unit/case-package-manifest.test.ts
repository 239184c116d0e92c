// The SCORM 1.2 manifest, validated against the ADL/IMS schemas that travel with the package
// (lib/case-package/scorm12/) by libxml2's validator (xmllint-wasm), and checked for what the CAM
// requires of a single-SCO package.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { SCORM12_SCHEMA_FILES, escapeXml, scormManifest } from '@/lib/case-package/manifest';

const schemaDir = path.join(process.cwd(), 'lib/case-package/scorm12');

// xmllint takes one schema: this one imports the two namespaces a SCORM 1.2 manifest uses.
const wrapper = `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>`;

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'scorm12.xsd', contents: wrapper }],
    preload: SCORM12_SCHEMA_FILES.map((name) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), 'utf8') })),
  });
}

const input = { caseId: 'chest-pain-lagging-video', title: 'Chest pain & a lagging "video"', launch: 'index.html', files: ['index.html'] };

describe('the SCORM 1.2 manifest', () => {
  test('is valid against imscp_rootv1p1p2.xsd and adlcp_rootv1p2.xsd', async () => {
    const result = await validate(scormManifest(input));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('the validator does reject a manifest the schemas forbid', async () => {
    const broken = scormManifest(input).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
    expect((await validate(broken)).valid).toBe(false);
    const noResources = scormManifest(input).replace(/<resources>[\s\S]*<\/resources>/, '');
    expect((await validate(noResources)).valid).toBe(false);
  });

  test('names ADL SCORM 1.2 and launches one SCO from its item', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const { manifest } = parser.parse(scormManifest(input));
    expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: 1.2 });
    const org = manifest.organizations.organization;
    expect(manifest.organizations.default).toBe(org.identifier);
    expect(org.item.identifierref).toBe(manifest.resources.resource.identifier);
    expect(manifest.resources.resource).toMatchObject({ 'adlcp:scormtype': 'sco', href: 'index.html', type: 'webcontent', file: { href: 'index.html' } });
    expect(org.title).toBe('Chest pain & a lagging "video"');
  });

  test('has no mastery score: the SCO decides passed or failed (a critical error fails any score)', () => {
    expect(scormManifest(input)).not.toContain('masteryscore');
  });

  test('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });
});
