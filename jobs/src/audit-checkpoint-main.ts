import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '@jol/schema';
import { runForEachAgency } from './agency-processes';
import { runAuditCheckpoint } from './audit/cli';

// `npm run audit:checkpoint [-- --agency <agency> --uri <MONGODB_URI> --prefix jol --checkpoints
// <dir>]`: signs each sound chain's head; exits 1 when a chain is broken (and signs nothing for it).
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
    : runAuditCheckpoint(args);
run
  .then(({ code, lines }) => {
    for (const text of lines) console.log(text);
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
