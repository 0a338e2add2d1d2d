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
   * (migration); every other service asks the gateway and needs `JOL_GATEWAY_URL`. @default false
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
  const uri = settings.MONGODB_URI;
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
  const connection = await connectStore({
    uri,
    dbName: agencyDatabase(program.name),
    // Feeds jol_store_command_duration_seconds.
    monitorCommands: true,
  });
  const server = await program.createServer({
    connection,
    log,
    access: { ...access, subjectDirectory, personRegister, webhooks },
  });
  await ensureIndexes(connection);
  await program.prepare?.(connection);
  const running = await server.listen(
    settings.PORT ?? program.defaultPort,
    settings.HOST ?? '127.0.0.1',
  );
  log.info({ url: running.url }, `${program.name} subgraph listening`);
  stopOnSignals(async () => {
    await running.close({
      drainMs: settings.SHUTDOWN_DRAIN_MS,
      deadlineMs: settings.SHUTDOWN_TIMEOUT_MS,
    });
    await server.stop();
    // A collector that cannot be reached must not turn a clean stop into a failed one.
    await program.tracing?.shutdown().catch(() => undefined);
  }, log);
}
