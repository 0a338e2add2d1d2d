import { GraphQLError } from 'graphql';
import {
  checkPeriodMonth,
  checkRecordContributionInput,
  type RecordContributionInput,
} from './contribution.inputs';
import { ContributionKind, PensionCurrency } from './contribution.type';

const NOW = new Date('2025-06-15T10:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const valid: RecordContributionInput = {
  pin: '10503199012345',
  paidOn: day('2025-03-10'),
  periodMonth: '2025-02',
  amount: '1250.00',
  currency: PensionCurrency.KGS,
  kind: ContributionKind.MANDATORY,
};

function errorOf(run: () => void): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('checkRecordContributionInput', () => {
  it('accepts a month before or equal to the month paid, paid today', () => {
    expect(() => checkRecordContributionInput(valid, NOW)).not.toThrow();
    const sameMonth = { ...valid, paidOn: day('2025-06-15'), periodMonth: '2025-06' };
    expect(() => checkRecordContributionInput(sameMonth, NOW)).not.toThrow();
    const yearsBack = { ...valid, periodMonth: '2019-12' };
    expect(() => checkRecordContributionInput(yearsBack, NOW)).not.toThrow();
  });

  it.each([
    ['paidOn in the future', { paidOn: day('2025-06-16') }, 'paidOn', '2025-06-16'],
    ['periodMonth after the month paid', { periodMonth: '2025-04' }, 'periodMonth', '2025-04'],
    [
      'periodMonth in the next year',
      { paidOn: day('2024-12-31'), periodMonth: '2025-01' },
      'periodMonth',
      '2025-01',
    ],
  ])('refuses %s naming the field and value', (_why, change, field, value) => {
    const error = errorOf(() => checkRecordContributionInput({ ...valid, ...change }, NOW));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe(field);
    expect(error.message).toContain(value);
  });
});

describe('checkPeriodMonth', () => {
  it.each(['2025-01', '1900-01', '2024-12'])('accepts %s', (value) => {
    expect(() => checkPeriodMonth(value)).not.toThrow();
  });

  it.each(['2025-13', '2025-00', '2025-1', '25-01', '2025/01', '2025-01-01', '1899-12', ''])(
    'refuses %j',
    (value) => {
      const error = errorOf(() => checkPeriodMonth(value));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('periodMonth');
      expect(error.message).toContain(JSON.stringify(value));
    },
  );
});
