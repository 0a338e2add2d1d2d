import { allow, pinOfRecord, readRule, writeRule, type AccessRules } from '@jol/kernel';
import type { HealthContext } from '../context';

/** The person of the TB case a write names decides its scope, before anything else is read. */
const caseWriteRule = () =>
  writeRule<{ input: { id: unknown } }>('health', (args, context) =>
    pinOfRecord((context as HealthContext).models.TbCase, args.input.id),
  );

export const tbCaseRules: AccessRules = {
  Person: { tbCases: readRule('Person.tbCases') },
  TbCase: allow,
  Mutation: {
    recordTbCase: writeRule('health'),
    recordTbOutcome: caseWriteRule(),
    updateTbTreatmentStatus: caseWriteRule(),
  },
};
