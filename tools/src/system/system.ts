import { join } from 'node:path';
import { localSubgraphUrl, SUBGRAPHS, subgraphUrlVariable } from '@jol/schema';
import { freePort, REPO_ROOT } from '../store/secantus';
import { asServiceProcess, spawnService, waitUntilReady, type ServiceProcess } from './processes';

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
}

export interface RunningSystem {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
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
  // Chosen first: the subgraphs ask the gateway about the persons they write about.
  const gatewayPort =
    options.gatewayPort === 0 || options.gatewayPort === undefined
      ? await freePort()
      : options.gatewayPort;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  try {
    await Promise.all(
      SUBGRAPHS.map(async ({ name, port: defaultPort }) => {
        const port = options.subgraphPorts
          ? (options.subgraphPorts[name] ?? defaultPort)
          : await freePort();
        const child = spawnService({
          name,
          script: join(REPO_ROOT, 'services', name, 'dist', 'main.js'),
          env: {
            ...options.env,
            MONGODB_URI: options.subgraphMongodbUris?.[name] ?? options.mongodbUri,
            MONGODB_DB: `${prefix}_${name}`,
            JOL_GATEWAY_URL: gatewayUrl,
            PORT: String(port),
            HOST: '127.0.0.1',
          },
          output: outputFor(name),
        });
        processes.push(asServiceProcess(name, localSubgraphUrl(port), child));
        await waitUntilReady(`http://127.0.0.1:${port}/readyz`, child);
        subgraphUrls[name] = localSubgraphUrl(port);
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
    });
    processes.push(asServiceProcess('gateway', gatewayUrl, gateway));
    await waitUntilReady(`${gatewayUrl}/readyz`, gateway);
    return {
      gatewayUrl,
      subgraphUrls,
      processes,
      stop: () => stopAll(processes),
    };
  } catch (error) {
    await stopAll(processes);
    throw error;
  }
}

async function stopAll(processes: ServiceProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => p.stop()));
}
