import { exitOnStartFailure, runSubgraph } from '@jol/schema';
import { createMigrationServer, DEFAULT_PORT, SERVICE_NAME } from './server';

runSubgraph({
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createMigrationServer,
  // The register is migration's own: it answers the subject directory from its store.
  ownsPersonRegister: true,
}).catch(exitOnStartFailure);
