// Plain HTTP/1.1 requests over loopback, asking for gzip and keeping the body exactly as it was sent
// (compressed), so byte counts are what travels over the wire.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

export type HttpRequest = { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: Buffer };
export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/** Sends one request with Accept-Encoding: gzip; resolves when the body has fully arrived, timed from the start. */
export function send(request: HttpRequest): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(request.url, { method: request.method ?? 'GET', headers: { 'accept-encoding': 'gzip', ...request.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(120_000, () => req.destroy(new Error(`${request.method ?? 'GET'} ${request.url} timed out`)));
    req.end(request.body);
  });
}

/** The body as text, gunzipped when it was sent gzipped. */
export function bodyText(response: RawResponse): string {
  return (response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body).toString('utf8');
}
