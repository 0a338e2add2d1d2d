import { runAuditVerify } from './audit/cli';

// `npm run audit:verify [-- --uri <MONGODB_URI> --prefix jol --checkpoints <dir>]`: exits 1 and
// names the agency and seq of the first broken link or lost checkpoint.
runAuditVerify(process.argv.slice(2))
  .then(({ code, lines }) => {
    for (const text of lines) console.log(text);
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
