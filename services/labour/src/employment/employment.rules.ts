import { allow, readRule, revisionWriteRule, writeRule, type AccessRules } from '@jol/kernel';
import type { LabourContext } from '../context';

const employmentRevision = revisionWriteRule(
  'labour',
  (ctx: LabourContext) => ctx.models.EmploymentRecord,
);

/**
 * The record is employment summary, guarded on `Person.employment`; its detail fields are judged
 * again for the person the record names (its `pin`, and the `homeRegion` copied from the parent).
 */
export const employmentRules: AccessRules = {
  Person: { employment: readRule('Person.employment') },
  EmploymentRecord: {
    id: allow,
    pin: allow,
    country: allow,
    sector: allow,
    from: allow,
    to: allow,
    version: allow,
    superseded: allow,
    employer: readRule('EmploymentRecord.employer'),
    formal: readRule('EmploymentRecord.formal'),
    permitType: readRule('EmploymentRecord.permitType'),
    permitNumber: readRule('EmploymentRecord.permitNumber'),
  },
  Mutation: {
    recordEmployment: writeRule('labour'),
    correctEmploymentRecord: employmentRevision,
    voidEmploymentRecord: employmentRevision,
  },
};
