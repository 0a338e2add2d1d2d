import type { Connection } from 'mongoose';
import { ROLES } from '@jol/schema';
import {
  createLogger,
  createTokenVerifier,
  DEFAULT_WEBHOOK_SETTINGS,
  gatewaySubjectDirectory,
  startSubgraph,
  type StartedSubgraph,
  type SubjectDirectoryRequest,
  type Logger,
  type RunningServer,
} from '@jol/kernel';
import { signingKeysOf, type DevKeys } from '../auth/dev-keys';
import { createGateway, loadSupergraph, type IsolationSettings } from '@jol/gateway';
import { consularProgram } from '@jol/consular';
import { healthProgram } from '@jol/health';
import { labourProgram } from '@jol/labour';
import { migrationProgram } from '@jol/migration';
import { pensionsProgram } from '@jol/pensions';

/**
 * Commands that are not a new query: server monitoring, and getMore, which fetches the next batch
 * of a cursor already opened (its count follows the size of the answer, not the number of queries).
 */
const NOT_COUNTED = new Set(['hello', 'ismaster', 'ping', 'getMore', 'killCursors', 'endSessions']);

/** Rate limits and a pool that tests hammering the gateway as one caller never reach. */
const GENEROUS_ISOLATION: IsolationSettings = {
  rateLimits: {
    windowSeconds: 60,
    limits: Object.fromEntries(
      [...ROLES, 'ANONYMOUS'].map((name) => [name, 1_000_000]),
    ) as IsolationSettings['rateLimits']['limits'],
  },
  heavyPool: {
    concurrency: 64,
    perCaller: 64,
    queue: 10_000,
    queuePerCaller: 10_000,
    queueTimeoutMs: 120_000,
  },
};

/** Each subgraph as its own process starts it (`runSubgraph`): the same indexes and `prepare`. */
const PROGRAMS = {
  migration: migrationProgram,
  labour: labourProgram,
  health: healthProgram,
  pensions: pensionsProgram,
  consular: consularProgram,
} as const;

export interface InProcessSystem {
  gatewayUrl: string;
  connections: Record<keyof typeof PROGRAMS, Connection>;
  /** Database commands each subgraph has sent since the last reset, by subgraph. */
  commandCounts(): Record<string, number>;
  resetCommandCounts(): void;
  stop(): Promise<void>;
}

/**
 * The whole graph inside the test process, each subgraph and the gateway listening on a free
 * port, so that a test can watch the database driver of every subgraph (command monitoring).
 */
export async function startInProcessSystem(options: {
  mongodbUri: string;
  databasePrefix: string;
  keys: DevKeys;
  log?: Logger;
  /** Rate limits and heavy-operation pool. @default limits no test reaches */
  isolation?: IsolationSettings;
}): Promise<InProcessSystem> {
  const log = options.log ?? createLogger('test', 'silent');
  let gatewayBase = '';
  const access = {
    signingKeys: signingKeysOf(options.keys),
    verifyToken: createTokenVerifier({ jwksPath: options.keys.jwksPath }),
    // The gateway listens after the subgraphs; its URL is read when a request asks.
    subjectDirectory: (request: SubjectDirectoryRequest) =>
      gatewaySubjectDirectory({ gatewayUrl: gatewayBase })(request),
    // The change-event dispatchers poll their stores on their own clock; here, where a test counts
    // the commands each request sends, they wait a day (no subscription exists here anyway).
    webhooks: { ...DEFAULT_WEBHOOK_SETTINGS, pollMs: 24 * 60 * 60 * 1000 },
  };
  const counts: Record<string, number> = {};
  const connections = {} as Record<keyof typeof PROGRAMS, Connection>;
  const started: StartedSubgraph[] = [];
  const urls: Record<string, string> = {};
  const stopAll = async () => {
    for (const subgraph of started) await subgraph.stop();
    for (const connection of Object.values(connections)) await connection.close();
  };
  let gateway: Awaited<ReturnType<typeof createGateway>>;
  let gatewayServer: RunningServer;
  try {
    for (const [name, program] of Object.entries(PROGRAMS) as [
      keyof typeof PROGRAMS,
      (typeof PROGRAMS)[keyof typeof PROGRAMS],
    ][]) {
      const subgraph = await startSubgraph(program, {
        mongodbUri: options.mongodbUri,
        dbName: `${options.databasePrefix}_${name}`,
        access,
        log,
        port: 0,
      });
      started.push(subgraph);
      connections[name] = subgraph.connection;
      subgraph.connection.getClient().on('commandStarted', (event) => {
        if (!NOT_COUNTED.has(event.commandName)) counts[name] = (counts[name] ?? 0) + 1;
      });
      urls[name] = `${subgraph.running.url}/graphql`;
    }
    gateway = await createGateway({
      supergraphSdl: loadSupergraph(),
      subgraphUrls: urls,
      log,
      access,
      // One process on a loaded machine: generous deadlines, a breaker that does not trip on load.
      subgraphGuards: Object.fromEntries(
        Object.keys(urls).map((name) => [name, { timeoutMs: 30_000, volumeThreshold: 1000 }]),
      ),
      isolation: options.isolation ?? GENEROUS_ISOLATION,
    });
    gatewayServer = await gateway.listen(0);
    gatewayBase = gatewayServer.url;
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    gatewayUrl: `${gatewayServer.url}/graphql`,
    connections,
    commandCounts: () => ({ ...counts }),
    resetCommandCounts: () => {
      for (const key of Object.keys(counts)) delete counts[key];
    },
    stop: async () => {
      await gatewayServer.close();
      await gateway.stop();
      await stopAll();
    },
  };
}
