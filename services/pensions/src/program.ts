import type { SubgraphProgram } from '@jol/kernel';
import { createPensionsModels } from './context';
import { ensurePartnerRegistry } from './partner/partner.registry';
import { createPensionsServer, DEFAULT_PORT, SERVICE_NAME } from './server';

/** How the pensions subgraph starts, in its process (`main.ts`) and in the in-process system. */
export const pensionsProgram: SubgraphProgram = {
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createPensionsServer,
  // A partner's case and periods are checked against the person register (existence, birth).
  asksPersonRegister: true,
  // The partner institutions and their agreements, which every exchange refers to.
  prepare: (connection) => ensurePartnerRegistry(createPensionsModels(connection)),
};
