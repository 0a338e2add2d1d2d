import { defineEntity } from '@jol/kernel';
import { createTbCasesByPinLoader } from './tb-case.loader';
import { createTbCaseModel, type TbCaseModel } from './tb-case.model';
import { PersonTbCasesResolver, TbCaseResolver } from './tb-case.resolver';
import { tbCaseRules } from './tb-case.rules';

/** Tuberculosis cases. */
export const tbCaseEntity = defineEntity({
  resolvers: [PersonTbCasesResolver, TbCaseResolver],
  rules: [tbCaseRules],
  models: (connection) => ({ TbCase: createTbCaseModel(connection) }),
  loaders: (models: { TbCase: TbCaseModel }) => ({
    tbCasesByPin: createTbCasesByPinLoader(models.TbCase),
  }),
});
