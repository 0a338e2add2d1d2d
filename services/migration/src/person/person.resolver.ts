import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { QueryFilter } from 'mongoose';
import {
  birthDateRange,
  checkPageSize,
  conflict,
  decodeCursor,
  PIN_DIGITS,
  PIN_RANGE,
  populationOf,
  readKeyPage,
  encodeCursor,
  recordListed,
  isDuplicateKeyError,
  DateScalar,
  PinScalar,
  recordSearchResults,
  RegionScalar,
  regionScopeOf,
  today,
  type RegionCode,
} from '@jol/kernel';
import type { MigrationContext } from '../context';
import { PersonConnection } from './person.connection';
import { PersonFilter, RegisterPersonInput, checkRegisterPersonInput } from './person.inputs';
import { toPerson, toPersonMatch } from './person.mapper';
import type { PersonRecord } from './person.model';
import { nameKeysOf } from './person.name-key';
import { findPersons } from './person.search';
import { MigrationStatus, Person, PersonMatch } from './person.type';

/** Turns the API filter into a store query; every criterion is indexed. */
export function personQuery(
  filter: PersonFilter = {},
  now = new Date(),
): QueryFilter<PersonRecord> {
  const query: QueryFilter<PersonRecord> = {};
  if (filter.region) query.homeRegion = filter.region;
  if (filter.status) query.status = filter.status;
  if (filter.destination) query.destinations = filter.destination;
  if (filter.sex) query.sex = filter.sex;
  if (filter.ageBand) {
    const { from, to } = birthDateRange(filter.ageBand, today(now));
    query.birthDate = from ? { $gte: from, $lte: to } : { $lte: to };
  }
  return query;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by PIN; null when unknown.' })
  async person(
    @Arg('pin', () => PinScalar) pin: string,
    @Ctx() ctx: MigrationContext,
  ): Promise<Person | null> {
    const record = await ctx.loaders.personByPin.load(pin);
    return record ? toPerson(record) : null;
  }

  @Query(() => PersonConnection, {
    description: 'Persons matching a filter, a page at a time, by PIN.',
  })
  async persons(
    @Ctx() ctx: MigrationContext,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<PersonConnection> {
    checkPageSize(first);
    const query = personQuery(filter);
    // A region-scoped officer lists their region only (the rule refused a filter for another).
    const region = regionScopeOf(ctx);
    if (region) query.homeRegion = region as RegionCode;
    const records = await readKeyPage({
      after: after ? decodeCursor(after) : null,
      limit: first + 1,
      width: PIN_DIGITS,
      ...PIN_RANGE,
      population: await populationOf(ctx.models.Person),
      read: (pins, limit) =>
        ctx.models.Person.find({ ...query, pin: pins })
          .sort({ pin: 1 })
          .limit(limit)
          .lean<PersonRecord[]>(),
    });
    const page = records.slice(0, first);
    // Prime the loader so that fields resolved later for these persons cost no further reads.
    for (const record of page) ctx.loaders.personByPin.prime(record.pin, record);
    // The cursors are the PINs: the page discloses each person even when no field is selected.
    recordListed(
      ctx,
      'Query.persons',
      page.map((record) => record.pin),
    );
    const edges = page.map((record) => ({
      cursor: encodeCursor(record.pin),
      node: toPerson(record),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: records.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => [PersonMatch], {
    description:
      'Finds persons by name without the PIN, for officers under a declared purpose. Names match ' +
      'whole words in Latin or Cyrillic script (one transliteration, Kyrgyz letters included), ' +
      'case-insensitively. One name needs the birth date; two or three need the birth date or ' +
      'the region; more than 20 matches list none (SEARCH_TOO_BROAD). Identity fields only; ' +
      'every search is audited and shows in the access log of each person it lists.',
  })
  async searchPersons(
    @Arg('name', () => String) name: string,
    @Ctx() ctx: MigrationContext,
    @Arg('birthDate', () => DateScalar, { nullable: true }) birthDate?: Date | null,
    @Arg('region', () => RegionScalar, { nullable: true }) region?: RegionCode | null,
  ): Promise<PersonMatch[]> {
    const found = await findPersons(
      ctx.models.Person,
      { name, birthDate, region },
      regionScopeOf(ctx),
    );
    recordSearchResults(
      ctx,
      'Query.searchPersons',
      found.map((record) => record.pin),
    );
    return found.map(toPersonMatch);
  }

  @Mutation(() => Person, { description: 'Registers a person; a PIN can be registered once.' })
  async registerPerson(
    @Arg('input', () => RegisterPersonInput) input: RegisterPersonInput,
    @Ctx() ctx: MigrationContext,
  ): Promise<Person> {
    checkRegisterPersonInput(input);
    try {
      const created = await ctx.models.Person.create({
        ...input,
        status: MigrationStatus.NEVER_LEFT,
        destinations: [],
        nameKeys: nameKeysOf(input),
      });
      return toPerson(created.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw conflict(`Person with pin ${input.pin} is already registered`, 'pin');
      throw error;
    }
  }
}
