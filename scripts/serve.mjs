#!/usr/bin/env node
// The production server `npm start` runs: Next.js behind a thin front that does what `next start`
// cannot. It says who the client is (X-Forwarded-For is rewritten to the one client address, read
// from the socket and the configured number of trusted proxies, so a client cannot choose the
// address its rate limits count against), refuses TRACE/TRACK/CONNECT (405) and request bodies over
// the limit (413) and addresses with broken percent-encoding (400) with a plain message instead of a
// server error, and otherwise hands each request
// to Next.js unchanged.
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { clientAddress } from './forwarded.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = Number(process.env.PORT || '3000');
const hops = Number(process.env.TRUSTED_PROXY_HOPS || '0');
// Server actions and uploads (a roster file is at most 1 MB) stay well under this.
const maxBodyBytes = 2 * 1024 * 1024;

if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
  console.error('\nTRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the reverse proxies in front of this server).\n');
  process.exit(1);
}

/**
 * A lesson URL answers with the full page or, with the low-data cookie, the script-free one (the
 * rewrite in proxy.ts): a shared cache must keep them apart, so the response varies on Cookie.
 * Added here, as the headers are written, because Next.js sets its own Vary on pages and a
 * next.config header would replace it (and with it the RSC variants).
 */
const cookieVariant = /^\/modules\/[^/?#]+\/[^/?#]+\/?(?:[?#]|$)/;
function varyOnCookie(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const current = String(res.getHeader('vary') ?? '');
    if (!/(^|,)\s*cookie\s*(,|$)/i.test(current)) res.setHeader('vary', current ? `Cookie, ${current}` : 'Cookie');
    return writeHead.apply(this, args);
  };
}

/**
 * Whether the path or query holds percent-encoding that decodes to no text (`%E0%A4%A`, a lone `%`,
 * overlong `%C0%AF`). Next.js answers such an address with a server error; no page or route of this
 * site can mean it, so it is refused as a bad request.
 */
function brokenEncoding(url) {
  try {
    decodeURIComponent(url);
    return false;
  } catch {
    return true;
  }
}

function refuse(res, status, message) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...(status === 405 ? { allow: 'GET, HEAD, POST, OPTIONS' } : {}) });
  res.end(`${message}\n`);
}

const app = next({ dev: false, dir: root, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  if (['TRACE', 'TRACK', 'CONNECT'].includes(req.method ?? '')) return refuse(res, 405, 'This method is not allowed.');
  if (Number(req.headers['content-length'] ?? '0') > maxBodyBytes) return refuse(res, 413, 'The request is too large (at most 2 MB).');
  if (brokenEncoding(req.url ?? '/')) return refuse(res, 400, 'This address is not valid: it has broken percent-encoding.');
  if (cookieVariant.test(req.url ?? '')) varyOnCookie(res);
  const forwarded = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = clientAddress(Array.isArray(forwarded) ? forwarded.join(',') : forwarded, req.socket.remoteAddress, hops);
  handle(req, res).catch((error) => {
    console.error('[serve] unhandled error', error);
    if (!res.headersSent) refuse(res, 500, 'Something went wrong on our side.');
  });
}).listen(port, () => console.log(`[serve ${process.pid}] listening on ${port} (trusting ${hops} proxy hop${hops === 1 ? '' : 's'} for client addresses)`));

/**
 * A graceful stop: no new connections, idle keep-alive ones closed, the requests in hand finished,
 * then exit (a request still running after 8 s is cut). Also when the cluster's primary is gone
 * (`disconnect`): a worker without it receives no new connections.
 */
function shutdown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 8000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, shutdown);
process.once('disconnect', shutdown);
