// Files embedded in an imported bank (Moodle's base64 <file> and legacy <image_base64>), kept as
// media the site serves from public/media/quizzes/<bank>/. Only image, audio and video types whose
// bytes match their extension are kept: anything else (an .html, an .svg with script) would be
// served from the site's own origin.
import { createHash } from 'node:crypto';

/** A file to write under public/: `url` is its path on the site, `name` its file name in the bank's folder. */
export type MediaFile = { name: string; url: string; bytes: Uint8Array };

/** Larger files are left out: lessons keep media under 2 MB so slow links can load them. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

const starts = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Each allowed extension and a check of the file's first bytes. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  png: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47]),
  jpg: (b) => starts(b, [0xff, 0xd8, 0xff]),
  jpeg: (b) => starts(b, [0xff, 0xd8, 0xff]),
  gif: (b) => starts(b, ascii('GIF8')),
  webp: (b) => starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8),
  mp3: (b) => starts(b, ascii('ID3')) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  ogg: (b) => starts(b, ascii('OggS')),
  wav: (b) => starts(b, ascii('RIFF')) && starts(b, ascii('WAVE'), 8),
  m4a: (b) => starts(b, ascii('ftyp'), 4),
  mp4: (b) => starts(b, ascii('ftyp'), 4),
  webm: (b) => starts(b, [0x1a, 0x45, 0xdf, 0xa3]),
};

/** A file name safe in a URL and on any file system: lowercase letters, digits, dashes and one extension. */
export function safeFileName(name: string): { stem: string; ext: string } {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const clean = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return { stem: clean(dot > 0 ? base.slice(0, dot) : base) || 'file', ext: dot > 0 ? clean(base.slice(dot + 1)) : '' };
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Collects a bank's media: the same bytes are stored once, and a name reused for other bytes gets a short hash. */
export class MediaStore {
  readonly files: MediaFile[] = [];
  private readonly byName = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  /** Stores a file and returns its URL, or a reason it was left out. */
  add(originalName: string, bytes: Uint8Array): { url: string } | { refused: string } {
    const { stem, ext } = safeFileName(originalName);
    const check = SIGNATURES[ext];
    if (!check) return { refused: `${originalName}: .${ext || '(none)'} files are not kept (images, audio and video only)` };
    if (!check(bytes)) return { refused: `${originalName}: its content is not a .${ext} file` };
    if (bytes.length > MAX_MEDIA_BYTES) return { refused: `${originalName}: larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB` };
    const hash = digest(bytes);
    for (const name of [`${stem}.${ext}`, `${stem}-${hash.slice(0, 8)}.${ext}`]) {
      const held = this.byName.get(name);
      if (held === hash) return { url: `${this.baseUrl}/${name}` };
      if (held === undefined) {
        this.byName.set(name, hash);
        const url = `${this.baseUrl}/${name}`;
        this.files.push({ name, url, bytes });
        return { url };
      }
    }
    return { refused: `${originalName}: two different files share its name and hash` };
  }
}

/** Base64 text (Moodle wraps it over lines) as bytes, or undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** Bytes as base64, for <file> elements. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
