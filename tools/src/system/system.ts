import { join } from 'node:path';
import { localSubgraphUrl, ROLES, SUBGRAPHS, subgraphUrlVariable } from '@jol/schema';
import { freePort, REPO_ROOT } from '../store/secantus';
import { asServiceProcess, spawnService, waitUntilReady, type ServiceProcess } from './processes';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

/** The subgraph that keeps the person register; the others ask the gateway (JOL_GATEWAY_URL). */
const OWNS_PERSON_REGISTER = 'migration';

/** Rate limits and a heavy-operation pool no spec reaches unless it means to. */
export const GENEROUS_ISOLATION_ENV: Record<string, string> = {
  ...Object.fromEntries([...ROLES, 'ANONYMOUS'].map((name) => [`RATE_LIMIT_${name}`, '1000000'])),
  HEAVY_POOL_CONCURRENCY: '64',
  HEAVY_POOL_PER_CALLER: '64',
  HEAVY_POOL_QUEUE: '10000',
  HEAVY_POOL_QUEUE_PER_CALLER: '10000',
  HEAVY_POOL_QUEUE_TIMEOUT_MS: '120000',
};

export interface SystemOptions {
  /** The store every agency database lives on. */
  mongodbUri: string;
  /**
   * A connection string for a subgraph instead of mongodbUri, by subgraph name: one that reaches
   * that agency's database alone, as a production database user would. @default mongodbUri
   */
  subgraphMongodbUris?: Record<string, string>;
  /** Prefix of each agency's database name; `jol` gives jol_migration and so on. @default 'jol' */
  databasePrefix?: string;
  /** Gateway port; 0 picks a free one. @default a free port */
  gatewayPort?: number;
  /** Subgraph ports; undefined picks free ones. @default free ports */
  subgraphPorts?: Record<string, number>;
  /** 'inherit' prefixes output onto this process; otherwise a folder for one log file per service. */
  output: 'inherit' | { logDir: string };
  /** Extra environment for every service (keys, secrets, limits). @default {} */
  env?: Record<string, string>;
  /**
   * Processes per subgraph on the same database. With more than one, each subgraph's replicas sit
   * behind a round-robin proxy the gateway calls, as behind a Service. @default 1
   */
  replicas?: number;
  /** Environment for the subgraphs alone (the services' private key). @default {} */
  subgraphEnv?: Record<string, string>;
  /** Options for Node in every service process (e.g. --cpu-prof). @default [] */
  nodeArgs?: string[];
}

export interface RunningSystem {
  gatewayUrl: string;
  /** What the gateway calls for each subgraph: the process, or the proxy before its replicas. */
  subgraphUrls: Record<string, string>;
  /** Each subgraph's processes' own GraphQL URLs, in the order its proxy hands requests to them. */
  replicaUrls: Record<string, string[]>;
  /** The round-robin proxy before each subgraph's replicas (with `replicas` above 1). */
  proxies: Record<string, RoundRobinProxy>;
  processes: ServiceProcess[];
  stop(): Promise<void>;
}

/**
 * Starts the four subgraphs and the gateway, each as its own Node process from the built `dist/`,
 * and resolves once every one answers its readiness check.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const prefix = options.databasePrefix ?? 'jol';
  const outputFor = (name: string) =>
    options.output === 'inherit' ? 'inherit' : join(options.output.logDir, `${name}.log`);
  const processes: ServiceProcess[] = [];
  const subgraphUrls: Record<string, string> = {};
  const replicaUrls: Record<string, string[]> = {};
  const proxies: Record<string, RoundRobinProxy> = {};
  const replicas = options.replicas ?? 1;
  // Chosen first: the subgraphs ask the gateway about the persons they write about.
  const gatewayPort =
    options.gatewayPort === 0 || options.gatewayPort === undefined
      ? await freePort()
      : options.gatewayPort;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  try {
    const startReplica = async (name: string, port: number, replica: number) => {
      const label = replicas > 1 ? `${name}-${replica + 1}` : name;
      const child = spawnService({
        name: label,
        script: join(REPO_ROOT, 'services', name, 'dist', 'main.js'),
        env: {
          ...options.env,
          ...options.subgraphEnv,
          MONGODB_URI: options.subgraphMongodbUris?.[name] ?? options.mongodbUri,
          MONGODB_DB: `${prefix}_${name}`,
          ...(name === OWNS_PERSON_REGISTER ? {} : { JOL_GATEWAY_URL: gatewayUrl }),
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        output: outputFor(label),
        nodeArgs: options.nodeArgs,
      });
      processes.push(asServiceProcess(label, localSubgraphUrl(port), child));
      await waitUntilReady(`http://127.0.0.1:${port}/readyz`, child);
      return localSubgraphUrl(port);
    };
    await Promise.all(
      SUBGRAPHS.map(async ({ name, port: defaultPort }) => {
        if (replicas === 1) {
          const port = options.subgraphPorts
            ? (options.subgraphPorts[name] ?? defaultPort)
            : await freePort();
          subgraphUrls[name] = await startReplica(name, port, 0);
          replicaUrls[name] = [subgraphUrls[name]];
          return;
        }
        const urls = await Promise.all(
          Array.from({ length: replicas }, async (_, replica) =>
            startReplica(name, await freePort(), replica),
          ),
        );
        replicaUrls[name] = urls;
        proxies[name] = await startRoundRobinProxy(urls.map((url) => new URL(url).origin));
        subgraphUrls[name] = `${proxies[name].url}/graphql`;
      }),
    );
    const urlEnv = Object.fromEntries(
      Object.entries(subgraphUrls).map(([n, url]) => [subgraphUrlVariable(n), url]),
    );
    const gateway = spawnService({
      name: 'gateway',
      script: join(REPO_ROOT, 'gateway', 'dist', 'main.js'),
      env: { ...options.env, ...urlEnv, PORT: String(gatewayPort), HOST: '127.0.0.1' },
      output: outputFor('gateway'),
      nodeArgs: options.nodeArgs,
    });
    processes.push(asServiceProcess('gateway', gatewayUrl, gateway));
    await waitUntilReady(`${gatewayUrl}/readyz`, gateway);
    return {
      gatewayUrl,
      subgraphUrls,
      replicaUrls,
      proxies,
      processes,
      stop: () => stopAll(processes, proxies),
    };
  } catch (error) {
    await stopAll(processes, proxies);
    throw error;
  }
}

async function stopAll(
  processes: ServiceProcess[],
  proxies: Record<string, RoundRobinProxy>,
): Promise<void> {
  await Promise.all(processes.map((p) => p.stop()));
  await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
}
