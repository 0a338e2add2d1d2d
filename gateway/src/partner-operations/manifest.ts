import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/** Apollo's persisted query manifest format (as `generate-persisted-query-manifest` writes it). */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export interface PersistedOperation {
  /** SHA-256 of `body`, lower-case hex: what a client sends instead of the document. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** The operation id of a document body: its SHA-256 in hex, as Apollo's manifests and APQ use. */
export function operationId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The folder of the partner API's sources, from src/ as from dist/ (the script runs built). */
export const PARTNER_OPERATIONS_SOURCE_DIR = join(
  __dirname,
  '..',
  '..',
  'src',
  'partner-operations',
);

/**
 * Reads the partner API: one named operation per `operations/<Name>.graphql`, printed in
 * graphql-js's canonical form (comments and layout do not change an id).
 */
export function readOperations(
  dir = PARTNER_OPERATIONS_SOURCE_DIR,
): Map<string, PersistedOperation> {
  const operations = new Map<string, PersistedOperation>();
  const folder = join(dir, 'operations');
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const document = parse(readFileSync(join(folder, file), 'utf8'));
    const definitions = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const [definition] = definitions;
    const name = definition?.name?.value;
    if (definitions.length !== 1 || document.definitions.length !== 1 || !name) {
      throw new Error(`${file} must hold exactly one named operation and nothing else`);
    }
    if (`${name}.graphql` !== file)
      throw new Error(`${file} must be named after its operation ${name}`);
    const body = print(document);
    operations.set(name, { id: operationId(body), name, type: definition.operation, body });
  }
  return operations;
}

/** Which operations each partner may run, by partner code (`registrations.json`). */
export function readRegistrations(dir = PARTNER_OPERATIONS_SOURCE_DIR): Record<string, string[]> {
  return JSON.parse(readFileSync(join(dir, 'registrations.json'), 'utf8')) as Record<
    string,
    string[]
  >;
}

/** One partner's manifest: its registered operations, in name order. */
export function buildManifest(
  names: readonly string[],
  operations: ReadonlyMap<string, PersistedOperation>,
  partner = 'a partner',
): PersistedQueryManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...new Set(names)].sort().map((name) => {
      const operation = operations.get(name);
      if (!operation) throw new Error(`${partner} is registered for unknown operation ${name}`);
      return operation;
    }),
  };
}

/** The manifests as committed files hold them: 2-space JSON and a final newline. */
export function serializeManifest(manifest: PersistedQueryManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Checks a manifest read from a file: the format, and every id the SHA-256 of its body (a
 * tampered body no longer matches its id). Throws naming the source and the offending entry.
 */
export function parseManifest(value: unknown, source: string): PersistedQueryManifest {
  const manifest = value as Partial<PersistedQueryManifest> | null;
  if (
    !manifest ||
    manifest.format !== 'apollo-persisted-query-manifest' ||
    manifest.version !== 1 ||
    !Array.isArray(manifest.operations)
  ) {
    throw new Error(`${source} is not an apollo-persisted-query-manifest of version 1`);
  }
  for (const operation of manifest.operations) {
    const { id, name, type, body } = (operation ?? {}) as Partial<PersistedOperation>;
    if (
      typeof body !== 'string' ||
      typeof name !== 'string' ||
      !['query', 'mutation', 'subscription'].includes(type as string)
    ) {
      throw new Error(`${source} has an operation without a name, type or body`);
    }
    if (id !== operationId(body))
      throw new Error(`${source}: the id of ${name} is not the SHA-256 of its body`);
  }
  return manifest as PersistedQueryManifest;
}
