import { extractText, getDocumentProxy } from 'unpdf';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { certificateDetailsSchema } from '@/lib/certification/details';
import { nameScript, renderCertificatePdf } from '@/lib/certification/pdf';

const base = {
  programmeTitle: 'Telemedicine Practice — Practising Doctors',
  issuedAt: new Date('2026-03-01T00:00:00Z'),
  expiresAt: new Date('2028-03-01T00:00:00Z'),
  holderRegistration: null,
  details: certificateDetailsSchema.parse({ issuer: { name: 'TeleHealth Ready', url: 'https://telehealth.example' } }),
  verifyUrl: 'https://telehealth.example/verify/abcd2345efgh6789',
  code: 'abcd2345efgh6789',
  revoked: false,
};

async function render(holderName: string, extra: Partial<Parameters<typeof renderCertificatePdf>[0]> = {}) {
  const bytes = await renderCertificatePdf({ ...base, holderName, ...extra });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const fonts = (await PDFDocument.load(bytes)).context
    .enumerateIndirectObjects()
    .map(([, object]) => String(object))
    .filter((s) => s.includes('/BaseFont'))
    .map((s) => s.match(/\/BaseFont \/(\S+)/)?.[1] ?? '');
  return { bytes, text, fonts, title: (await PDFDocument.load(bytes)).getTitle() };
}

/** The images embedded in a PDF: their size in pixels and how they are encoded. */
async function images(bytes: Uint8Array) {
  return (await PDFDocument.load(bytes)).context
    .enumerateIndirectObjects()
    .map(([, object]) => (object instanceof PDFStream ? object.dict : object))
    .filter((d): d is PDFDict => d instanceof PDFDict && d.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((d) => ({ width: Number(String(d.get(PDFName.of('Width')))), height: Number(String(d.get(PDFName.of('Height')))), filter: String(d.get(PDFName.of('Filter'))) }));
}

// The smallest JPEG pdf-lib reads (start, a 6×3 grey frame header, end): it embeds JPEG bytes as they are (DCTDecode).
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x03, 0x00, 0x06, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);

// Arabic letters only (what a reader would search for), in the order they appear.
const letters = (s: string) => s.normalize('NFKC').replace(/[^\u0600-\u06FF]/g, '');

describe('the certificate PDF', () => {
  test('chooses the Arabic-script font only for names written wholly in that script', () => {
    expect(nameScript('Ayesha Khan')).toBe('latin');
    expect(nameScript('Zoë Ödegaard')).toBe('latin');
    expect(nameScript('ڈاکٹر عائشہ خان')).toBe('arabic');
    expect(nameScript('عائشہ Khan')).toBe('latin'); // mixed scripts keep the Latin path
  });

  test('sets a Latin name in Helvetica, and the name is the text of the page', async () => {
    const { text, fonts, title } = await render('Ayesha Khan');
    expect(text).toContain('Ayesha Khan');
    expect(text).toContain('Telemedicine Practice');
    expect(fonts.some((f) => f.includes('Naskh'))).toBe(false);
    expect(title).toBe('Telemedicine Practice — Practising Doctors: Ayesha Khan');
  });

  test('sets an Urdu name in the embedded Naskh font, with no placeholder, its letters searchable', async () => {
    const name = 'ڈاکٹر عائشہ خان';
    const { text, fonts, title } = await render(name);
    expect(fonts.some((f) => f.startsWith('NotoNaskhArabic-Bold'))).toBe(true);
    expect(text).not.toContain('?');
    // Each word is in the text layer (a viewer may give right-to-left runs in either order).
    for (const word of name.split(' ')) {
      const found = letters(text);
      expect(found.includes(letters(word)) || found.includes([...letters(word)].reverse().join('')), word).toBe(true);
    }
    expect(title).toBe(`Telemedicine Practice — Practising Doctors: ${name}`);
  });

  test('prints what a reviewer looks for: registration, provider, signatory, what the hours are, competencies, and any accreditation verbatim', async () => {
    const details = certificateDetailsSchema.parse({
      issuer: { name: 'Dow Telehealth Academy', url: 'https://telehealth.example' },
      signatory: { name: 'Dr Farah Siddiqui', title: 'Programme Director' },
      provider: 'Department of Family Medicine, Example College',
      hoursStatement: '12 notional study hours (an estimate of study time, not accredited CPD credit)',
      framework: 'Mapped to the AAMC Telehealth Competencies (2021), tier 2 (entering practice)',
      competencies: [{ id: 'D1', title: 'Patient safety and appropriate use of telehealth' }],
    });
    const { text } = await render('Ayesha Khan', { holderRegistration: 'PMDC 12345-P', details });
    for (const expected of [
      'Dow Telehealth Academy',
      'Professional registration: PMDC 12345-P',
      'Provided by Department of Family Medicine, Example College',
      'Dr Farah Siddiqui',
      'Programme Director',
      'not accredited CPD credit',
      'Mapped to the AAMC Telehealth Competencies (2021), tier 2',
      'Patient safety and appropriate use of telehealth',
      base.verifyUrl,
    ]) {
      expect(text.replace(/\s+/g, ' '), expected).toContain(expected);
    }
    const accredited = await render('Ayesha Khan', { details: { ...details, hoursStatement: '12 hours', accreditation: 'Accredited by the Example Council for 12 CPD credits (approval EX-2026-001).' } });
    expect(accredited.text.replace(/\s+/g, ' ')).toContain('Accredited by the Example Council for 12 CPD credits (approval EX-2026-001).');
  });
});

describe('a certificate earned through an institution', () => {
  const institution = {
    id: '7b0c1c55-6c1f-4d8e-9a43-2a0f3e1d9b10',
    name: 'Dow University of Health Sciences',
    signatory: { name: 'Prof Amina Qureshi', title: 'Dean of Medicine' },
    logo: { version: 'v1', type: 'image/png' as const },
  };
  const details = certificateDetailsSchema.parse({
    issuer: { name: 'TeleHealth Ready', url: 'https://telehealth.example' },
    signatory: { name: 'Dr Farah Siddiqui', title: 'Programme Director' },
    institution,
  });

  test('says so, and prints the institution signatory beside the platform one', async () => {
    const { text } = await render('Ayesha Khan', { details });
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Issued through Dow University of Health Sciences', 'Prof Amina Qureshi', 'Dean of Medicine', 'for Dow University of Health Sciences', 'Dr Farah Siddiqui', 'for TeleHealth Ready']) {
      expect(flat, expected).toContain(expected);
    }
    const plain = await render('Ayesha Khan', { details: { ...details, institution: null } });
    expect(plain.text).not.toContain('Issued through');
    expect(plain.text).not.toContain('Prof Amina Qureshi');
  });

  test('embeds its logo, PNG or JPEG, beside the QR code; a logo it cannot read is left out', async () => {
    const png = await QRCode.toBuffer('logo', { margin: 0, scale: 1 });
    const qrOnly = await images((await render('Ayesha Khan', { details })).bytes);
    expect(qrOnly).toHaveLength(1);
    const withPng = await images((await render('Ayesha Khan', { details, institutionLogo: { bytes: png, type: 'image/png' } })).bytes);
    expect(withPng).toHaveLength(2);
    const withJpeg = await images((await render('Ayesha Khan', { details, institutionLogo: { bytes: jpeg, type: 'image/jpeg' } })).bytes);
    expect(withJpeg).toContainEqual({ width: 6, height: 3, filter: '/DCTDecode' });
    const broken = await render('Ayesha Khan', { details, institutionLogo: { bytes: Uint8Array.from([1, 2, 3]), type: 'image/png' } });
    expect(await images(broken.bytes)).toHaveLength(1);
    expect(broken.text).toContain('Issued through');
    // No institution on the certificate: no logo, whatever is passed.
    expect(await images((await render('Ayesha Khan', { details: { ...details, institution: null }, institutionLogo: { bytes: png, type: 'image/png' } })).bytes)).toHaveLength(1);
  });
});
