import 'server-only';
// Sending one message: through SMTP_URL, or, for a local start without it, into $DATA_DIR/mail as
// a standard .eml file with its subject and link printed on the console, so a person trying the
// site can follow every link.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { serverEnv } from '@/lib/env';

export type Outgoing = { id: string; to: string; subject: string; text: string; html: string };

let smtp: Transporter | undefined;

function messageId(id: string): string {
  return `<${id}@${new URL(serverEnv().publicUrl).hostname}>`;
}

/** Sends the message; throws when the server refuses it (the caller retries later). */
export async function deliverMail(m: Outgoing): Promise<void> {
  const env = serverEnv();
  // The same Message-ID on every try lets a mail server or reader recognise a repeat.
  const message = { from: env.MAIL_FROM, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: messageId(m.id) };
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    await smtp.sendMail(message);
    return;
  }
  const file = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
  const dir = path.join(env.DATA_DIR, 'mail');
  await mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${m.id}.eml`;
  await writeFile(path.join(dir, name), file.message);
  const link = m.text.match(/https?:\/\/\S+/)?.[0];
  console.log(`[mail] to ${m.to}: ${m.subject}${link ? ` — ${link}` : ''} (saved in ${path.join(dir, name)})`);
}
