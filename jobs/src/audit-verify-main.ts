import { SUBGRAPHS } from '@jol/schema';
import { runAuditJob } from './agency-processes';
import { runAuditVerify } from './audit/cli';

// `npm run audit:verify [-- --agency <agency> --uri <MONGODB_URI> --prefix jol --checkpoints <dir>]`:
// exits 1 and names the agency and seq of the first broken link or lost checkpoint.
runAuditJob(
  __filename,
  runAuditVerify,
  SUBGRAPHS.map(({ name }) => name),
);
