// The mail server the end-to-end suite's site sends to: a real SMTP server (smtp-server) on
// E2E_SMTP_PORT that writes each message it receives, parsed, as JSON into $E2E_DATA_DIR/inbox.
// Started by playwright.config.ts as a web server, before the site.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.E2E_SMTP_PORT);
const inbox = path.join(process.env.E2E_DATA_DIR, 'inbox');
mkdirSync(inbox, { recursive: true });
let n = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address?.toLowerCase() ?? '';
        const file = path.join(inbox, `${Date.now()}-${String(++n).padStart(5, '0')}.json`);
        writeFileSync(file, JSON.stringify({ to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' }));
        callback();
      })
      .catch(callback);
  },
});
server.listen(port, '127.0.0.1', () => console.log(`[smtp-sink] listening on ${port}, writing to ${inbox}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
