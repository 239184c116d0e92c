// The e-mail the site sent during the run, as the SMTP sink (smtp-sink.mjs) received it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

export type Mail = { to: string; subject: string; text: string; html: string };

function inbox(): Mail[] {
  const dir = path.join(process.env.E2E_DATA_DIR!, 'inbox');
  return readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}

/** Waits for a message to this address whose subject starts with `subject` (the newest such). */
export async function mailTo(address: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(() => {
      found = inbox()
        .filter((m) => m.to === address.toLowerCase() && m.subject.startsWith(subject))
        .at(-1);
      return Boolean(found);
    }, { timeout: 20_000, message: `an e-mail "${subject}" to ${address}` })
    .toBe(true);
  return found!;
}

/** How many messages an address has received. */
export function countTo(address: string): number {
  return inbox().filter((m) => m.to === address.toLowerCase()).length;
}

/** The path (on this site) of the first link in a message under `prefix`. */
export function linkPath(mail: Mail, prefix: string): string {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(prefix));
  if (!url) throw new Error(`no ${prefix} link in "${mail.subject}"`);
  return new URL(url).pathname;
}
