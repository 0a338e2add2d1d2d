import { createRecordKeys, statisticsSecretFromEnv, type RecordKeys } from '@jol/statistics';

/**
 * The statistics secret of synthetic data: seeded stores are reproducible to the published value,
 * so their record keys come from a fixed secret. Never a deployment's: anyone can read it here.
 */
export const SYNTHETIC_STATISTICS_SECRET = 'jol synthetic data: statistics secret, not for use';

export const syntheticRecordKeys: RecordKeys = createRecordKeys(SYNTHETIC_STATISTICS_SECRET);

/** The record keys of a local run: the environment's secret if set, else the synthetic one. */
export function localRecordKeys(env: NodeJS.ProcessEnv = process.env): RecordKeys {
  return env.JOL_STATS_SECRET || env.JOL_STATS_SECRET_FILE
    ? createRecordKeys(statisticsSecretFromEnv(env))
    : syntheticRecordKeys;
}
