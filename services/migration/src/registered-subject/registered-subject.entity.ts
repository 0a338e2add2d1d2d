import { defineEntity } from '@jol/kernel';
import { RegisteredSubjectResolver } from './registered-subject.resolver';
import { registeredSubjectRules } from './registered-subject.rules';

/** Whether a PIN is registered, for Jol's own services' write checks. */
export const registeredSubjectEntity = defineEntity({
  resolvers: [RegisteredSubjectResolver],
  rules: [registeredSubjectRules],
});
