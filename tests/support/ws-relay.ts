// A WebSocket-to-TCP relay on loopback: lets @vercel/postgres (which speaks to Neon over
// WebSockets) reach the plain PostgreSQL server, so the Vercel code path is tested for real.
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';

export type Relay = { port: number; close: () => Promise<void> };

/** Relays each WebSocket connection to the given TCP server. */
export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    const tcp = net.connect(target.port, target.host);
    socket.on('message', (data: Buffer) => tcp.write(data));
    tcp.on('data', (chunk) => socket.send(chunk));
    socket.on('close', () => tcp.destroy());
    tcp.on('close', () => socket.close());
    tcp.on('error', () => socket.close());
    socket.on('error', () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.on('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** Points the copy of the Neon driver that @vercel/postgres itself loads at the relay. */
export async function routeVercelPostgresThrough(relay: Relay): Promise<void> {
  const neonEntry = path.join(process.cwd(), 'node_modules/@vercel/postgres/node_modules/@neondatabase/serverless/index.mjs');
  const neon: { neonConfig: Record<string, unknown> } = await import(pathToFileURL(neonEntry).href);
  Object.assign(neon.neonConfig, {
    wsProxy: () => `127.0.0.1:${relay.port}/`,
    useSecureWebSocket: false,
    pipelineTLS: false,
    pipelineConnect: false,
  });
}
