// The ceiling for a prerendered lesson: a minimal Node http server answering every request with
// the same pre-gzipped HTML buffer held in memory. Usage: static-server.ts <file.html.gz> <port>
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: static-server.ts <file.html.gz> <port>');
const body = readFileSync(file);
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': String(body.length), vary: 'Accept-Encoding' };

http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1');
