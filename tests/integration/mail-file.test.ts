// Without SMTP_URL (a local start), each message is written to $DATA_DIR/mail as a standard .eml
// file and its subject and link are printed, so a person trying the site can follow every link.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, test, vi } from 'vitest';
import { registerAccount } from '@/lib/services/accounts';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { suiteDatabase, testDatabases } from '../support/databases';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mail-file-'));
process.env.DATA_DIR = dataDir;
delete process.env.SMTP_URL;
delete process.env.PUBLIC_URL;
process.env.PORT = '3000';

describe('mail without an SMTP server', () => {
  const h = suiteDatabase(testDatabases[0]!.open);

  test('is saved as a .eml file a mail program opens, and its link is printed on the console', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await registerAccount(h.db, { name: 'Local Tryer', email: 'local.tryer@uni.example', password: 'a-long-password-1', profession: 'student', institution: null, registrationNumber: null }, false);
    await processDueEvents(h.db, new Date(Date.now() + 60_000));
    const files = readdirSync(path.join(dataDir, 'mail')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(readFileSync(path.join(dataDir, 'mail', files[0]!)));
    expect(mail.subject).toBe('Confirm your e-mail address · TeleHealth Ready');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/account\/verify\/[A-Za-z0-9_-]{43}/);
    expect(mail.html).toContain('Confirm my address');
    const printed = log.mock.calls.map((c) => String(c[0])).find((line) => line.startsWith('[mail] to local.tryer@uni.example'));
    expect(printed).toMatch(/Confirm your e-mail address · TeleHealth Ready — http:\/\/localhost:3000\/account\/verify\//);
    log.mockRestore();
  });
});
