import { parseArgs } from 'node:util';
import { parseIsoDate } from '@jol/schema';
import { refreshStatistics } from './stats/refresh';

/**
 * `npm run stats:refresh -- [--uri URI] [--prefix P] [--as-of YYYY-MM-DD]`: takes a new snapshot
 * of the register's dimensions into labour, health and pensions, then rebuilds the indicator cube
 * of each agency. Indicators are as fresh as the last run.
 */

const USAGE = `Usage: npm run stats:refresh -- [--uri URI] [--prefix P] [--as-of YYYY-MM-DD]
  --uri URI          MongoDB connection string (default $MONGODB_URI)
  --prefix P         databases P_migration, P_labour, P_health, P_pensions (default jol)
  --as-of DAY        the last day the statistics cover (default today, UTC)
Needs JOL_STATS_SECRET (or JOL_STATS_SECRET_FILE): the secret the record keys of the cell key
method derive from; keep it across refreshes, or every published count gets new noise.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      uri: { type: 'string' },
      prefix: { type: 'string', default: 'jol' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const uri = values.uri ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('no store: pass --uri or set MONGODB_URI');
  const asOf = values['as-of'] ? parseIsoDate(values['as-of'], '--as-of') : undefined;
  const report = await refreshStatistics({
    mongodbUri: uri,
    databasePrefix: values.prefix,
    asOf,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(
    `statistics refreshed as of ${report.asOf.toISOString().slice(0, 10)} in ${(report.elapsedMs / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`stats:refresh: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
