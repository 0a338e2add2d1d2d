import { exitOnStartFailure, runSubgraph } from '@jol/schema';
import { createLabourServer, DEFAULT_PORT, SERVICE_NAME } from './server';

runSubgraph({
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createLabourServer,
}).catch(exitOnStartFailure);
