// The imsmanifest.xml of a SCORM 1.2 package: one organization with one item, launched by one SCO
// (ADL SCORM 1.2 Content Aggregation Model, section 2.3). Pure: the CLI writes the file.

/** The SCORM 1.2 control documents that travel at the package's root, beside the manifest. */
export const SCORM12_SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'] as const;

export const IMSCP_NS = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
export const ADLCP_NS = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const IMSMD_NS = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';

export type ManifestInput = {
  /** The case id (lowercase words and dashes): identifiers are built from it. */
  caseId: string;
  /** What the LMS lists the package and its one item as. */
  title: string;
  /** The SCO's launch file, relative to the package root. */
  launch: string;
  /** Every file of the SCO, relative to the package root (the launch file among them). */
  files: readonly string[];
};

const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => entities[c] ?? c);
}

/**
 * The manifest. No `adlcp:masteryscore`: with one, an LMS may set passed or failed from the score
 * alone, while a case also fails on a critical error or a missed critical action whatever the score;
 * the SCO reports `cmi.core.lesson_status` itself.
 */
export function scormManifest({ caseId, title, launch, files }: ManifestInput): string {
  const id = `telehealth-ready-case-${caseId}`;
  const fileLines = files.map((f) => `        <file href="${escapeXml(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(id)}" version="1.0"
    xmlns="${IMSCP_NS}"
    xmlns:adlcp="${ADLCP_NS}"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="${IMSCP_NS} imscp_rootv1p1p2.xsd ${IMSMD_NS} imsmd_rootv1p2p1.xsd ${ADLCP_NS} adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${escapeXml(id)}-org">
    <organization identifier="${escapeXml(id)}-org">
      <title>${escapeXml(title)}</title>
      <item identifier="${escapeXml(id)}-item" identifierref="${escapeXml(id)}-sco" isvisible="true">
        <title>${escapeXml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${escapeXml(id)}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(launch)}">
${fileLines}
    </resource>
  </resources>
</manifest>
`;
}
