import { rule } from 'graphql-shield';
import {
  allow,
  decideList,
  decideLookup,
  forbidden,
  readRule,
  writeRule,
  type AccessRules,
} from '@jol/schema';
import type { MigrationContext } from '../context';
import type { PersonFilter } from './person.inputs';

/** `person(pin)`: the caller must have some person-level access for the purpose, and reach this person. */
const lookUpPerson = rule('lookup:person', { cache: 'no_cache' })(async (
  _parent,
  args: { pin: string },
  context: MigrationContext,
) => {
  const record = await context.loaders.personByPin.load(args.pin);
  return decideLookup(context, 'Query.person', { pin: args.pin, homeRegion: record?.homeRegion });
});

/**
 * `persons(...)`: lists are for officers only; a region-scoped officer's list is limited to the
 * region (the filter is narrowed here, and a filter for another region is refused).
 */
const listPersons = rule('list:persons', { cache: 'no_cache' })((
  _parent,
  args: { filter?: PersonFilter | null },
  context: MigrationContext,
) => {
  const decision = decideList(context, 'Query.persons');
  if (decision instanceof Error) return decision;
  if (decision.region) {
    if (args.filter?.region && args.filter.region !== decision.region) {
      context.access.refused('Query.persons');
      return forbidden('Query.persons', 'Outside your region:');
    }
    args.filter = { ...args.filter, region: decision.region as PersonFilter['region'] };
  }
  return true;
});

export const personRules: AccessRules = {
  Query: { person: lookUpPerson, persons: listPersons },
  Mutation: { registerPerson: writeRule('migration') },
  Person: {
    pin: allow,
    nameCyrillic: readRule('Person.nameCyrillic'),
    nameLatin: readRule('Person.nameLatin'),
    birthDate: readRule('Person.birthDate'),
    sex: readRule('Person.sex'),
    homeRegion: readRule('Person.homeRegion'),
    russianProficiency: readRule('Person.russianProficiency'),
    status: readRule('Person.status'),
  },
  PersonName: allow,
  PersonConnection: allow,
  PersonEdge: allow,
};
