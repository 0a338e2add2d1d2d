import { graphql, printType, type GraphQLObjectType } from 'graphql';
import { Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';
import {
  type JolContext,
  createAccessTrail,
  allow,
  applyAccessRules,
  buildJolSubgraphSchema,
} from '@jol/kernel';
import { IndicatorDimension } from './indicator-dimension';
import type { CubeQuery } from './indicator-cube.loader';
import { normalizeIndicatorRequest, type IndicatorRequest } from './indicator-request';
import { IndicatorUnit, measureFieldDescription } from './indicator-table.type';
import {
  aggregateRule,
  indicatorsOf,
  indicatorsReference,
  indicatorValueTypeRules,
} from './indicators.reference';
import { aggregateFieldsOf, defineMeasures } from './measures';

/** One agency's table, declared once: everything below must follow from it. */
const seaMeasures = defineMeasures('coastguard', {
  seaCrossings: {
    description: 'Persons who crossed by sea in the year.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'seaCrossings',
  },
  rescuedShare: {
    description: 'The share of sea crossers who were rescued.',
    timing: 'PERIOD',
    unit: IndicatorUnit.SHARE,
    cube: 'rescued',
    denominator: 'seaCrossings',
  },
  crossingsByDestination: {
    description: 'Sea crossers by destination only.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'seaCrossings',
    dimensions: [IndicatorDimension.DESTINATION],
  },
});

@Directive('@key(fields: "key")')
@ObjectType()
class Indicators {
  @Field(() => String)
  key!: string;

  request!: IndicatorRequest;
}

@Resolver(() => Indicators)
class EntryPointResolver {
  @Query(() => Indicators)
  indicators(): Indicators {
    return indicatorsOf(normalizeIndicatorRequest({ year: 2024 }, [], new Date('2025-06-01')));
  }
}

async function schemaOf() {
  const schema = await buildJolSubgraphSchema({
    resolvers: [EntryPointResolver, seaMeasures.createResolver(Indicators)],
    referenceResolvers: indicatorsReference,
  });
  const rules = [
    { Query: { indicators: aggregateRule('Query.indicators') }, Indicators: { key: allow } },
    indicatorValueTypeRules,
    seaMeasures.rules,
  ];
  return { schema, shielded: applyAccessRules(schema, rules) };
}

function contextOf(roles: string[], purpose: string, queries: CubeQuery[]): JolContext {
  const indicatorCube = {
    load: async (query: CubeQuery) => {
      queries.push(query);
      return { rows: [], build: null };
    },
  };
  return {
    caller: { sub: 's', roles },
    purpose,
    access: createAccessTrail(),
    loaders: { indicatorCube },
  } as unknown as JolContext;
}

describe('defineMeasures', () => {
  it('adds one nullable IndicatorTable field per measure, in declaration order, described', async () => {
    const { schema } = await schemaOf();
    const type = schema.getType('Indicators') as GraphQLObjectType;
    const fields = type.getFields();
    expect(Object.keys(fields)).toEqual([
      'key',
      'seaCrossings',
      'rescuedShare',
      'crossingsByDestination',
    ]);
    expect(String(fields.rescuedShare!.type)).toBe('IndicatorTable');
    expect(fields.rescuedShare!.description).toBe(
      measureFieldDescription({ description: 'The share of sea crossers who were rescued.' }),
    );
    expect(printType(type)).toContain('seaCrossings: IndicatorTable\n');
  });

  it('gives every measure an aggregate rule and a policy entry, and nothing else', () => {
    expect(Object.keys(seaMeasures.rules)).toEqual(['Indicators']);
    const rules = (seaMeasures.rules as Record<string, Record<string, unknown>>).Indicators!;
    expect(Object.keys(rules)).toEqual(['seaCrossings', 'rescuedShare', 'crossingsByDestination']);
    expect(aggregateFieldsOf([seaMeasures])).toEqual({
      'Query.indicators': 'statistics',
      'Indicators.seaCrossings': 'statistics',
      'Indicators.rescuedShare': 'statistics',
      'Indicators.crossingsByDestination': 'statistics',
    });
  });

  it('names the cube measures the build counts, and the measures the resolvers read', () => {
    expect(seaMeasures.cube).toEqual({ seaCrossings: 'seaCrossings', rescued: 'rescued' });
    expect(seaMeasures.list.map((m) => [m.name, m.agency, m.dimensions])).toEqual([
      ['seaCrossings', 'coastguard', undefined],
      ['rescuedShare', 'coastguard', undefined],
      ['crossingsByDestination', 'coastguard', [IndicatorDimension.DESTINATION]],
    ]);
    expect(seaMeasures.byName.rescuedShare.denominator).toBe('seaCrossings');
  });

  it('serves a measure to the aggregate class its declaration names, through the cube loader', async () => {
    const { shielded } = await schemaOf();
    const queries: CubeQuery[] = [];
    const analyst = contextOf(['ANALYST'], 'STATISTICS', queries);
    const result = await graphql({
      schema: shielded,
      source: '{ indicators { rescuedShare { measure agency unit } } }',
      contextValue: analyst,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      indicators: {
        rescuedShare: { measure: 'rescuedShare', agency: 'coastguard', unit: 'SHARE' },
      },
    });
    expect(queries.map((q) => q.measures)).toEqual([['rescued', 'seaCrossings']]);
    expect(analyst.access.summary().served).toContain('Indicators.rescuedShare');
  });

  it('refuses a measure to a role reading no aggregates', async () => {
    const { shielded } = await schemaOf();
    const queries: CubeQuery[] = [];
    const result = await graphql({
      schema: shielded,
      source: '{ indicators { key } }',
      contextValue: contextOf(['MIGRATION_OFFICER'], 'MIGRATION_REGISTRATION', queries),
    });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const officer = await graphql({
      schema: applyAccessRules((await schemaOf()).schema, [
        { Query: { indicators: allow }, Indicators: { key: allow } },
        seaMeasures.rules,
      ]),
      source: '{ indicators { seaCrossings { measure } } }',
      contextValue: contextOf(['MIGRATION_OFFICER'], 'MIGRATION_REGISTRATION', queries),
    });
    expect(officer.errors?.map((e) => e.message)).toEqual([
      'You may not read or write Indicators.seaCrossings',
    ]);
    expect(queries).toEqual([]);
  });

  it('refuses an agency declaring a field another agency declared', () => {
    const again = defineMeasures('other', {
      seaCrossings: {
        description: 'x',
        timing: 'PERIOD',
        unit: IndicatorUnit.PERSONS,
        cube: 'x',
      },
    });
    expect(() => aggregateFieldsOf([seaMeasures, again])).toThrow(
      'Indicators.seaCrossings is declared twice (again by other)',
    );
  });
});
