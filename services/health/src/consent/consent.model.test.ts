import { isActiveConsent } from './consent.model';

const now = new Date('2025-06-15T17:59:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('isActiveConsent', () => {
  it('holds through its expiry day', () => {
    expect(isActiveConsent({ revokedAt: null, expiresOn: day('2025-06-15') }, now)).toBe(true);
    expect(isActiveConsent({ revokedAt: null, expiresOn: day('2027-01-01') }, now)).toBe(true);
  });

  it('lapses the day after its expiry', () => {
    expect(isActiveConsent({ revokedAt: null, expiresOn: day('2025-06-14') }, now)).toBe(false);
  });

  it('ends when revoked, even before its expiry', () => {
    expect(
      isActiveConsent({ revokedAt: day('2025-06-15'), expiresOn: day('2027-01-01') }, now),
    ).toBe(false);
  });
});
