/**
 * Neon's wire path on one machine: the Neon driver speaks Postgres over a WebSocket, so a
 * small WebSocket-to-TCP proxy (what Neon's edge does) sits in front of PGlite's socket server.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { createServer, connect, type AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalNeon(pg: PGlite) {
  const pgPort = await freePort();
  // The Neon pool leaves its socket open after pool.end(): an idle timeout frees the connection.
  const socketServer = new PGLiteSocketServer({
    db: pg,
    port: pgPort,
    host: '127.0.0.1',
    idleTimeout: 1000,
    maxConnections: 100,
  });
  await socketServer.start();

  const wsPort = await freePort();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: wsPort });
  let refusing = false;
  wss.on('connection', (ws, request) => {
    if (refusing) return ws.terminate();
    const address = new URL(request.url ?? '/', 'http://proxy').searchParams.get('address') ?? '';
    const [host = '127.0.0.1', port = '5432'] = address.split(':');
    const tcp = connect(Number(port), host);
    ws.on('message', (data: Buffer) => tcp.write(data));
    tcp.on('data', (data) => ws.send(data));
    ws.on('close', () => tcp.destroy());
    tcp.on('close', () => ws.close());
    tcp.on('error', () => ws.close());
    ws.on('error', () => tcp.destroy());
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));

  return {
    databaseUrl: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`,
    wsProxy: `127.0.0.1:${wsPort}/v1`,
    /** The endpoint goes away: open connections drop, new ones are cut at once. */
    refuseConnections() {
      refusing = true;
      for (const client of wss.clients) client.terminate();
    },
    acceptConnections() {
      refusing = false;
    },
    async stop() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await socketServer.stop();
    },
  };
}
