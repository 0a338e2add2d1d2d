import { GraphQLError } from 'graphql';
import { checkGrantHealthConsentInput, consentPurposesOf, parseConsentId } from './consent.inputs';
import { ConsentRecipient } from './consent.type';

const now = new Date('2025-06-15T15:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const grant = {
  pin: '10503199012345',
  recipientAgency: ConsentRecipient.LABOUR,
  purpose: 'EMPLOYMENT_SERVICES',
  expiresOn: day('2026-06-15'),
};

function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('consentPurposesOf', () => {
  it("lists the purposes the recipient's officer role may declare", () => {
    expect(consentPurposesOf(ConsentRecipient.LABOUR)).toEqual([
      'EMPLOYMENT_SERVICES',
      'RETURNEE_SUPPORT',
    ]);
    expect(consentPurposesOf(ConsentRecipient.MIGRATION)).toEqual([
      'MIGRATION_REGISTRATION',
      'RETURNEE_SUPPORT',
    ]);
    expect(consentPurposesOf(ConsentRecipient.PENSIONS)).toEqual(['PENSION_ASSESSMENT']);
  });
});

describe('checkGrantHealthConsentInput', () => {
  it('returns the values to store, granted today', () => {
    expect(checkGrantHealthConsentInput(grant, now)).toEqual({
      pin: grant.pin,
      recipientAgency: ConsentRecipient.LABOUR,
      purpose: 'EMPLOYMENT_SERVICES',
      expiresOn: day('2026-06-15'),
      grantedAt: day('2025-06-15'),
    });
  });

  it.each([
    ['another agency', ConsentRecipient.LABOUR, 'PENSION_ASSESSMENT'],
    ['a health purpose', ConsentRecipient.MIGRATION, 'MEDICAL_CARE'],
    ['no known purpose', ConsentRecipient.PENSIONS, 'RETURNEE_SUPPORT'],
    ['an unknown word', ConsentRecipient.LABOUR, 'ANYTHING'],
  ])('refuses a purpose of %s with BAD_USER_INPUT naming it', (_why, recipientAgency, purpose) => {
    const error = errorOf(() =>
      checkGrantHealthConsentInput({ ...grant, recipientAgency, purpose }, now),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('purpose');
    expect(error.message).toContain(`"${purpose}"`);
  });

  it('accepts expiry from tomorrow through the same day five years ahead', () => {
    for (const expiresOn of ['2025-06-16', '2030-06-15']) {
      expect(() =>
        checkGrantHealthConsentInput({ ...grant, expiresOn: day(expiresOn) }, now),
      ).not.toThrow();
    }
  });

  it.each(['2025-06-15', '2024-01-01', '2030-06-16'])(
    'refuses expiry on %s, naming the date and the bounds',
    (expiresOn) => {
      const error = errorOf(() =>
        checkGrantHealthConsentInput({ ...grant, expiresOn: day(expiresOn) }, now),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('expiresOn');
      expect(error.message).toContain(`"${expiresOn}"`);
      expect(error.message).toContain('2030-06-15');
    },
  );
});

describe('parseConsentId', () => {
  it('parses 24 hexadecimal digits in either case', () => {
    expect(parseConsentId('65A0000000000000000000FF').toHexString()).toBe(
      '65a0000000000000000000ff',
    );
  });

  it.each(['', '65a0', 'zz a0000000000000000000ff', 42])('refuses %p with BAD_USER_INPUT', (id) => {
    const error = errorOf(() => parseConsentId(id));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(String(id));
  });
});
