import type { Connection } from 'mongoose';
import { z } from 'zod';
import { accessFromEnv } from './access/config';
import { webhookSettingsFromEnv } from './change-events/webhook-settings';
import { gatewayPersonRegister } from './access/person-register';
import { subjectDirectoryFromEnv } from './access/subject-directory';
import { stopOnSignals, type RunningServer } from './http';
import { createLogger, type Logger } from './logger';
import { ConfigError, isPublicVariable, listenSettings, parseEnv, readSetting } from './settings';
import { agencyDatabase, connectStore, ensureIndexes } from './store';
import type { SubgraphAccessOptions } from './subgraph-server';
import type { Tracing } from './tracing/start-tracing';

/** What a subgraph's `main.ts` hands over: its name, its port and how to build its server. */
export interface SubgraphProgram {
  name: string;
  defaultPort: number;
  createServer(options: {
    connection: Connection;
    log: Logger;
    access: SubgraphAccessOptions;
  }): Promise<{
    listen(port: number, host?: string): Promise<RunningServer>;
    stop(): Promise<void>;
  }>;
  /** Reference data the service needs before it answers; runs at every start, so idempotent. */
  prepare?(connection: Connection): Promise<void>;
  /**
   * The service keeps the person register and answers the subject directory from its own store
   * (one service in the federation); every other service asks the gateway and needs `JOL_GATEWAY_URL`. @default false
   */
  ownsPersonRegister?: boolean;
  /** The process's tracing, started by `main.ts`: its last spans are sent once the server stops. */
  tracing?: Tracing;
  /**
   * The service checks writes of callers who may not read persons (partners) against the person
   * register under Jol's service identity, and needs `JOL_SERVICE_KEY`. @default false
   */
  asksPersonRegister?: boolean;
}

/** What a subgraph reads from its environment besides the access settings. */
const subgraphSettings = listenSettings.extend({
  MONGODB_URI: z
    .string({ error: 'must name the MongoDB server' })
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// connection string'),
  MONGODB_DB: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a database name (letters, digits, _ and -)')
      .optional(),
  ),
});

/** What starting a subgraph needs besides its program: where its data lives, its access, its port. */
export interface SubgraphStartOptions {
  mongodbUri: string;
  /** The agency's database. @default agencyDatabase(program.name) */
  dbName?: string;
  access: SubgraphAccessOptions;
  /** @default a logger named after the subgraph */
  log?: Logger;
  /** 0 picks a free port. */
  port: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A subgraph listening on its store, as `startSubgraph` leaves it. */
export interface StartedSubgraph {
  /** The listening server (its `url` and `close`). */
  running: RunningServer;
  connection: Connection;
  /** Closes the port (draining as asked), then stops the server (dispatchers, Apollo). */
  stop(options?: Parameters<RunningServer['close']>[0]): Promise<void>;
}

/**
 * The one way a subgraph starts, in production (`runSubgraph`) and in the tools and tests that run
 * the system inside one process: connect (command monitoring on), build the server, build the
 * indexes, run the program's `prepare`, listen.
 */
export async function startSubgraph(
  program: SubgraphProgram,
  options: SubgraphStartOptions,
): Promise<StartedSubgraph> {
  const connection = await connectStore({
    uri: options.mongodbUri,
    dbName: options.dbName ?? agencyDatabase(program.name),
    // Feeds jol_store_command_duration_seconds.
    monitorCommands: true,
  });
  try {
    const server = await program.createServer({
      connection,
      log: options.log ?? createLogger(program.name),
      access: options.access,
    });
    try {
      await ensureIndexes(connection);
      await program.prepare?.(connection);
      const running = await server.listen(options.port, options.host ?? '127.0.0.1');
      return {
        running,
        connection,
        stop: async (closeOptions) => {
          await running.close(closeOptions);
          await server.stop();
        },
      };
    } catch (error) {
      await server.stop();
      throw error;
    }
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Starts a subgraph from the environment: `MONGODB_URI` (its own database in it), the access
 * settings, `PORT` and `HOST`; indexes are built before it listens, and SIGTERM stops it cleanly.
 */
export async function runSubgraph(
  program: SubgraphProgram,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // Every setting is checked before anything starts; a bad one stops the process with one line.
  const settings = parseEnv(subgraphSettings, env, isPublicVariable);
  const access = readSetting(() => accessFromEnv(env));
  const webhooks = webhookSettingsFromEnv(env);
  const log = createLogger(program.name);
  const subjectDirectory = readSetting(() => subjectDirectoryFromEnv(env));
  // Without it the service would start and refuse every write about a person as "try again later".
  if (!subjectDirectory && !program.ownsPersonRegister)
    throw new ConfigError(
      `JOL_GATEWAY_URL must name the gateway: ${program.name} asks it for the person register before every write about a person`,
    );
  const { privateKey } = access.serviceKeys;
  if (program.asksPersonRegister && !privateKey)
    throw new ConfigError(
      `JOL_SERVICE_KEY must hold the services' Ed25519 private key: ${program.name} asks the person register under it before a partner's write`,
    );
  const personRegister =
    privateKey && env.JOL_GATEWAY_URL && !program.ownsPersonRegister
      ? gatewayPersonRegister({
          gatewayUrl: env.JOL_GATEWAY_URL,
          privateKey,
          agency: program.name,
          audience: env.JWT_AUDIENCE ?? 'jol',
          timeoutMs: Number(env.JOL_SUBJECT_DIRECTORY_TIMEOUT_MS ?? 5000),
        })
      : undefined;
  const started = await startSubgraph(program, {
    mongodbUri: settings.MONGODB_URI,
    dbName: agencyDatabase(program.name, env),
    access: { ...access, subjectDirectory, personRegister, webhooks },
    log,
    port: settings.PORT ?? program.defaultPort,
    host: settings.HOST ?? '127.0.0.1',
  });
  log.info({ url: started.running.url }, `${program.name} subgraph listening`);
  stopOnSignals(async () => {
    await started.stop({
      drainMs: settings.SHUTDOWN_DRAIN_MS,
      deadlineMs: settings.SHUTDOWN_TIMEOUT_MS,
    });
    // A collector that cannot be reached must not turn a clean stop into a failed one.
    await program.tracing?.shutdown().catch(() => undefined);
  }, log);
}
