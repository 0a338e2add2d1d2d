import { GraphQLError } from 'graphql';
import { AgeBand, Sex } from '@jol/kernel';
import { IndicatorDimension } from './indicator-dimension';
import {
  indicatorKey,
  normalizeIndicatorRequest,
  parseIndicatorKey,
  type IndicatorRequest,
} from './indicator-request';

const NOW = new Date(Date.UTC(2026, 10, 24));

function badInput(run: () => unknown): { field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    return { field: e.extensions.field, message: e.message };
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('normalizeIndicatorRequest', () => {
  it('defaults to the last full calendar year, no filter, no breakdown', () => {
    expect(normalizeIndicatorRequest(undefined, undefined, NOW)).toEqual({
      fromYear: 2025,
      toYear: 2025,
      region: null,
      sex: null,
      ageBand: null,
      destination: null,
      by: [],
    });
  });

  it('turns one year into a period of one year and keeps the breakdown order', () => {
    const request = normalizeIndicatorRequest(
      {
        year: 2023,
        region: 'KG-O',
        sex: Sex.FEMALE,
        ageBand: AgeBand.AGE_15_29,
        destination: 'RU',
      },
      [IndicatorDimension.SEX, IndicatorDimension.REGION],
      NOW,
    );
    expect(request).toMatchObject({
      fromYear: 2023,
      toYear: 2023,
      region: 'KG-O',
      destination: 'RU',
    });
    expect(request.by).toEqual(['SEX', 'REGION']);
  });

  it.each([
    [{ year: 1999 }, [], 'filter.year', /from 2000 to 2026; got 1999/],
    [{ year: 2027 }, [], 'filter.year', /got 2027/],
    [{ year: 2020.5 }, [], 'filter.year', /got 2020.5/],
    [{ year: 2020, fromYear: 2019 }, [], 'filter.year', /not be given with fromYear/],
    [{ fromYear: 2019 }, [], 'filter.toYear', /must be given with fromYear/],
    [{ toYear: 2019 }, [], 'filter.fromYear', /must be given with toYear/],
    [
      { fromYear: 2021, toYear: 2019 },
      [],
      'filter.toYear',
      /not be before fromYear 2021; got 2019/,
    ],
    [{ region: 'KG-X' }, [], 'filter.region', /"KG-X"/],
    [{ sex: 'OTHER' }, [], 'filter.sex', /"OTHER"/],
    [{ destination: 'XX' }, [], 'filter.destination', /"XX"/],
    [{}, ['REGION', 'SEX', 'YEAR'], 'by', /at most 2/],
    [{}, ['SECTOR'], 'by', /only REGION, SEX, AGE_BAND, DESTINATION, YEAR; got "SECTOR"/],
    [{}, ['SEX', 'SEX'], 'by', /not repeat/],
  ])('refuses %j by %j: %s', (filter, by, field, message) => {
    const refused = badInput(() => normalizeIndicatorRequest(filter, by, NOW));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});

describe('indicator keys', () => {
  const request: IndicatorRequest = normalizeIndicatorRequest(
    { fromYear: 2020, toYear: 2024, region: 'KG-B' },
    [IndicatorDimension.YEAR, IndicatorDimension.SEX],
    NOW,
  );

  it('round-trips a request through its key', () => {
    expect(parseIndicatorKey(indicatorKey(request), NOW)).toEqual(request);
  });

  it('gives equal requests equal keys however they were written', () => {
    const a = normalizeIndicatorRequest({ year: 2024 }, [], NOW);
    const b = normalizeIndicatorRequest({ fromYear: 2024, toYear: 2024, region: null }, null, NOW);
    expect(indicatorKey(a)).toBe(indicatorKey(b));
  });

  it.each([
    'not json',
    '[]',
    '{"fromYear":2020}',
    JSON.stringify({ ...JSON.parse(indicatorKey(request)), region: 'KG-X' }),
    JSON.stringify({ ...JSON.parse(indicatorKey(request)), by: ['SECTOR'] }),
    // Valid, but not canonical: a forged key is not computed.
    JSON.stringify({ by: request.by, ...JSON.parse(indicatorKey(request)) }),
    indicatorKey(request).replace('"fromYear":2020', '"year":2020'),
  ])('refuses a key that is not the canonical key of a valid request: %s', (key) => {
    expect(badInput(() => parseIndicatorKey(key, NOW)).field).toMatch(/Indicators.key|filter|by/);
  });
});
