import { allow, readRule, writeRule, type AccessRules } from '@jol/schema';

export const tbCaseRules: AccessRules = {
  Person: { tbCases: readRule('Person.tbCases') },
  TbCase: allow,
  // recordTbOutcome and updateTbTreatmentStatus name a case, not a person: the audit has no PIN.
  Mutation: {
    recordTbCase: writeRule('health'),
    recordTbOutcome: writeRule('health'),
    updateTbTreatmentStatus: writeRule('health'),
  },
};
