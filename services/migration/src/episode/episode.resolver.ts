import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { ClientSession, Types } from 'mongoose';
import {
  badUserInput,
  checkDatesNotBeforeBirth,
  checkNotInFuture,
  conflict,
  correctRecord,
  earlierVersionsOf,
  formatIsoDate,
  notFound,
  recordChangeEvent,
  voidRecord,
} from '@jol/kernel';
import type { MigrationContext, MigrationModels } from '../context';
import { Person, MigrationStatus } from '../person/person.type';
import type { EpisodeRecord } from './episode.model';
import { toEpisode } from './episode.model';
import {
  checkMigrationEpisodeInput,
  checkRegisterDepartureInput,
  MigrationEpisodeInput,
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

/** Where episodes live, for corrections and voids. */
function episodes(models: MigrationModels) {
  return {
    entity: 'MigrationEpisode',
    connection: models.connection,
    Records: models.Episode,
    Versions: models.RecordVersion,
  };
}

type StayValues = ReturnType<typeof checkMigrationEpisodeInput>;

function describeStay(stay: Pick<EpisodeRecord, 'country' | 'departedOn' | 'returnedOn'>): string {
  const back = stay.returnedOn ? formatIsoDate(stay.returnedOn) : 'still abroad';
  return `${stay.country} ${formatIsoDate(stay.departedOn)}..${back}`;
}

/**
 * Inside a transaction: refuses a stay that overlaps another stay of the person (other than
 * `except`, the one being corrected). Stays may touch: a departure on the day of the last return
 * is allowed, as registerDeparture allows it; an open stay overlaps every later one.
 */
async function refuseOverlappingStay(
  models: MigrationModels,
  stay: StayValues,
  session: ClientSession,
  except: Types.ObjectId,
): Promise<void> {
  const clash = await models.Episode.findOne(
    {
      pin: stay.pin,
      _id: { $ne: except },
      ...(stay.returnedOn ? { departedOn: { $lt: stay.returnedOn } } : {}),
      $or: [{ returnedOn: null }, { returnedOn: { $gt: stay.departedOn } }],
    },
    null,
    { session },
  )
    .sort({ departedOn: 1 })
    .lean<EpisodeRecord>();
  if (clash) {
    throw badUserInput(
      'departedOn',
      describeStay(stay),
      `must not overlap the stay ${clash._id.toHexString()} (${describeStay(clash)})`,
    );
  }
}

/**
 * Inside a transaction, after a stay is corrected or voided: the person's status and destinations
 * are what their remaining stays say (abroad while the last is open, never left without any). The
 * person's document is written in every such transaction, so that it conflicts with a concurrent
 * departure, return or correction of the same person.
 */
async function syncPersonWithStays(
  models: MigrationModels,
  pin: string,
  session: ClientSession,
): Promise<void> {
  const stays = await models.Episode.find({ pin }, { country: 1, returnedOn: 1 }, { session })
    .sort({ departedOn: 1, _id: 1 })
    .lean<Pick<EpisodeRecord, 'country' | 'returnedOn'>[]>();
  const last = stays.at(-1);
  const status = !last
    ? MigrationStatus.NEVER_LEFT
    : last.returnedOn === null
      ? MigrationStatus.ABROAD
      : MigrationStatus.RETURNED;
  await models.Person.updateOne(
    { pin },
    { $set: { status, destinations: [...new Set(stays.map((stay) => stay.country))] } },
    { session },
  );
}

@Resolver(() => MigrationEpisode)
export class EpisodeResolver {
  @FieldResolver(() => [MigrationEpisode], {
    nullable: true,
    description:
      'The earlier versions of this stay, oldest first, each with why it was superseded.',
  })
  async versions(
    @Root() episode: MigrationEpisode,
    @Ctx() ctx: MigrationContext,
  ): Promise<MigrationEpisode[]> {
    return earlierVersionsOf(
      await ctx.loaders.episodeVersions.load(episode.id),
      episode,
      (snapshot) => toEpisode(snapshot as unknown as EpisodeRecord),
    );
  }

  @Mutation(() => MigrationEpisode, {
    description:
      'Corrects a stored stay of the same person: checked as a departure and return would be, and ' +
      "against the person's other stays; the person's status and destinations follow. The version " +
      'it replaces is kept with the reason.',
  })
  async correctMigrationEpisode(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being corrected, as last read.' })
    version: number,
    @Arg('input', () => MigrationEpisodeInput) input: MigrationEpisodeInput,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: MigrationContext,
  ): Promise<MigrationEpisode> {
    const values = checkMigrationEpisodeInput(input);
    const corrected = await correctRecord(
      ctx,
      episodes(ctx.models),
      { id, version, reason, pin: values.pin, dates: { departedOn: values.departedOn } },
      async (current, session) => {
        await refuseOverlappingStay(ctx.models, values, session, current._id);
        return values;
      },
      (stay, session) => syncPersonWithStays(ctx.models, stay.pin, session),
    );
    return toEpisode(corrected);
  }

  @Mutation(() => MigrationEpisode, {
    description:
      "Voids a stored stay: it no longer counts anywhere, and the person's status and destinations " +
      'follow. Returns the voided version, with the reason.',
  })
  async voidMigrationEpisode(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being voided, as last read.' })
    version: number,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: MigrationContext,
  ): Promise<MigrationEpisode> {
    const { record, superseded } = await voidRecord(
      ctx,
      episodes(ctx.models),
      { id, version, reason },
      undefined,
      (stay, session) => syncPersonWithStays(ctx.models, stay.pin, session),
    );
    return { ...toEpisode(record), superseded };
  }

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
      await recordChangeEvent(ctx.models, session, {
        type: 'PERSON_RETURNED',
        recordId: closed._id.toHexString(),
        pin: input.pin,
      });
      return toEpisode(closed);
    });
  }
}
