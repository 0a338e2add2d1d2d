import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDate } from '@jol/kernel';
import { runForEachAgency } from './agency-processes';
import { REPO_ROOT } from './paths';
import { readRegisterExportManifest } from './stats/register-export';
import { isStatisticsAgency, refreshAgencyStatistics, STATISTICS_AGENCIES } from './stats/refresh';

/**
 * `node jobs/dist/stats-refresh-main.js --agency <agency>`: refreshes one agency's indicators from
 * its own database (MONGODB_URI, MONGODB_DB). Migration publishes the register's statistical export
 * into JOL_STATS_EXPORT_DIR; labour, health, pensions and consular read it there, so migration's refresh runs
 * first. Without --agency (`npm run stats:refresh`), each agency's refresh runs as a process of its
 * own, migration first.
 */

const USAGE = `Usage: stats-refresh --agency <migration|labour|health|pensions|consular> [options]
       stats-refresh --published       (prints the register export's manifest)
  --agency A         the agency refreshed (default: each in turn, each its own process)
  --uri URI          MongoDB connection string (default $MONGODB_URI)
  --prefix P         the agency's database is P_<agency> (default jol) unless $MONGODB_DB names it
  --export-dir DIR   the register's statistical export (default $JOL_STATS_EXPORT_DIR, else
                     .data/statistics-export)
  --as-of DAY        the last day the statistics cover (default the day it runs, UTC)
Needs JOL_STATS_SECRET (or JOL_STATS_SECRET_FILE): the secret the record keys of the cell key
method derive from; keep it across refreshes, or every published count gets new noise.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      uri: { type: 'string' },
      prefix: { type: 'string', default: 'jol' },
      'export-dir': { type: 'string' },
      'as-of': { type: 'string' },
      published: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const exportDir =
    values['export-dir'] ??
    process.env.JOL_STATS_EXPORT_DIR ??
    join(REPO_ROOT, '.data', 'statistics-export');
  if (values.published) {
    const manifest = readRegisterExportManifest(exportDir);
    console.log(`register export of ${manifest.units} persons, made ${manifest.refreshedAt}`);
    return;
  }
  if (values.agency === undefined) {
    if (process.env.MONGODB_DB)
      throw new Error('MONGODB_DB names one database: pass --agency for the agency that owns it');
    const args = process.argv.slice(2);
    const codes = await runForEachAgency(__filename, args, STATISTICS_AGENCIES, {
      stopOnFailure: true,
    });
    process.exitCode = Object.values(codes).some((code) => code !== 0) ? 1 : 0;
    return;
  }
  const agency = values.agency;
  if (!isStatisticsAgency(agency))
    throw new Error(`--agency must be one of ${STATISTICS_AGENCIES.join(', ')}; got "${agency}"`);
  const uri = values.uri ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('no store: pass --uri or set MONGODB_URI');
  const asOf = values['as-of'] ? parseIsoDate(values['as-of'], '--as-of') : undefined;
  const report = await refreshAgencyStatistics({
    agency,
    mongodbUri: uri,
    database: process.env.MONGODB_DB ?? `${values.prefix}_${agency}`,
    exportDir,
    asOf,
    log: (line: string) => console.log(`  ${line}`),
  });
  console.log(
    `${agency}: statistics refreshed as of ${report.asOf.toISOString().slice(0, 10)} in ${(report.elapsedMs / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`stats-refresh: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
