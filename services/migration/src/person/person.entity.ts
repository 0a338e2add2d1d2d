import { defineEntity } from '@jol/kernel';
import { createPersonByPinLoader } from './person.loader';
import { createPersonModel, type PersonModel } from './person.model';
import { personReference } from './person.reference';
import { PersonResolver } from './person.resolver';
import { personRules } from './person.rules';

/** The register's persons: identity is migration's, the other subgraphs hold a stub of it. */
export const personEntity = defineEntity({
  resolvers: [PersonResolver],
  referenceResolvers: personReference,
  rules: [personRules],
  models: (connection) => ({ Person: createPersonModel(connection) }),
  loaders: (models: { Person: PersonModel }) => ({
    personByPin: createPersonByPinLoader(models.Person),
  }),
});
