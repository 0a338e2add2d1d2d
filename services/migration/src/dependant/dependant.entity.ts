import { defineEntity } from '@jol/kernel';
import { createDependantsByPinLoader } from './dependant.loader';
import { createDependantModel, type DependantModel } from './dependant.model';
import { DependantResolver, PersonDependantsResolver } from './dependant.resolver';
import { dependantMasks, dependantRules } from './dependant.rules';

/** Dependants left behind; their PINs are masked for callers who may not read them. */
export const dependantEntity = defineEntity({
  resolvers: [PersonDependantsResolver, DependantResolver],
  rules: [dependantRules],
  masks: [dependantMasks],
  models: (connection) => ({ Dependant: createDependantModel(connection) }),
  loaders: (models: { Dependant: DependantModel }) => ({
    dependantsByPin: createDependantsByPinLoader(models.Dependant),
  }),
});
