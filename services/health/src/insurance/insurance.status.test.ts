import { healthInsuranceStatusOn } from './insurance.status';
import { HealthInsuranceStatus } from './insurance.type';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const { INSURED, NOT_INSURED, EXPIRED } = HealthInsuranceStatus;

describe('healthInsuranceStatusOn', () => {
  const lateOnJune15 = new Date('2024-06-15T17:59:59Z');

  it('keeps INSURED for open-ended cover', () => {
    expect(healthInsuranceStatusOn({ status: INSURED, validUntil: null }, lateOnJune15)).toBe(
      INSURED,
    );
  });

  it('keeps INSURED through the last day of cover, inclusive', () => {
    expect(
      healthInsuranceStatusOn({ status: INSURED, validUntil: day('2024-06-15') }, lateOnJune15),
    ).toBe(INSURED);
    expect(
      healthInsuranceStatusOn({ status: INSURED, validUntil: day('2030-01-01') }, lateOnJune15),
    ).toBe(INSURED);
  });

  it('derives EXPIRED from the day after the last day of cover', () => {
    expect(
      healthInsuranceStatusOn({ status: INSURED, validUntil: day('2024-06-14') }, lateOnJune15),
    ).toBe(EXPIRED);
    expect(
      healthInsuranceStatusOn(
        { status: INSURED, validUntil: day('2024-06-15') },
        new Date('2024-06-16T00:00:00Z'),
      ),
    ).toBe(EXPIRED);
  });

  it('never turns NOT_INSURED into EXPIRED', () => {
    expect(
      healthInsuranceStatusOn({ status: NOT_INSURED, validUntil: day('2020-01-01') }, lateOnJune15),
    ).toBe(NOT_INSURED);
    expect(healthInsuranceStatusOn({ status: NOT_INSURED, validUntil: null }, lateOnJune15)).toBe(
      NOT_INSURED,
    );
  });
});
