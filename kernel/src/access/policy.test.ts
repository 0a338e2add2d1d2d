import { FIELD_CLASSES } from '@jol/schema';
import { policyOf, purposeAllowed } from './policy';

describe('purposeAllowed', () => {
  it('holds when one of the roles declares the purpose', () => {
    expect(purposeAllowed(['LABOUR_OFFICER'], 'RETURNEE_SUPPORT')).toBe(true);
    expect(purposeAllowed(['ANALYST', 'HEALTH_OFFICER'], 'PUBLIC_HEALTH')).toBe(true);
  });
  it('fails for a purpose none of the roles declares, and for unknown roles', () => {
    expect(purposeAllowed(['LABOUR_OFFICER'], 'MEDICAL_CARE')).toBe(false);
    expect(purposeAllowed([], 'STATISTICS')).toBe(false);
    expect(purposeAllowed(['ROOT'], 'STATISTICS')).toBe(false);
    expect(purposeAllowed(['toString'], 'STATISTICS')).toBe(false);
  });
});

describe('FIELD_CLASSES', () => {
  it('classes a child PIN apart from the dependant record', () => {
    expect(FIELD_CLASSES['Dependant.childPin']).toBe('childIdentity');
    expect(FIELD_CLASSES['Person.dependants']).toBe('migrationRecord');
  });
});

describe('policyOf', () => {
  it('gives the policy of a role', () => {
    expect(policyOf('AUDITOR')).toEqual({
      purposes: ['AUDIT'],
      reads: ['accessLog'],
      writes: null,
    });
  });
  it.each(['ROOT', 'auditor', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'gives nothing for %j',
    (role) => {
      expect(policyOf(role)).toBeUndefined();
    },
  );
});
