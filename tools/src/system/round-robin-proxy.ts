import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from '@jol/kernel';

export interface RoundRobinProxy {
  /** The proxy's base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** Requests forwarded to each target so far, in the order of `targets`. */
  forwarded(): number[];
  close(): Promise<void>;
}

/**
 * A Service in miniature: listens on 127.0.0.1 (a free port) and hands each request to the next
 * of `targets` (base URLs) in turn, method, path, headers and body unchanged, as a Kubernetes
 * Service spreads requests over a Deployment's replicas. A target that cannot be reached answers
 * 502 with an empty body.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error('a round-robin proxy needs at least one target');
  const counts = targets.map(() => 0);
  let next = 0;
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = next;
    next = (next + 1) % targets.length;
    counts[index]!++;
    const target = new URL(incoming.url ?? '/', targets[index]);
    const upstream = request(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  };
  // Malformed HTTP is answered here as a replica would answer it.
  const server = answerClientErrors(createServer(forward));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded: () => [...counts],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
