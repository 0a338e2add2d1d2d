import { GraphQLError } from 'graphql';
import {
  checkRecordInsurancePeriodInput,
  checkSourceMatchesCountry,
  type RecordInsurancePeriodInput,
} from './insurance-period.inputs';
import { InsurancePeriodSource, InsurancePeriodType } from './insurance-period.type';

const NOW = new Date('2025-06-15T10:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const valid: RecordInsurancePeriodInput = {
  pin: '10503199012345',
  country: 'KG',
  from: day('2020-01-01'),
  to: day('2020-12-31'),
  type: InsurancePeriodType.EMPLOYMENT,
  source: InsurancePeriodSource.DOMESTIC,
};

function errorOf(run: () => void): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('checkRecordInsurancePeriodInput', () => {
  it('accepts a valid period, a one-day period and one that ends today', () => {
    expect(() => checkRecordInsurancePeriodInput(valid, NOW)).not.toThrow();
    const oneDay = { ...valid, from: day('2024-02-29'), to: day('2024-02-29') };
    expect(() => checkRecordInsurancePeriodInput(oneDay, NOW)).not.toThrow();
    const toToday = { ...valid, from: day('2025-01-01'), to: day('2025-06-15') };
    expect(() => checkRecordInsurancePeriodInput(toToday, NOW)).not.toThrow();
  });

  it.each([
    [
      'from in the future',
      { from: day('2025-06-16'), to: day('2025-06-20') },
      'from',
      '2025-06-16',
    ],
    ['to in the future', { from: day('2025-06-01'), to: day('2025-06-16') }, 'to', '2025-06-16'],
    ['to before from', { from: day('2020-05-02'), to: day('2020-05-01') }, 'to', '2020-05-01'],
  ])('refuses %s naming the field and value', (_why, change, field, value) => {
    const error = errorOf(() => checkRecordInsurancePeriodInput({ ...valid, ...change }, NOW));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe(field);
    expect(error.message).toContain(value);
  });
});

describe('checkSourceMatchesCountry', () => {
  it.each([
    [InsurancePeriodSource.DOMESTIC, 'KG'],
    [InsurancePeriodSource.VOLUNTARY_FROM_ABROAD, 'RU'],
    [InsurancePeriodSource.PARTNER_REPORTED, 'KZ'],
  ])('accepts %s in %s', (source, country) => {
    expect(() => checkSourceMatchesCountry(source, country)).not.toThrow();
  });

  it.each([
    [InsurancePeriodSource.DOMESTIC, 'RU'],
    [InsurancePeriodSource.VOLUNTARY_FROM_ABROAD, 'KG'],
    [InsurancePeriodSource.PARTNER_REPORTED, 'KG'],
  ])('refuses %s in %s', (source, country) => {
    const error = errorOf(() => checkSourceMatchesCountry(source, country));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('country');
    expect(error.message).toContain(`"${country}"`);
    expect(error.message).toContain(source);
  });
});
