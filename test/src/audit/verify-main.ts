import { parseArgs } from 'node:util';
import { verifyAllAuditChains } from './verify';

// `npm run audit:verify [-- --uri <MONGODB_URI> --prefix jol]`: exits 1 and names the first broken link.
async function main() {
  const { values } = parseArgs({
    options: { uri: { type: 'string' }, prefix: { type: 'string', default: 'jol' } },
  });
  const uri =
    values.uri ?? process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27018/?directConnection=true';
  const reports = await verifyAllAuditChains(uri, values.prefix);
  let broken = false;
  for (const report of reports) {
    if (report.ok) {
      console.log(`ok      ${report.service.padEnd(10)} ${report.events} events`);
    } else {
      broken = true;
      console.log(
        `BROKEN  ${report.service.padEnd(10)} at seq ${report.brokenAt!.seq}: ${report.brokenAt!.reason} (${report.database}.audit_events)`,
      );
    }
  }
  process.exitCode = broken ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
