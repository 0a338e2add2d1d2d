import type { SubgraphProgram } from '@jol/kernel';
import { createConsularServer, DEFAULT_PORT, SERVICE_NAME } from './server';

/** How the consular subgraph starts, in its process (`main.ts`) and in the in-process system. */
export const consularProgram: SubgraphProgram = {
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createConsularServer,
};
