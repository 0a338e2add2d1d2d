import { allow, readRule, type AccessRules } from '@jol/kernel';
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
