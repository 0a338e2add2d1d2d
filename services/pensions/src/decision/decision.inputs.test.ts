import { PensionCurrency } from '../contribution/contribution.type';
import { PENSION_AGREEMENTS } from '../partner/partner.registry';
import { checkRecordDecisionInput, type RecordPensionDecisionInput } from './decision.inputs';
import {
  PensionDecisionBasis,
  PensionDecisionResult,
  PensionDecisionType,
  PensionPaymentFrequency,
} from './decision.type';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const EAEU = PENSION_AGREEMENTS.find((a) => a._id === 'EAEU-2019')!;
const CIS = PENSION_AGREEMENTS.find((a) => a._id === 'CIS-1992')!;
const RELIED = { endedOn: null };
/** Russia's reliance on the CIS agreement, which it left on 31 December 2022. */
const RU_CIS = { endedOn: day('2022-12-31') };
const grant = (change: Partial<RecordPensionDecisionInput> = {}): RecordPensionDecisionInput => ({
  caseId: '0'.repeat(24),
  type: PensionDecisionType.OLD_AGE,
  result: PensionDecisionResult.GRANTED,
  effectiveOn: day('2025-03-01'),
  grossAmount: '8500.00',
  netAmount: '8500.00',
  currency: PensionCurrency.KGS,
  frequency: PensionPaymentFrequency.MONTHLY,
  basis: PensionDecisionBasis.WORK,
  ...change,
});
const refusal = (change: Partial<RecordPensionDecisionInput> = {}) =>
  grant({
    result: PensionDecisionResult.REFUSED,
    grossAmount: null,
    netAmount: null,
    currency: null,
    frequency: null,
    refusalReasons: ['Retirement age not reached'],
    ...change,
  });

function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error as { message: string; extensions: { code: string; field: string } };
  }
  throw new Error('accepted');
}

describe('checkRecordDecisionInput', () => {
  it('keeps a grant in hundredths and a refusal with its reasons', () => {
    expect(checkRecordDecisionInput(grant({ netAmount: '7395.5' }), EAEU, RELIED)).toMatchObject({
      grossHundredths: 850000,
      netHundredths: 739550,
      currency: 'KGS',
      refusalReasons: [],
    });
    expect(checkRecordDecisionInput(refusal(), EAEU, RELIED)).toMatchObject({
      grossHundredths: null,
      refusalReasons: ['Retirement age not reached'],
    });
  });

  it.each<[string, RecordPensionDecisionInput, string, string]>([
    [
      'an effect before the agreement',
      grant({ effectiveOn: day('2020-12-31') }),
      'effectiveOn',
      '2020-12-31',
    ],
    ['net above gross', grant({ netAmount: '9000.00' }), 'netAmount', '9000.00'],
    ['a grant without currency', grant({ currency: null }), 'currency', 'null'],
    ['a grant without frequency', grant({ frequency: null }), 'frequency', 'null'],
    ['a grant with reasons', grant({ refusalReasons: ['x'] }), 'refusalReasons', '["x"]'],
    ['a malformed amount', grant({ grossAmount: '85,00' }), 'grossAmount', '85,00'],
    ['a refusal without reasons', refusal({ refusalReasons: [] }), 'refusalReasons', '[]'],
    ['a refusal with an amount', refusal({ grossAmount: '1.00' }), 'grossAmount', '1.00'],
  ])('refuses %s as BAD_USER_INPUT naming the value', (_why, input, field, shown) => {
    const error = failure(() => checkRecordDecisionInput(input, EAEU, RELIED));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(shown);
  });

  it('takes a decision effective up to the day the partner left the agreement, and none after', () => {
    const lastDay = grant({ effectiveOn: day('2022-12-31') });
    expect(checkRecordDecisionInput(lastDay, CIS, RU_CIS)).toMatchObject({
      effectiveOn: day('2022-12-31'),
    });
    const error = failure(() =>
      checkRecordDecisionInput(grant({ effectiveOn: day('2023-01-01') }), CIS, RU_CIS),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveOn' });
    expect(error.message).toContain('2023-01-01');
    expect(error.message).toContain('2022-12-31');
  });
});
