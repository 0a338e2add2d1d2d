import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import {
  getVariableValues,
  Kind,
  parse,
  specifiedRules,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { GATEWAY_DIR } from '../graphiql/serve';
import { loadSupergraph } from '../supergraph';
import { measuresOfSupergraph } from './measures';
import { createQueryLimits } from '../limits';
import { csvSearch, dashboardRequests, MEASURES_PER_REQUEST, trendBreakdown } from './query';
import { parseView } from './view';

/** The committed supergraph, read by path: under jest, @jol/schema resolves to its sources. */
const SUPERGRAPH = loadSupergraph(join(GATEWAY_DIR, '..', 'schema', 'supergraph.graphql'));
const MEASURES = measuresOfSupergraph(SUPERGRAPH).map((m) => m.name);
const CONTEXT = {
  measures: MEASURES,
  defaultMeasures: ['personsAbroad'],
  lastYear: 2026,
  regions: ['KG-O', 'KG-N'],
};

describe('the dashboard request', () => {
  let gateway: ApolloGateway;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    gateway = new ApolloGateway({ supergraphSdl: SUPERGRAPH });
    ({ schema } = await gateway.load());
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it.each([
    [
      'every measure, two breakdowns and all filters',
      `?measures=${MEASURES.join(',')}&chart=returns&from=2020&to=2024&region=KG-O&sex=MALE&ageBand=AGE_30_44&destination=RU&by=DESTINATION,YEAR`,
    ],
    ['one measure and no breakdown', '?measures=activeTbCases&year=2025'],
  ])(
    'sends requests valid against the supergraph and within the gateway’s limits: %s',
    (_name, search) => {
      const limits = createQueryLimits();
      const view = parseView(search, CONTEXT);
      const requests = dashboardRequests(view, MEASURES);
      expect(requests).toHaveLength(1 + Math.ceil(view.measures.length / MEASURES_PER_REQUEST));
      for (const request of requests) {
        const document = parse(request.query, limits.parseOptions);
        expect(validate(schema, document, [...specifiedRules, ...limits.validationRules])).toEqual(
          [],
        );
        const operation = document.definitions.find(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
        );
        const coerced = getVariableValues(
          schema,
          operation!.variableDefinitions ?? [],
          request.variables,
        );
        expect(coerced.errors).toBeUndefined();
      }
      const asked = requests.flatMap((r) =>
        view.measures.filter(
          (m) => r.operationName === 'DashboardTables' && r.query.includes(` ${m} {`),
        ),
      );
      expect(asked).toEqual(view.measures);
    },
  );

  it('asks the map by region, the time series by year and the first other breakdown', () => {
    const view = parseView(
      '?measures=returns&from=2021&to=2024&by=YEAR,SEX&trendFrom=2015',
      CONTEXT,
    );
    const [charts, tables] = dashboardRequests(view, MEASURES);
    expect(charts!.query).toContain('map: indicators(filter: $filter, by: [REGION])');
    expect(charts!.variables).toEqual({
      filter: { fromYear: 2021, toYear: 2024 },
      trendFilter: { fromYear: 2015, toYear: 2024 },
      trendBy: ['YEAR', 'SEX'],
    });
    expect(tables!.variables).toEqual({
      filter: { fromYear: 2021, toYear: 2024 },
      by: ['YEAR', 'SEX'],
    });
    expect(trendBreakdown(parseView('?by=YEAR', CONTEXT))).toEqual(['YEAR']);
    expect(trendBreakdown(parseView('', CONTEXT))).toEqual(['YEAR']);
  });

  it('writes no measure into the document that the page does not know', () => {
    const view = { ...parseView('', CONTEXT), measures: ['personsAbroad', 'x { __typename }'] };
    expect(() => dashboardRequests(view, MEASURES)).toThrow('Unknown measure "x { __typename }"');
  });

  it('asks the gateway’s CSV export for the same table', () => {
    const view = parseView('?measures=personsAbroad,returns&year=2024&region=KG-N&by=SEX', CONTEXT);
    const params = new URLSearchParams(csvSearch(view));
    expect(Object.fromEntries(params)).toEqual({
      measures: 'personsAbroad,returns',
      filter: '{"year":2024,"region":"KG-N"}',
      by: 'SEX',
    });
  });
});
