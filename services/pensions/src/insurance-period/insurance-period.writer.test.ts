import { Types } from 'mongoose';
import type { InsurancePeriodRecord } from './insurance-period.model';
import { InsurancePeriodSource, InsurancePeriodType } from './insurance-period.type';
import { describePeriod, overlapError } from './insurance-period.writer';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('overlapError', () => {
  it('names the refused period and the stored one it overlaps', () => {
    const stored: InsurancePeriodRecord = {
      _id: new Types.ObjectId('665f1c2e9b1d4a0012345678'),
      pin: '10503199012345',
      country: 'RU',
      from: day('2019-03-01'),
      to: day('2020-02-29'),
      type: InsurancePeriodType.EMPLOYMENT,
      source: InsurancePeriodSource.PARTNER_REPORTED,
      createdAt: day('2024-01-01'),
      updatedAt: day('2024-01-01'),
    };
    const period = {
      pin: stored.pin,
      country: 'KG',
      from: day('2020-02-01'),
      to: day('2020-06-30'),
      type: InsurancePeriodType.EMPLOYMENT,
      source: InsurancePeriodSource.DOMESTIC,
    };
    expect(describePeriod(period)).toBe('KG 2020-02-01..2020-06-30');
    const error = overlapError(period, stored);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'period must not overlap the stored insurance period 665f1c2e9b1d4a0012345678 ' +
        '(RU 2019-03-01..2020-02-29, EMPLOYMENT, PARTNER_REPORTED); got "KG 2020-02-01..2020-06-30"',
    );
  });
});
