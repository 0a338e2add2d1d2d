import { ownerOrSubjectRoleOf, type Caller } from '@jol/kernel';

/** Who may grant or revoke a health consent: the kernel's judgement, asked for health. */
const consentAuthority = (caller: Caller | null, purpose: string | null, pin: string | undefined) =>
  ownerOrSubjectRoleOf({ caller, purpose }, 'health', pin);

const pin = '10503199012345';
const as = (roles: string[], extra: { pin?: string; region?: string } = {}) => ({
  sub: 'someone',
  roles,
  ...extra,
});

describe('ownerOrSubjectRoleOf for health consents', () => {
  it('lets a health officer record consents for anyone, for a health purpose', () => {
    expect(consentAuthority(as(['HEALTH_OFFICER']), 'MEDICAL_CARE', pin)).toBe('HEALTH_OFFICER');
    expect(consentAuthority(as(['HEALTH_OFFICER']), 'PUBLIC_HEALTH', undefined)).toBe(
      'HEALTH_OFFICER',
    );
    expect(consentAuthority(as(['HEALTH_OFFICER']), 'EMPLOYMENT_SERVICES', pin)).toBeNull();
  });

  it('lets the data subject change only their own consents, for SELF_SERVICE', () => {
    expect(consentAuthority(as(['DATA_SUBJECT'], { pin }), 'SELF_SERVICE', pin)).toBe(
      'DATA_SUBJECT',
    );
    expect(
      consentAuthority(as(['DATA_SUBJECT'], { pin }), 'SELF_SERVICE', '20101199099999'),
    ).toBeNull();
    expect(consentAuthority(as(['DATA_SUBJECT'], { pin }), 'SELF_SERVICE', undefined)).toBeNull();
    expect(consentAuthority(as(['DATA_SUBJECT']), 'SELF_SERVICE', pin)).toBeNull();
    expect(consentAuthority(as(['DATA_SUBJECT'], { pin }), 'MEDICAL_CARE', pin)).toBeNull();
  });

  it('refuses every other role, an anonymous caller and a missing purpose', () => {
    for (const role of [
      'LABOUR_OFFICER',
      'MIGRATION_OFFICER',
      'PENSION_OFFICER',
      'ANALYST',
      'PARTNER',
      'AUDITOR',
    ]) {
      expect(consentAuthority(as([role], { pin }), 'EMPLOYMENT_SERVICES', pin)).toBeNull();
    }
    expect(consentAuthority(null, 'MEDICAL_CARE', pin)).toBeNull();
    expect(consentAuthority(as(['HEALTH_OFFICER']), null, pin)).toBeNull();
  });
});
