import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { type PDFFont, PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificateDetails } from './details';

export type CertificatePdfInput = {
  holderName: string;
  holderRegistration: string | null;
  programmeTitle: string;
  issuedAt: Date;
  expiresAt: Date;
  verifyUrl: string;
  code: string;
  revoked: boolean;
  details: CertificateDetails;
  /** The logo of the institution it was earned through, when that is still the version it was issued with. */
  institutionLogo?: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' } | null;
};

const brand = rgb(0.06, 0.37, 0.41);
const ink = rgb(0.09, 0.13, 0.17);
const muted = rgb(0.29, 0.35, 0.4);

// Helvetica covers WinAnsi (Latin-1 plus a few signs such as the dash); other characters are
// replaced rather than failing the whole PDF (names in Arabic script have their own font, below).
const winAnsiExtras = new Set(['—', '–', '‘', '’', '“', '”', '•', '…', '€', '™']);
function latin1(text: string): string {
  return Array.from(text.normalize('NFC'), (ch) => (ch.charCodeAt(0) <= 0xff || winAnsiExtras.has(ch) ? ch : '?')).join('');
}

// Names written in Arabic script (Urdu, Sindhi, Pashto, Punjabi in Shahmukhi, Arabic, Persian) are
// set in Noto Naskh Arabic (OFL; lib/certification/fonts), which fontkit shapes (joined letter
// forms) and lays out right to left. A name that mixes scripts cannot be set as one run without a
// bidi algorithm, so it keeps the Latin path.
const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const otherLetters = /[A-Za-z\u00C0-\u024F0-9]/;
const naskhPath = path.join(process.cwd(), 'lib', 'certification', 'fonts', 'NotoNaskhArabic-Bold.ttf');
let naskh: Promise<Buffer> | null = null;

/** How the holder's name is set: in the Arabic-script font, or in Helvetica (WinAnsi). */
export function nameScript(name: string): 'arabic' | 'latin' {
  return arabicScript.test(name) && !otherLetters.test(name) ? 'arabic' : 'latin';
}

async function nameFont(doc: PDFDocument, name: string, latin: PDFFont): Promise<PDFFont> {
  if (nameScript(name) === 'latin') return latin;
  doc.registerFontkit(fontkit);
  naskh ??= readFile(naskhPath).catch((error: unknown) => {
    naskh = null;
    throw error;
  });
  return doc.embedFont(await naskh, { subset: true });
}

/** The institution's logo, or nothing when its bytes are not a readable image (the certificate still prints). */
async function embedLogo(doc: PDFDocument, logo: CertificatePdfInput['institutionLogo']) {
  if (!logo) return null;
  try {
    return logo.type === 'image/png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    return null;
  }
}

function formatDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Breaks text into lines no wider than `width` at this font and size. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * An A4 landscape certificate: the issuer, the holder's name and registration, the programme and
 * its provider, the dates, what the hours are (and any accreditation, verbatim), the competencies
 * it is mapped to, the signatory, and the verification URL with its QR code. Earned through an
 * institution's cohort, it also says so and carries that institution's logo and signatory.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const { details } = input;
  const { institution } = details;
  const issuer = details.issuer?.name ?? 'TeleHealth Ready';
  const doc = await PDFDocument.create();
  doc.setTitle(`${input.programmeTitle}: ${input.holderName}`); // the document's metadata is Unicode
  doc.setAuthor(issuer);
  doc.setSubject(`Certificate ${input.code}; verify at ${input.verifyUrl}`);
  const page = doc.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const holderFont = await nameFont(doc, input.holderName, bold);

  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: brand, borderWidth: 3 });
  const logo = await embedLogo(doc, institution ? input.institutionLogo : null);
  if (logo) {
    const box = logo.scaleToFit(72, 72);
    page.drawImage(logo, { x: 48, y: height - 48 - box.height, width: box.width, height: box.height });
  }
  const centre = (text: string, y: number, size: number, font = regular, color = ink) => {
    const t = font === regular || font === bold ? latin1(text) : text;
    page.drawText(t, { x: (width - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color });
  };
  /** Centred lines from the top down; returns where the next line goes. */
  const paragraph = (text: string, y: number, size: number, font = regular, color = muted) => {
    let at = y;
    for (const line of wrap(latin1(text), font, size, width - 200)) {
      centre(line, at, size, font, color);
      at -= size + 4;
    }
    return at;
  };
  centre(issuer, height - 78, 16, bold, brand);
  centre('Certificate of completion', height - 120, 28, bold);
  centre('This certifies that', height - 152, 13, regular, muted);
  centre(input.holderName, height - 190, 26, holderFont);
  let y = height - 210;
  if (input.holderRegistration) {
    centre(`Professional registration: ${input.holderRegistration}`, y, 11, regular, muted);
    y -= 16;
  }
  centre('has met every requirement of', y - 10, 13, regular, muted);
  centre(input.programmeTitle, y - 40, 19, bold, brand);
  y -= 60;
  if (details.provider) y = paragraph(`Provided by ${details.provider}`, y, 11);
  if (institution) y = paragraph(`Issued through ${institution.name}`, y, 11, bold, ink);
  centre(`Issued ${formatDate(input.issuedAt)}   ·   Valid until ${formatDate(input.expiresAt)}`, y - 6, 12);
  y -= 26;
  if (details.hoursStatement) y = paragraph(details.hoursStatement, y, 11, regular, ink);
  if (details.accreditation) y = paragraph(details.accreditation, y, 10, regular, ink);
  if (details.framework) {
    const domains = details.competencies.map((c) => c.title).join('; ');
    y = paragraph(`${details.framework}${domains ? `: ${domains}` : ''}.`, y - 2, 9);
  }
  if (input.revoked) centre('REVOKED — this certificate is no longer valid', Math.min(y - 8, 200), 16, bold, rgb(0.64, 0.15, 0.17));

  const qr = await doc.embedPng(await QRCode.toBuffer(input.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }));
  page.drawImage(qr, { x: 60, y: 50, width: 100, height: 100 });
  page.drawText('Verify this certificate:', { x: 172, y: 122, size: 11, font: bold, color: ink });
  page.drawText(latin1(input.verifyUrl), { x: 172, y: 105, size: 10, font: regular, color: brand });
  page.drawText(`Certificate code: ${input.code}`, { x: 172, y: 89, size: 9, font: regular, color: muted });
  page.drawText('Scan the code or open the address to see whether it is valid, expired or revoked.', { x: 172, y: 74, size: 8, font: regular, color: muted });
  // Signature blocks bottom right: the platform's signatory lowest, the institution's above it.
  const signatures = [
    details.signatory ? { ...details.signatory, for: issuer } : null,
    institution?.signatory ? { ...institution.signatory, for: institution.name } : null,
  ].filter((b) => b !== null);
  signatures.forEach((sig, i) => {
    const x = width - 290;
    const line = 100 + i * 62;
    page.drawLine({ start: { x, y: line }, end: { x: x + 220, y: line }, thickness: 0.8, color: muted });
    page.drawText(latin1(sig.name), { x, y: line - 14, size: 11, font: bold, color: ink });
    if (sig.title) page.drawText(latin1(sig.title), { x, y: line - 28, size: 9, font: regular, color: muted });
    page.drawText(latin1(`for ${sig.for}`), { x, y: line - 42, size: 9, font: regular, color: muted });
  });
  return doc.save();
}
