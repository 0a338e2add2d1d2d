import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '@jol/schema';
import { runForEachAgency } from './agency-processes';
import { runAuditVerify } from './audit/cli';

// `npm run audit:verify [-- --agency <agency> --uri <MONGODB_URI> --prefix jol --checkpoints <dir>]`:
// exits 1 and names the agency and seq of the first broken link or lost checkpoint.
const args = process.argv.slice(2);
const { values } = parseArgs({ args, strict: false });
const run =
  values.agency === undefined && !process.env.MONGODB_DB
    ? // Every agency's chain, each in a process of its own that opens that agency's database alone.
      runForEachAgency(
        __filename,
        args,
        SUBGRAPHS.map(({ name }) => name),
      ).then((codes) => ({ code: Math.max(...Object.values(codes)), lines: [] as string[] }))
    : runAuditVerify(args);
run
  .then(({ code, lines }) => {
    for (const text of lines) console.log(text);
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
