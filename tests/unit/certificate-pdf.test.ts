import { extractText, getDocumentProxy } from 'unpdf';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { nameScript, renderCertificatePdf } from '@/lib/certification/pdf';

const base = {
  programmeTitle: 'Telemedicine Practice — Practising Doctors',
  issuedAt: new Date('2026-03-01T00:00:00Z'),
  expiresAt: new Date('2028-03-01T00:00:00Z'),
  cpdHours: 12,
  verifyUrl: 'https://telehealth.example/verify/abcd2345efgh6789',
  code: 'abcd2345efgh6789',
  revoked: false,
};

async function render(holderName: string) {
  const bytes = await renderCertificatePdf({ ...base, holderName });
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
});
