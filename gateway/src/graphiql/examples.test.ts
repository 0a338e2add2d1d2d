import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import {
  getVariableValues,
  parse,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ROLE_POLICY, ROLES } from '@jol/schema';
import { isServiceRole } from '@jol/kernel';
import { loadSupergraph } from '../supergraph';
import { EXAMPLE_OPERATIONS } from './examples';
import { GATEWAY_DIR } from './serve';

/** The committed supergraph, read by path: under jest, @jol/schema resolves to its sources. */
const SUPERGRAPH_PATH = join(GATEWAY_DIR, '..', 'schema', 'supergraph.graphql');

describe('GraphiQL example operations', () => {
  let gateway: ApolloGateway;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    gateway = new ApolloGateway({ supergraphSdl: loadSupergraph(SUPERGRAPH_PATH) });
    ({ schema } = await gateway.load());
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it("offers at least one example to every role but the services' own", () => {
    const covered = new Set(EXAMPLE_OPERATIONS.map((example) => example.role));
    expect(ROLES.filter((role) => !covered.has(role) && !isServiceRole(role))).toEqual([]);
  });

  it.each(
    EXAMPLE_OPERATIONS.map((example) => [`${example.role}: ${example.title}`, example] as const),
  )(
    '%s is valid against the supergraph and declares a purpose its role may declare',
    (_name, example) => {
      expect(ROLE_POLICY[example.role].purposes).toContain(example.purpose);
      const document = parse(example.query);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const operation = document.definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === 'OperationDefinition',
      )!;
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        example.variables ?? {},
      );
      expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
    },
  );

  it('names each example once within its role', () => {
    const names = EXAMPLE_OPERATIONS.map((example) => `${example.role}/${example.title}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
