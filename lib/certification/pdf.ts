import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { type PDFFont, PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import QRCode from 'qrcode';

export type CertificatePdfInput = {
  holderName: string;
  programmeTitle: string;
  issuedAt: Date;
  expiresAt: Date;
  cpdHours: number | null;
  verifyUrl: string;
  code: string;
  revoked: boolean;
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

function formatDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** An A4 landscape certificate with the holder's name, programme, dates, CPD hours, verification URL and QR code. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${input.programmeTitle}: ${input.holderName}`); // the document's metadata is Unicode
  doc.setAuthor('TeleHealth Ready');
  doc.setSubject(`Certificate ${input.code}; verify at ${input.verifyUrl}`);
  const page = doc.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const holderFont = await nameFont(doc, input.holderName, bold);

  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: brand, borderWidth: 3 });
  const centre = (text: string, y: number, size: number, font = regular, color = ink) => {
    const t = font === regular || font === bold ? latin1(text) : text;
    page.drawText(t, { x: (width - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color });
  };
  centre('TeleHealth Ready', height - 90, 16, bold, brand);
  centre('Certificate of completion', height - 140, 30, bold);
  centre('This certifies that', height - 190, 14, regular, muted);
  centre(input.holderName, height - 235, 28, holderFont);
  centre('has met every requirement of', height - 275, 14, regular, muted);
  centre(input.programmeTitle, height - 310, 20, bold, brand);
  const details = [`Issued ${formatDate(input.issuedAt)}`, `Valid until ${formatDate(input.expiresAt)}`, ...(input.cpdHours ? [`${input.cpdHours} CPD hours`] : [])];
  centre(details.join('   ·   '), height - 350, 13);
  if (input.revoked) centre('REVOKED — this certificate is no longer valid', height - 385, 16, bold, rgb(0.64, 0.15, 0.17));

  const qr = await doc.embedPng(await QRCode.toBuffer(input.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }));
  page.drawImage(qr, { x: 60, y: 60, width: 110, height: 110 });
  page.drawText('Verify this certificate:', { x: 185, y: 135, size: 11, font: bold, color: ink });
  page.drawText(latin1(input.verifyUrl), { x: 185, y: 117, size: 11, font: regular, color: brand });
  page.drawText(`Certificate code: ${input.code}`, { x: 185, y: 99, size: 10, font: regular, color: muted });
  page.drawText('Scan the code or open the address to see whether it is valid, expired or revoked.', { x: 185, y: 81, size: 9, font: regular, color: muted });
  return doc.save();
}
