import { defineEntity } from '@jol/kernel';
import { createAssistanceCasesByPinLoader } from './assistance-case.loader';
import { createAssistanceCaseModel, type AssistanceCaseModel } from './assistance-case.model';
import { AssistanceCaseResolver, PersonAssistanceCasesResolver } from './assistance-case.resolver';
import { assistanceCaseRules } from './assistance-case.rules';

/** Consular assistance cases: detentions, deaths abroad and the other difficulties of citizens. */
export const assistanceCaseEntity = defineEntity({
  resolvers: [PersonAssistanceCasesResolver, AssistanceCaseResolver],
  rules: [assistanceCaseRules],
  models: (connection) => ({ AssistanceCase: createAssistanceCaseModel(connection) }),
  loaders: (models: { AssistanceCase: AssistanceCaseModel }) => ({
    assistanceCasesByPin: createAssistanceCasesByPinLoader(models.AssistanceCase),
  }),
});
