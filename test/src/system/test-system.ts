import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLE_POLICY, ROLES, type Role } from '@jol/schema';
import {
  devKeysEnv,
  devSubgraphKeysEnv,
  ensureDevKeys,
  issueDevToken,
  type DevKeys,
  type TokenClaims,
} from '../auth/dev-keys';
import { createGraphQLClient } from '../client/graphql-client';
import { seedSyntheticData } from '../seed/seed';
import { REPO_ROOT } from '../store/secantus';
import { startSystem, type RunningSystem } from './system';

/** Rate limits and a heavy-operation pool no spec reaches unless it means to. */
export const GENEROUS_ISOLATION_ENV: Record<string, string> = {
  ...Object.fromEntries([...ROLES, 'ANONYMOUS'].map((name) => [`RATE_LIMIT_${name}`, '1000000'])),
  HEAVY_POOL_CONCURRENCY: '64',
  HEAVY_POOL_PER_CALLER: '64',
  HEAVY_POOL_QUEUE: '10000',
  HEAVY_POOL_QUEUE_PER_CALLER: '10000',
  HEAVY_POOL_QUEUE_TIMEOUT_MS: '120000',
};

export interface TestSystem {
  system: RunningSystem;
  keys: DevKeys;
  /** Prefix of the four agency databases of this run. */
  databasePrefix: string;
  graphqlUrl: string;
  token(role: Role, claims?: Omit<TokenClaims, 'roles'>, ttl?: string | number): Promise<string>;
  /** A client calling as `role` with the role's first purpose (or the one given; null for none). */
  as(
    role: Role,
    claims?: Omit<TokenClaims, 'roles'>,
    purpose?: string | null,
  ): Promise<ReturnType<typeof createGraphQLClient>>;
  stop(): Promise<void>;
}

export interface TestSystemOptions {
  /** Extra environment for every process (PERSISTED_OPERATIONS_DIR...). @default {} */
  env?: Record<string, string>;
  /**
   * Synthetic persons to seed into the run's databases before the services start (statistical
   * units and indicator cubes included). @default none
   */
  seedPersons?: number;
  /** The generator's seed for seedPersons. @default 1 */
  seed?: number;
  /** Processes per subgraph, behind a round-robin proxy when more than one. @default 1 */
  replicas?: number;
}

/**
 * The real system for a cross-service spec: the four subgraphs and the gateway as processes, on
 * free ports, over the store the jest global setup started, with throw-away keys of its own.
 */
export async function startTestSystem(
  name: string,
  options: TestSystemOptions = {},
): Promise<TestSystem> {
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: specs run under the jest global setup');
  const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-keys-')));
  const databasePrefix = `e2e_${name}_${randomUUID().slice(0, 8)}`;
  if (options.seedPersons) {
    await seedSyntheticData({
      mongodbUri,
      databasePrefix,
      persons: options.seedPersons,
      seed: options.seed ?? 1,
      progress: false,
    });
  }
  const system = await startSystem({
    mongodbUri,
    databasePrefix,
    env: {
      ...devKeysEnv(keys),
      // A loaded CI machine can take seconds per call; specs about timeouts and breakers set
      // their own, the rest must not fail for want of a core.
      SUBGRAPH_TIMEOUT_MS: '30000',
      SUBGRAPH_BREAKER_VOLUME: '1000',
      // Specs send thousands of requests as one caller, often at once (the policy matrix); the
      // isolation spec sets low limits of its own.
      ...GENEROUS_ISOLATION_ENV,
      ...options.env,
    },
    subgraphEnv: devSubgraphKeysEnv(keys),
    output: { logDir: join(REPO_ROOT, 'test-artifacts', 'logs', name) },
    replicas: options.replicas,
  });
  const graphqlUrl = `${system.gatewayUrl}/graphql`;
  const token: TestSystem['token'] = (role, claims = {}, ttl = '10m') =>
    issueDevToken(keys, { roles: [role], ...claims }, ttl);
  return {
    system,
    keys,
    databasePrefix,
    graphqlUrl,
    token,
    as: async (role, claims = {}, purpose) =>
      createGraphQLClient(graphqlUrl, {
        token: await token(role, claims),
        ...(purpose === null ? {} : { purpose: purpose ?? ROLE_POLICY[role].purposes[0] }),
      }),
    stop: () => system.stop(),
  };
}
