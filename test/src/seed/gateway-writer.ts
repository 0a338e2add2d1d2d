import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, getNamedType, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { REPO_ROOT } from '@jol/tools';
import type { TestSystem } from '../system/test-system';
import type { SeedWriter } from './person-seed';

/** The mutations of the committed supergraph, which the gateway serves. */
const MUTATIONS: GraphQLObjectType = buildASTSchema(
  parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')),
  { assumeValidSDL: true },
).getMutationType()!;

/** A document sending every argument of `name` as a variable and selecting the record's id. */
export function mutationDocument(name: string): string {
  const field = MUTATIONS.getFields()[name];
  if (!field) throw new Error(`${name} is not a mutation of the committed supergraph`);
  const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection =
    isObjectType(returned) && returned.getFields().id ? '{ __typename id }' : '{ __typename }';
  return `mutation ${name}(${declarations}) { ${name}(${args}) ${selection} }`;
}

/**
 * Writes a seed through the gateway of a test system, each step as its role with the role's first
 * purpose, as an officer at a desk would; a refused write fails the seed with its errors.
 */
export function gatewaySeedWriter(jol: Pick<TestSystem, 'as'>): SeedWriter {
  return async ({ role, mutation, input, claims }) => {
    const client = await jol.as(role, claims ?? {});
    const result = await client<Record<string, { id?: string }>>(mutationDocument(mutation), {
      input,
    });
    const written = result.data?.[mutation];
    if (result.errors || !written)
      throw new Error(
        `seed: ${mutation} as ${role} was refused: ${JSON.stringify(result.errors ?? result.status)}`,
      );
    return written;
  };
}
