// How the fuzz suite talks to the site: plain fetch with one cookie per identity, Next.js server
// actions called the way its client calls them, and raw bytes on a socket for request lines that
// fetch would refuse to send (a NUL, a bare CR/LF, broken percent-encoding).
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { demoPassword } from '../../support/fixtures';

export type Answer = { status: number; body: string; contentType: string; location: string | null };

/** An address of its own per request (the fuzz server trusts one proxy hop), so flood limits never end a run. */
function connection(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export type Identity = { name: string; cookie: string };
export const anonymous: Identity = { name: 'signed out', cookie: '' };

export async function send(base: string, path: string, init: RequestInit & { as?: Identity } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.as?.cookie && !headers.has('cookie')) headers.set('cookie', init.as.cookie);
  if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', connection());
  const res = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
  return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? '', location: res.headers.get('location') };
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
export async function signInAs(base: string, email: string, password = demoPassword): Promise<Identity> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': connection() },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return { name: email, cookie: session.split(';')[0]! };
}

/** A form field: text, or a file part. */
export type Field = string | { file: string; name?: string; type?: string };

/**
 * The body Next.js's client sends for a server action (React's encodeReply): part `0` is the JSON
 * list of arguments, sent after the fields, where `"$K1"` stands for a FormData whose fields are the parts
 * named `_1_<field>` (React 19.3).
 */
export function actionBody(args: unknown[], fields: Record<string, Field | Field[]>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') body.append(`_1_${key}`, v);
      else body.append(`_1_${key}`, new Blob([v.file], { type: v.type ?? 'application/octet-stream' }), v.name ?? 'upload.bin');
    }
  }
  // Last, as React writes it: the server resolves the root as soon as it arrives.
  body.append('0', JSON.stringify(args));
  return body;
}

/** Calls a server action by id, from a page that renders it, as the browser would after hydration. */
export async function callAction(base: string, page: string, id: string, body: BodyInit, as: Identity = anonymous, extra: Record<string, string> = {}): Promise<Answer> {
  return send(base, page, { method: 'POST', body, as, headers: { 'next-action': id, accept: 'text/x-component', origin: base, ...extra } });
}

/** Sends bytes as they are: for request lines and headers no HTTP client would produce. */
export async function sendRaw(base: string, request: Buffer | string): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error('raw request timed out')));
    socket.on('connect', () => socket.end(request));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.split('\r\n\r\n')[0] ?? '';
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const header = (name: string) => new RegExp(`^${name}: *(.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
      resolve({ status, body: text.slice(head.length + 4), contentType: header('content-type') ?? '', location: header('location') });
    });
  });
}

/** A GET request line with the path exactly as given (no encoding), closed after the answer. */
export function rawGet(path: string, host: string): Buffer {
  return Buffer.concat([Buffer.from('GET '), Buffer.from(path, 'latin1'), Buffer.from(` HTTP/1.1\r\nHost: ${host}\r\nX-Forwarded-For: ${connection()}\r\nConnection: close\r\n\r\n`)]);
}
