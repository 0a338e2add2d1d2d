import { exitOnStartFailure, runSubgraph } from '@jol/schema';
import { createHealthServer, DEFAULT_PORT, SERVICE_NAME } from './server';

runSubgraph({
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createHealthServer,
}).catch(exitOnStartFailure);
