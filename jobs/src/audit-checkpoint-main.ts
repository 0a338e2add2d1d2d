import { SUBGRAPHS } from '@jol/schema';
import { runAuditJob } from './agency-processes';
import { runAuditCheckpoint } from './audit/cli';

// `npm run audit:checkpoint [-- --agency <agency> --uri <MONGODB_URI> --prefix jol --checkpoints
// <dir>]`: signs each sound chain's head; exits 1 when a chain is broken (and signs nothing for it).
runAuditJob(
  __filename,
  runAuditCheckpoint,
  SUBGRAPHS.map(({ name }) => name),
);
