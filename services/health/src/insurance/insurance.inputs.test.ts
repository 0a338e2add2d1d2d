import { GraphQLError } from 'graphql';
import { checkSetHealthInsuranceInput, type SetHealthInsuranceInput } from './insurance.inputs';
import { HealthInsuranceScheme, HealthInsuranceStatus } from './insurance.type';

const now = new Date('2024-06-15T12:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

const input = (change: Partial<SetHealthInsuranceInput> = {}): SetHealthInsuranceInput => ({
  pin: '10503199012345',
  status: HealthInsuranceStatus.INSURED,
  scheme: HealthInsuranceScheme.MIGRANT_POLICY,
  validFrom: day('2024-01-01'),
  validUntil: day('2024-12-31'),
  ...change,
});

describe('checkSetHealthInsuranceInput', () => {
  it('returns the values to store, an absent validUntil as null', () => {
    expect(checkSetHealthInsuranceInput(input({ validUntil: undefined }), now)).toEqual({
      status: HealthInsuranceStatus.INSURED,
      scheme: HealthInsuranceScheme.MIGRANT_POLICY,
      validFrom: day('2024-01-01'),
      validUntil: null,
    });
  });

  it('accepts a one-day cover and a validFrom of today', () => {
    expect(() =>
      checkSetHealthInsuranceInput(
        input({ validFrom: day('2024-06-15'), validUntil: day('2024-06-15') }),
        now,
      ),
    ).not.toThrow();
  });

  it('refuses EXPIRED, which is only derived', () => {
    const error = errorOf(() =>
      checkSetHealthInsuranceInput(input({ status: HealthInsuranceStatus.EXPIRED }), now),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('status');
    expect(error.message).toContain('"EXPIRED"');
  });

  it('refuses a validFrom in the future', () => {
    const error = errorOf(() =>
      checkSetHealthInsuranceInput(input({ validFrom: day('2024-06-16'), validUntil: null }), now),
    );
    expect(error.extensions.field).toBe('validFrom');
    expect(error.message).toContain('"2024-06-16"');
  });

  it('refuses a validUntil before validFrom', () => {
    const error = errorOf(() =>
      checkSetHealthInsuranceInput(input({ validUntil: day('2023-12-31') }), now),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('validUntil');
    expect(error.message).toContain('"2023-12-31"');
    expect(error.message).toContain('validFrom (2024-01-01)');
  });
});
