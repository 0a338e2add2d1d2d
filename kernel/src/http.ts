import { once } from 'node:events';
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import { HttpErrorCode } from './http-errors';

/** The status, code and message of HTTP a server could not parse, by the parser's error code. */
function clientErrorAnswer(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        HttpErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE,
        'The request headers are larger than this server accepts',
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [
        413,
        HttpErrorCode.PAYLOAD_TOO_LARGE,
        'The chunk extensions are larger than this server accepts',
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, HttpErrorCode.REQUEST_TIMEOUT, 'The request was not received in time'];
    default:
      return [400, HttpErrorCode.BAD_REQUEST, 'The request is not valid HTTP'];
  }
}

/**
 * Answers a request Node's HTTP parser refused (headers too large, a header line without a colon,
 * a Content-Length that is no number, a malformed chunked body) with the typed JSON error of every
 * other Jol answer, where Node would send a bare status line: only while the socket is writable
 * and no response to it has begun, and always closing the connection, whose stream can no longer
 * be trusted. The parser's message, which names its internals, never reaches the client.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // An answer whose headers are on the wire cannot be followed by another: the connection is
  // closed without one. One not begun (a request whose body did not parse) is replaced by this.
  const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, message] = clientErrorAnswer(error.code);
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
    () => socket.destroy(),
  );
}

/** Installs answerClientError on a server Jol creates: every one of them answers malformed HTTP so. */
export function answerClientErrors<T extends Server>(server: T): T {
  server.on('clientError', answerClientError);
  return server;
}

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
  answerClientErrors(server);
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
