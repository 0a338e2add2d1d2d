import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface CloseOptions {
  /**
   * How long /readyz answers 503 "stopping" while requests are still served, so that a load
   * balancer stops sending new ones before the port closes. @default 0
   */
  drainMs?: number;
  /** How long in-flight requests may take to finish before their connections are cut. @default 10000 */
  deadlineMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops in order: not ready (for `drainMs`), no new connections, in-flight requests finished
   * or, at `deadlineMs`, cut.
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one) and reports the address it got. */
export async function listen(
  app: Express,
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  let stopping = false;
  const server: Server = createServer((req, res) => {
    if (stopping) {
      // Keep-alive callers reconnect, elsewhere once this instance is out of rotation.
      res.setHeader('connection', 'close');
      if (req.method === 'GET' && req.url?.split('?')[0] === '/readyz') {
        res.statusCode = 503;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ status: 'stopping' }));
        return;
      }
    }
    app(req, res);
  });
  // Longer than the gateway keeps its connections to subgraphs idle (30 s): the client closes an
  // idle connection first, so it never sends on one this server has just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: async ({ drainMs = 0, deadlineMs = 10_000 } = {}) => {
      stopping = true;
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      await new Promise<void>((resolve, reject) => {
        const cut = setTimeout(() => server.closeAllConnections(), deadlineMs);
        // A connection whose request was in flight at close turns idle later; with keep-alive
        // it would linger until its timeout: close those as they turn idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close((error) => {
          clearTimeout(cut);
          clearInterval(sweep);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits; the only process-level hook Jol installs. */
export function stopOnSignals(stop: () => Promise<void>, log: { info(msg: string): void }): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received, shutting down`);
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}
