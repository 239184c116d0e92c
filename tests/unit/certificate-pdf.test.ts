import { extractText, getDocumentProxy } from 'unpdf';
import { PDFDocument } from 'pdf-lib';
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
