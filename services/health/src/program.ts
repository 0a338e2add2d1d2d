import type { SubgraphProgram } from '@jol/kernel';
import { createHealthServer, DEFAULT_PORT, SERVICE_NAME } from './server';

/** How the health subgraph starts, in its process (`main.ts`) and in the in-process system. */
export const healthProgram: SubgraphProgram = {
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createHealthServer,
};
