import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  badUserInput,
  checkDatesNotBeforeBirth,
  checkNotInFuture,
  conflict,
  formatIsoDate,
  notFound,
} from '@jol/schema';
import type { MigrationContext } from '../context';
import { Person, MigrationStatus } from '../person/person.type';
import type { EpisodeRecord } from './episode.model';
import { toEpisode } from './episode.model';
import {
  checkRegisterDepartureInput,
  RegisterDepartureInput,
  RegisterReturnInput,
} from './episode.inputs';
import { MigrationEpisode } from './episode.type';

@Resolver(() => Person)
export class PersonEpisodesResolver {
  @FieldResolver(() => [MigrationEpisode], {
    nullable: true,
    description: 'Stays abroad, oldest first.',
  })
  async episodes(
    @Root() person: Person,
    @Ctx() ctx: MigrationContext,
  ): Promise<MigrationEpisode[]> {
    return (await ctx.loaders.episodesByPin.load(person.pin)).map(toEpisode);
  }
}

@Resolver(() => MigrationEpisode)
export class EpisodeResolver {
  @Mutation(() => MigrationEpisode, {
    description: 'Opens a stay abroad; the person must be at home.',
  })
  async registerDeparture(
    @Arg('input', () => RegisterDepartureInput) input: RegisterDepartureInput,
    @Ctx() ctx: MigrationContext,
  ): Promise<MigrationEpisode> {
    checkRegisterDepartureInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { departedOn: input.departedOn });
    const { Person: Persons, Episode } = ctx.models;
    return ctx.models.connection.transaction(async (session) => {
      const person = await Persons.findOne({ pin: input.pin }, { status: 1 }, { session }).lean();
      if (!person) throw notFound('Person', 'pin', input.pin);
      const last = await Episode.findOne({ pin: input.pin }, null, { session })
        .sort({ departedOn: -1 })
        .lean<EpisodeRecord>();
      if (last?.returnedOn && input.departedOn < last.returnedOn) {
        throw badUserInput(
          'departedOn',
          formatIsoDate(input.departedOn),
          `must not be before the last return (${formatIsoDate(last.returnedOn)})`,
        );
      }
      // Compare-and-set on the status, so that two concurrent departures cannot both succeed.
      const moved = await Persons.updateOne(
        { pin: input.pin, status: { $ne: MigrationStatus.ABROAD } },
        { $set: { status: MigrationStatus.ABROAD }, $addToSet: { destinations: input.country } },
        { session },
      );
      if (moved.modifiedCount !== 1) {
        throw conflict(`Person ${input.pin} is already abroad; register the return first`, 'pin');
      }
      const [episode] = await Episode.create(
        [
          {
            pin: input.pin,
            departedOn: input.departedOn,
            country: input.country,
            city: input.city?.trim() ?? null,
            purpose: input.purpose,
            returnedOn: null,
          },
        ],
        { session },
      );
      return toEpisode(episode.toObject());
    });
  }

  @Mutation(() => MigrationEpisode, { description: 'Closes the open stay abroad.' })
  async registerReturn(
    @Arg('input', () => RegisterReturnInput) input: RegisterReturnInput,
    @Ctx() ctx: MigrationContext,
  ): Promise<MigrationEpisode> {
    checkNotInFuture('returnedOn', input.returnedOn);
    const { Person: Persons, Episode } = ctx.models;
    return ctx.models.connection.transaction(async (session) => {
      const person = await Persons.findOne({ pin: input.pin }, { status: 1 }, { session }).lean();
      if (!person) throw notFound('Person', 'pin', input.pin);
      const open = await Episode.findOne({ pin: input.pin, returnedOn: null }, null, {
        session,
      }).lean<EpisodeRecord>();
      if (!open || person.status !== MigrationStatus.ABROAD) {
        throw conflict(`Person ${input.pin} is not abroad; there is no departure to close`, 'pin');
      }
      if (input.returnedOn < open.departedOn) {
        throw badUserInput(
          'returnedOn',
          formatIsoDate(input.returnedOn),
          `must not be before the departure (${formatIsoDate(open.departedOn)})`,
        );
      }
      const moved = await Persons.updateOne(
        { pin: input.pin, status: MigrationStatus.ABROAD },
        { $set: { status: MigrationStatus.RETURNED } },
        { session },
      );
      if (moved.modifiedCount !== 1)
        throw conflict(`Person ${input.pin} returned concurrently`, 'pin');
      const closed = await Episode.findOneAndUpdate(
        { _id: open._id, returnedOn: null },
        { $set: { returnedOn: input.returnedOn } },
        { session, returnDocument: 'after' },
      ).lean<EpisodeRecord>();
      if (!closed) throw conflict(`Person ${input.pin} returned concurrently`, 'pin');
      return toEpisode(closed);
    });
  }
}
