import { allow, readRule, revisionWriteRule, writeRule, type AccessRules } from '@jol/kernel';
import type { PensionsContext } from '../context';

const periodRevision = revisionWriteRule(
  'pensions',
  (ctx: PensionsContext) => ctx.models.InsurancePeriod,
);

export const insurancePeriodRules: AccessRules = {
  Person: { insurancePeriods: readRule('Person.insurancePeriods') },
  InsurancePeriod: allow,
  Mutation: {
    recordInsurancePeriod: writeRule('pensions'),
    correctInsurancePeriod: periodRevision,
    voidInsurancePeriod: periodRevision,
  },
};
