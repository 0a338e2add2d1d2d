import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildManifest,
  PARTNER_OPERATIONS_SOURCE_DIR,
  readOperations,
  readRegistrations,
  serializeManifest,
} from './manifest';

// `npm run manifests`: writes manifests/<PARTNER>.json from operations/*.graphql and registrations.json.
const operations = readOperations();
const registrations = readRegistrations();
for (const [partner, names] of Object.entries(registrations)) {
  const file = join(PARTNER_OPERATIONS_SOURCE_DIR, 'manifests', `${partner}.json`);
  writeFileSync(file, serializeManifest(buildManifest(names, operations, partner)));
  console.log(`${file}: ${names.length} operations`);
}
