import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { COMMITTED_MANIFESTS, loadPartnerManifests } from './committed';
import {
  buildManifest,
  operationId,
  parseManifest,
  PARTNER_OPERATIONS_SOURCE_DIR,
  readOperations,
  readRegistrations,
  serializeManifest,
} from './manifest';

const MANIFEST_DIR = join(PARTNER_OPERATIONS_SOURCE_DIR, 'manifests');
/** The client-facing API schema partners are given (composed with the supergraph, committed). */
const API_SCHEMA_PATH = join(__dirname, '..', '..', '..', 'schema', 'api.graphql');
const operations = readOperations();
const registrations = readRegistrations();

describe('partner manifests', () => {
  it('are committed for exactly the registered partners, and imported for the build', () => {
    const files = readdirSync(MANIFEST_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const partners = Object.keys(registrations).sort();
    expect(files).toEqual(partners.map((p) => `${p}.json`));
    expect(Object.keys(COMMITTED_MANIFESTS).sort()).toEqual(partners);
  });

  it.each(Object.entries(registrations))(
    '%s.json is what `npm run manifests` writes from the operation files (not stale)',
    (partner, names) => {
      const committed = readFileSync(join(MANIFEST_DIR, `${partner}.json`), 'utf8');
      expect(committed).toBe(serializeManifest(buildManifest(names, operations, partner)));
    },
  );

  it('give every operation an id that is the SHA-256 of its body', () => {
    for (const [partner, manifest] of loadPartnerManifests({})) {
      for (const op of manifest.operations)
        expect([partner, op.name, op.id]).toEqual([partner, op.name, operationId(op.body)]);
    }
  });

  it('refuse a manifest whose body was changed after its id was computed', () => {
    const manifest = JSON.parse(JSON.stringify(COMMITTED_MANIFESTS['RU-SFR']));
    manifest.operations[0].body = manifest.operations[0].body.replace('{', '{ __typename ');
    expect(() => parseManifest(manifest, 'tampered.json')).toThrow(
      /tampered\.json: the id of \w+ is not the SHA-256 of its body/,
    );
    expect(() => parseManifest({ format: 'other', version: 1, operations: [] }, 'x.json')).toThrow(
      /apollo-persisted-query-manifest/,
    );
  });

  it('register the submission for partners that send periods, not for the savings fund', () => {
    const names = (partner: string) =>
      loadPartnerManifests({})
        .get(partner)!
        .operations.map((o) => o.name);
    expect(names('RU-SFR')).toContain('SubmitPeriods');
    expect(names('KZ-ENPF')).not.toContain('SubmitPeriods');
  });

  it('hold operations that are valid against the client-facing API schema', () => {
    const schema = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
    for (const op of operations.values()) {
      expect([op.name, validate(schema, parse(op.body)).map((e) => e.message)]).toEqual([
        op.name,
        [],
      ]);
    }
  });
});
