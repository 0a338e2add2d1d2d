import { createPersonStub } from '@jol/kernel';

/**
 * The person as the Social Fund sees it: the key, the home region its fields require, and the
 * birth date and sex `pensionEntitlement` requires (retirement age, full record).
 */
export const personEntity = createPersonStub(['birthDate', 'sex']);
export const Person = personEntity.type;
export type Person = InstanceType<typeof Person>;
