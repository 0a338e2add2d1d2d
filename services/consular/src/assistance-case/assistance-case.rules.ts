import { allow, readRule, type AccessRules } from '@jol/schema';
import { heldRecordRules, openAtConsulateRule } from '../consulate/consulate.rules';

const heldCase = () => heldRecordRules((context) => context.models.AssistanceCase);

export const assistanceCaseRules: AccessRules = {
  Person: { assistanceCases: readRule('Person.assistanceCases') },
  AssistanceCase: allow,
  Mutation: {
    openAssistanceCase: openAtConsulateRule(),
    updateAssistanceCaseStatus: heldCase(),
    closeAssistanceCase: heldCase(),
  },
};
