import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The committed files of the API contract (from schema/src or schema/dist alike). */
const schemaDir = resolve(__dirname, '..', '..');
export const API_FILES = {
  current: join(schemaDir, 'api.graphql'),
  baseline: join(schemaDir, 'api.baseline.graphql'),
  changelog: join(schemaDir, 'CHANGELOG.md'),
} as const;

export function readApiFiles(): { current: string; baseline: string; changelog: string } {
  return {
    current: readFileSync(API_FILES.current, 'utf8'),
    baseline: readFileSync(API_FILES.baseline, 'utf8'),
    changelog: readFileSync(API_FILES.changelog, 'utf8'),
  };
}
