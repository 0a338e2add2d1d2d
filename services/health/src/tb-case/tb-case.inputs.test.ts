import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import {
  checkActiveTreatmentStatus,
  checkRecordTbCaseInput,
  checkRecordTbOutcomeInput,
  checkTbOutcomeTransition,
  parseTbCaseId,
  treatmentStatusForOutcome,
} from './tb-case.inputs';
import type { TbCaseRecord } from './tb-case.model';
import { TbOutcome, TbTreatmentStatus } from './tb-case.type';

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

const openCase = (change: Partial<TbCaseRecord> = {}): TbCaseRecord => ({
  _id: new Types.ObjectId('65a000000000000000000001'),
  pin: '10503199012345',
  diagnosedOn: day('2024-01-10'),
  treatmentStatus: TbTreatmentStatus.IN_TREATMENT,
  outcome: null,
  outcomeOn: null,
  drugResistant: false,
  ...change,
});

describe('parseTbCaseId', () => {
  it('accepts 24 hexadecimal digits in either case', () => {
    expect(parseTbCaseId('65a000000000000000000001').toHexString()).toBe(
      '65a000000000000000000001',
    );
    expect(parseTbCaseId('65A0000000000000000000FF').toHexString()).toBe(
      '65a0000000000000000000ff',
    );
  });

  it.each([['abc'], ['65a00000000000000000000g'], ['123456789012'], [''], [42]])(
    'refuses %p with BAD_USER_INPUT naming the value',
    (value) => {
      const error = errorOf(() => parseTbCaseId(value));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('id');
      expect(error.message).toContain(JSON.stringify(value));
    },
  );
});

describe('treatment status of an active case', () => {
  it.each([
    TbTreatmentStatus.NOT_STARTED,
    TbTreatmentStatus.IN_TREATMENT,
    TbTreatmentStatus.INTERRUPTED,
  ])('allows %s', (status) =>
    expect(() => checkActiveTreatmentStatus('status', status)).not.toThrow(),
  );

  it('refuses COMPLETED, which only an outcome sets', () => {
    const error = errorOf(() => checkActiveTreatmentStatus('status', TbTreatmentStatus.COMPLETED));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('"COMPLETED"');
  });

  it('applies to a new case, along with a diagnosis not in the future', () => {
    const input = {
      pin: '10503199012345',
      diagnosedOn: day('2024-06-15'),
      drugResistant: true,
      treatmentStatus: TbTreatmentStatus.NOT_STARTED,
    };
    expect(() => checkRecordTbCaseInput(input, now)).not.toThrow();
    expect(
      errorOf(() => checkRecordTbCaseInput({ ...input, diagnosedOn: day('2024-06-16') }, now))
        .extensions.field,
    ).toBe('diagnosedOn');
    expect(
      errorOf(() =>
        checkRecordTbCaseInput({ ...input, treatmentStatus: TbTreatmentStatus.COMPLETED }, now),
      ).extensions.field,
    ).toBe('treatmentStatus');
  });
});

describe('treatmentStatusForOutcome', () => {
  it.each([
    [TbOutcome.CURED, TbTreatmentStatus.COMPLETED],
    [TbOutcome.TREATMENT_COMPLETED, TbTreatmentStatus.COMPLETED],
    [TbOutcome.TREATMENT_FAILED, TbTreatmentStatus.INTERRUPTED],
    [TbOutcome.DIED, TbTreatmentStatus.INTERRUPTED],
    [TbOutcome.LOST_TO_FOLLOW_UP, TbTreatmentStatus.INTERRUPTED],
    [TbOutcome.NOT_EVALUATED, TbTreatmentStatus.INTERRUPTED],
  ])('closes a case with outcome %s as %s', (outcome, status) => {
    expect(treatmentStatusForOutcome(outcome)).toBe(status);
  });
});

describe('checkRecordTbOutcomeInput', () => {
  it('returns the parsed id for a date up to today', () => {
    const id = checkRecordTbOutcomeInput(
      { id: '65a000000000000000000001', outcome: TbOutcome.CURED, on: day('2024-06-15') },
      now,
    );
    expect(id.toHexString()).toBe('65a000000000000000000001');
  });

  it('refuses a malformed id and a future date', () => {
    expect(
      errorOf(() =>
        checkRecordTbOutcomeInput(
          { id: 'nope', outcome: TbOutcome.CURED, on: day('2024-06-01') },
          now,
        ),
      ).extensions.field,
    ).toBe('id');
    const future = errorOf(() =>
      checkRecordTbOutcomeInput(
        { id: '65a000000000000000000001', outcome: TbOutcome.CURED, on: day('2024-06-16') },
        now,
      ),
    );
    expect(future.extensions.field).toBe('on');
    expect(future.message).toContain('2024-06-16');
  });
});

describe('checkTbOutcomeTransition', () => {
  it('lets every outcome close a case in treatment, on or after the diagnosis', () => {
    for (const outcome of Object.values(TbOutcome)) {
      expect(() => checkTbOutcomeTransition(openCase(), outcome, day('2024-01-10'))).not.toThrow();
    }
  });

  it('refuses to close a closed case with CONFLICT: outcomes are final', () => {
    const closed = openCase({
      outcome: TbOutcome.CURED,
      outcomeOn: day('2024-05-01'),
      treatmentStatus: TbTreatmentStatus.COMPLETED,
    });
    const error = errorOf(() =>
      checkTbOutcomeTransition(closed, TbOutcome.DIED, day('2024-06-01')),
    );
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.message).toContain('65a000000000000000000001');
    expect(error.message).toContain('CURED on 2024-05-01');
  });

  it.each([TbOutcome.CURED, TbOutcome.TREATMENT_COMPLETED, TbOutcome.TREATMENT_FAILED])(
    'refuses %s for a case whose treatment never started',
    (outcome) => {
      const error = errorOf(() =>
        checkTbOutcomeTransition(
          openCase({ treatmentStatus: TbTreatmentStatus.NOT_STARTED }),
          outcome,
          day('2024-03-01'),
        ),
      );
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.extensions.field).toBe('outcome');
      expect(error.message).toContain(outcome);
    },
  );

  it.each([TbOutcome.DIED, TbOutcome.LOST_TO_FOLLOW_UP, TbOutcome.NOT_EVALUATED])(
    'allows %s before treatment started',
    (outcome) => {
      const notStarted = openCase({ treatmentStatus: TbTreatmentStatus.NOT_STARTED });
      expect(() => checkTbOutcomeTransition(notStarted, outcome, day('2024-03-01'))).not.toThrow();
    },
  );

  it('refuses an outcome dated before the diagnosis', () => {
    const error = errorOf(() =>
      checkTbOutcomeTransition(openCase(), TbOutcome.CURED, day('2024-01-09')),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('on');
    expect(error.message).toContain('"2024-01-09"');
    expect(error.message).toContain('diagnosedOn (2024-01-10)');
  });
});
