import type { GraphQLObjectType } from 'graphql';
import { buildJolSubgraphSchema } from '@jol/kernel';
import { IndicatorUnit } from './indicator-table.type';
import { createIndicatorsEntity } from './indicators.entity';
import { defineMeasures } from './measures';

const measures = (agency: string, field: string) =>
  defineMeasures(agency, {
    [field]: {
      description: `${field}.`,
      timing: 'PERIOD',
      unit: IndicatorUnit.PERSONS,
      cube: field,
    },
  });

async function fieldsOf(entity: ReturnType<typeof createIndicatorsEntity>) {
  const schema = await buildJolSubgraphSchema({
    resolvers: [...entity.resolvers],
    orphanedTypes: [...entity.types],
    referenceResolvers: entity.referenceResolvers,
  });
  const indicators = schema.getType('Indicators') as GraphQLObjectType;
  return {
    query: Object.keys(schema.getQueryType()!.getFields()).filter((f) => !f.startsWith('_')),
    fields: Object.keys(indicators.getFields()),
    rules: entity.rules.flatMap((map) =>
      Object.entries(map as Record<string, object>).flatMap(([type, rules]) =>
        typeof rules === 'object' && !('resolve' in rules)
          ? Object.keys(rules).map((f) => `${type}.${f}`)
          : [type],
      ),
    ),
  };
}

describe('createIndicatorsEntity', () => {
  it('gives the entry point, the echo of the request and then the measures to one subgraph', async () => {
    const entity = createIndicatorsEntity({
      measures: measures('a', 'crossings'),
      entryPoint: true,
    });
    expect(await fieldsOf(entity)).toEqual({
      query: ['indicators'],
      fields: ['key', 'by', 'filter', 'crossings'],
      rules: [
        'Indicators.key',
        'Indicators.by',
        'Indicators.filter',
        'Query.indicators',
        'IndicatorScope',
        'IndicatorTable',
        'IndicatorRow',
        'Indicators.crossings',
      ],
    });
  });

  it('gives another subgraph the key and its own measures only, on a class of its own', async () => {
    const owner = createIndicatorsEntity({
      measures: measures('a', 'crossings'),
      entryPoint: true,
    });
    const other = createIndicatorsEntity({ measures: measures('b', 'rescues') });
    expect(other.type).not.toBe(owner.type);
    expect(await fieldsOf(other)).toEqual({
      query: [],
      fields: ['key', 'rescues'],
      rules: ['Indicators.key', 'IndicatorTable', 'IndicatorRow', 'Indicators.rescues'],
    });
  });
});
