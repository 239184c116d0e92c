// The file side of question-bank media: reading what a bank shows from public/ for an export, and
// writing an import's files to public/media/quizzes/<bank>/. The converters in formats/ stay pure.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { QuizDef } from './schemas/quiz';
import { bankMediaUrls } from './formats/export-common';
import type { MediaFile } from './formats/media';

/** The file under `publicDir` a site URL names, or undefined when the URL would leave public/media/. */
export function mediaPath(publicDir: string, url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return undefined;
  }
  const file = path.resolve(publicDir, `.${decoded}`);
  return file.startsWith(path.resolve(publicDir, 'media') + path.sep) ? file : undefined;
}

/** The bytes of each media file the bank shows that exists; a missing one is left out (the export notes it). */
export async function readBankMedia(bank: QuizDef, publicDir: string): Promise<Map<string, Uint8Array>> {
  const media = new Map<string, Uint8Array>();
  for (const url of bankMediaUrls(bank)) {
    const file = mediaPath(publicDir, url);
    const bytes = file ? await readFile(file).catch(() => undefined) : undefined;
    if (bytes) media.set(url, new Uint8Array(bytes));
  }
  return media;
}

/** Writes an import's media into `publicDir`, replacing the bank's folder so no file of an earlier import lingers. */
export async function writeBankMedia(files: readonly MediaFile[], publicDir: string, bankDirUrl: string): Promise<void> {
  const dir = mediaPath(publicDir, bankDirUrl);
  if (!dir) throw new Error(`media folder ${bankDirUrl} is outside public/media`);
  await rm(dir, { recursive: true, force: true });
  if (files.length === 0) return;
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    const target = mediaPath(publicDir, f.url);
    if (!target) throw new Error(`media file ${f.url} is outside public/media`);
    await writeFile(target, f.bytes);
  }
}
