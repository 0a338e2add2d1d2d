import { GraphQLError } from 'graphql';
import { checkIndicatorCoverage } from './indicator-cube.loader';
import { normalizeIndicatorRequest } from './indicator-request';
import { IndicatorUnit } from './indicator-table.type';
import type { IndicatorMeasure } from './indicator-tables';

const NOW = new Date(Date.UTC(2026, 10, 24));
const BUILD = { asOf: new Date(Date.UTC(2025, 11, 31)), builtAt: new Date(Date.UTC(2026, 0, 1)) };
const DEPARTURES: IndicatorMeasure = {
  name: 'departures',
  agency: 'migration',
  description: 'Departures',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: 'departures',
};

const refusal = (filter: Record<string, unknown>) => {
  try {
    checkIndicatorCoverage(normalizeIndicatorRequest(filter, [], NOW), DEPARTURES, BUILD);
  } catch (error) {
    return error as GraphQLError;
  }
  return null;
};

describe('checkIndicatorCoverage', () => {
  it('accepts the years up to the build day, the partial year of the build day included', () => {
    expect(refusal({ year: 2025 })).toBeNull();
    expect(refusal({ fromYear: 2000, toYear: 2025 })).toBeNull();
    const midYear = { asOf: new Date(Date.UTC(2026, 5, 30)), builtAt: NOW };
    expect(() =>
      checkIndicatorCoverage(
        normalizeIndicatorRequest({ year: 2026 }, [], NOW),
        DEPARTURES,
        midYear,
      ),
    ).not.toThrow();
  });

  it('refuses a year after the build day rather than publishing zeros for it', () => {
    const single = refusal({ year: 2026 });
    expect(single?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.year' });
    expect(single?.message).toContain('2026');
    expect(single?.message).toContain('cover up to 2025-12-31');
    const period = refusal({ fromYear: 2024, toYear: 2026 });
    expect(period?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.toYear' });
  });

  it('lets a store without a build answer zeros, its asOf null saying so', () => {
    expect(() =>
      checkIndicatorCoverage(normalizeIndicatorRequest({ year: 2026 }, [], NOW), DEPARTURES, null),
    ).not.toThrow();
  });
});
