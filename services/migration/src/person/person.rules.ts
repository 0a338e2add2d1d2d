import { rule } from 'graphql-shield';
import {
  allow,
  decideFilter,
  decideHomeRegions,
  decideList,
  decideLookup,
  decideRegionAsked,
  decideSearch,
  decideWrite,
  formatIsoDate,
  readRule,
  regionScopeOf,
  type AccessRules,
} from '@jol/kernel';
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
 * `persons(...)`: lists are for officers only; every criterion of the filter is a read of its data
 * class; a region-scoped officer's filter for another region is refused (the resolver limits the
 * list to the caller's region through regionScopeOf, so no argument is rewritten here).
 */
const listPersons = rule('list:persons', { cache: 'no_cache' })((
  _parent,
  args: { filter?: PersonFilter | null },
  context: MigrationContext,
) => {
  const decision = decideList(context, 'Query.persons');
  if (decision instanceof Error) return decision;
  const filtered = decideFilter(context, 'PersonFilter', args.filter);
  if (filtered !== true) return filtered;
  return decideRegionAsked(context, 'Query.persons', args.filter?.region);
});

/**
 * `searchPersons(name, birthDate, region)`: decided and audited with what was asked by the access
 * module (PERSON_SEARCH); the resolver limits the search to the caller's region through
 * regionScopeOf and records whom it listed.
 */
const searchPersons = rule('search:persons', { cache: 'no_cache' })((
  _parent,
  args: { name: unknown; birthDate?: Date | null; region?: string | null },
  context: MigrationContext,
) => {
  const decision = decideSearch(context, 'Query.searchPersons', {
    name: typeof args.name === 'string' ? args.name : '',
    birthDate: args.birthDate ? formatIsoDate(args.birthDate) : null,
    region: args.region ?? null,
  });
  return decision instanceof Error ? decision : true;
});

/**
 * `registerPerson`: a region-scoped officer registers persons of their own region only, and a PIN
 * already registered in another region is refused like any write about that person.
 */
const registerPerson = rule('write:registerPerson', { cache: 'no_cache' })(async (
  _parent,
  args: { input: { pin: string; homeRegion: string } },
  context: MigrationContext,
) => {
  const coordinate = 'Mutation.registerPerson';
  const granted = decideWrite(context, coordinate, 'migration', args.input.pin);
  if (granted !== true) return granted;
  if (regionScopeOf(context) === null) return true;
  const existing = await context.loaders.personByPin.load(args.input.pin);
  return decideHomeRegions(context, coordinate, args.input.pin, [
    args.input.homeRegion,
    ...(existing ? [existing.homeRegion] : []),
  ]);
});

export const personRules: AccessRules = {
  Query: { person: lookUpPerson, persons: listPersons, searchPersons },
  Mutation: { registerPerson },
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
  // Listed by searchPersons, whose decision covers the identity and residence it shows.
  PersonMatch: allow,
  PersonConnection: allow,
  PersonEdge: allow,
};
