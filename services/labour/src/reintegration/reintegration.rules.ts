import { allow, readRule, writeRule, type AccessRules } from '@jol/schema';

export const reintegrationRules: AccessRules = {
  Person: { reintegrationEnrolments: readRule('Person.reintegrationEnrolments') },
  ReintegrationEnrolment: allow,
  Mutation: {
    enrolInReintegration: writeRule('labour'),
    // The input names an enrolment, not a person: the audit records the write without a PIN.
    updateReintegrationStatus: writeRule('labour', () => undefined),
  },
};
