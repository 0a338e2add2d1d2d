import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { notFound } from '@jol/kernel';
import type { MigrationContext } from '../context';
import { Person } from '../person/person.type';
import { toEntryBan } from './entry-ban.model';
import { checkRecordEntryBanInput, RecordEntryBanInput } from './entry-ban.inputs';
import { EntryBan } from './entry-ban.type';

@Resolver(() => Person)
export class PersonEntryBansResolver {
  @FieldResolver(() => [EntryBan], { nullable: true })
  async entryBans(@Root() person: Person, @Ctx() ctx: MigrationContext): Promise<EntryBan[]> {
    return (await ctx.loaders.entryBansByPin.load(person.pin)).map(toEntryBan);
  }
}

@Resolver(() => EntryBan)
export class EntryBanResolver {
  @Mutation(() => EntryBan)
  async recordEntryBan(
    @Arg('input', () => RecordEntryBanInput) input: RecordEntryBanInput,
    @Ctx() ctx: MigrationContext,
  ): Promise<EntryBan> {
    checkRecordEntryBanInput(input);
    if (!(await ctx.models.Person.exists({ pin: input.pin })))
      throw notFound('Person', 'pin', input.pin);
    const ban = await ctx.models.EntryBan.create({
      pin: input.pin,
      country: input.country,
      from: input.from,
      until: input.until ?? null,
      reason: input.reason,
    });
    return toEntryBan(ban.toObject());
  }
}
