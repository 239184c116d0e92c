// A real SMTP server in the test process (smtp-server), keeping every message it receives, parsed.
// Addresses listed in `refuse` are rejected at RCPT, as a mail server refuses an unknown mailbox.
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { to: string; subject: string; text: string; html: string; messageId: string; raw: string };

export type TestSmtp = {
  url: string;
  messages: Received[];
  refuse: Set<string>;
  /** The messages to an address (newest last). */
  to: (address: string) => Received[];
  close: () => Promise<void>;
};

function addressOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address?.toLowerCase() ?? '';
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: Received[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) callback(Object.assign(new Error('550 No such mailbox here'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = await simpleParser(raw);
        messages.push({ to: addressOf(mail), subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '', messageId: mail.messageId ?? '', raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP server has no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    refuse,
    to: (address) => messages.filter((m) => m.to === address.toLowerCase()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message to a path of the site, and the token at its end. */
export function linkIn(message: Received | undefined, pathPrefix: string): { url: string; token: string } {
  const url = message?.text.match(new RegExp(`https?://\\S+${pathPrefix.replace(/\//g, '\\/')}[A-Za-z0-9_-]+`))?.[0];
  if (!url) throw new Error(`no ${pathPrefix} link in ${message?.subject ?? 'a missing message'}`);
  return { url, token: url.split('/').at(-1)! };
}
