import { allow, pinOfRecord, readRule, writeRule, type AccessRules } from '@jol/kernel';
import type { LabourContext } from '../context';

export const reintegrationRules: AccessRules = {
  Person: { reintegrationEnrolments: readRule('Person.reintegrationEnrolments') },
  ReintegrationEnrolment: allow,
  Mutation: {
    enrolInReintegration: writeRule('labour'),
    // The input names an enrolment: its person decides the scope, before anything else is read.
    updateReintegrationStatus: writeRule<{ input: { id: unknown } }>('labour', (args, context) =>
      pinOfRecord((context as LabourContext).models.ReintegrationEnrolment, args.input.id),
    ),
  },
};
