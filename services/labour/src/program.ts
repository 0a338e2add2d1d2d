import type { SubgraphProgram } from '@jol/kernel';
import { createLabourServer, DEFAULT_PORT, SERVICE_NAME } from './server';

/** How the labour subgraph starts, in its process (`main.ts`) and in the in-process system. */
export const labourProgram: SubgraphProgram = {
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createLabourServer,
};
