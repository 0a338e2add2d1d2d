import { runAuditCheckpoint } from './audit/cli';

// `npm run audit:checkpoint [-- --uri <MONGODB_URI> --prefix jol --checkpoints <dir>]`: signs each
// sound chain's head; exits 1 when a chain is broken (and signs nothing for it).
runAuditCheckpoint(process.argv.slice(2))
  .then(({ code, lines }) => {
    for (const text of lines) console.log(text);
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
