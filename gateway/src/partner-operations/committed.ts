import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import KZ_ENPF from './manifests/KZ-ENPF.json';
import KZ_GK from './manifests/KZ-GK.json';
import RU_SFR from './manifests/RU-SFR.json';
import TR_SGK from './manifests/TR-SGK.json';
import { parseManifest, type PersistedQueryManifest } from './manifest';

/**
 * The committed manifests, by partner code. Imported (not read from disk) so that the build
 * carries them into dist/ and the gateway image; `npm run manifests` regenerates the files and a
 * test fails when one is stale or missing here.
 */
export const COMMITTED_MANIFESTS: Readonly<Record<string, unknown>> = {
  'KZ-ENPF': KZ_ENPF,
  'KZ-GK': KZ_GK,
  'RU-SFR': RU_SFR,
  'TR-SGK': TR_SGK,
};

/**
 * The manifests the gateway enforces: the committed ones, or every `<PARTNER>.json` in the folder
 * `PERSISTED_OPERATIONS_DIR` names (a deployment's own registrations). Each is checked: a bad
 * manifest stops the gateway rather than open or close a door silently.
 */
export function loadPartnerManifests(
  env: NodeJS.ProcessEnv = process.env,
): Map<string, PersistedQueryManifest> {
  const dir = env.PERSISTED_OPERATIONS_DIR;
  const sources: [string, unknown, string][] = dir
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .map((file) => [
          file.slice(0, -'.json'.length),
          JSON.parse(readFileSync(join(dir, file), 'utf8')),
          join(dir, file),
        ])
    : Object.entries(COMMITTED_MANIFESTS).map(([partner, manifest]) => [
        partner,
        manifest,
        `manifests/${partner}.json`,
      ]);
  return new Map(
    sources.map(([partner, manifest, source]) => [partner, parseManifest(manifest, source)]),
  );
}
