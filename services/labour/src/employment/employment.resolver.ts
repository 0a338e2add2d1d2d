import {
  Arg,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { ClientSession, QueryFilter, Types } from 'mongoose';
import {
  checkDatesNotBeforeBirth,
  conflict,
  correctRecord,
  describeValue,
  earlierVersionsOf,
  formatIsoDate,
  voidRecord,
} from '@jol/kernel';
import type { LabourContext, LabourModels } from '../context';
import { Person } from '../person/person.type';
import {
  checkRecordEmploymentInput,
  RecordEmploymentInput,
  type EmploymentValues,
} from './employment.inputs';
import {
  toEmploymentRecord,
  type EmploymentRecordRecord,
  type ScopedEmploymentRecord,
} from './employment.model';
import { EmploymentRecord } from './employment.type';

/**
 * The stored records of the same person, country and employer whose days (both ends inclusive,
 * a null end meaning ongoing) share at least one day with `values`.
 */
export function overlappingEmploymentQuery(
  values: EmploymentValues,
): QueryFilter<EmploymentRecordRecord> {
  return {
    pin: values.pin,
    country: values.country,
    employer: values.employer,
    ...(values.to ? { from: { $lte: values.to } } : {}),
    $or: [{ to: null }, { to: { $gte: values.from } }],
  };
}

function describePeriod(from: Date, to: Date | null): string {
  return `${formatIsoDate(from)} to ${to ? formatIsoDate(to) : 'ongoing'}`;
}

@Resolver(() => Person)
export class PersonEmploymentResolver {
  /** Each record carries the person's home region, the subject of its detail fields' rules. */
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [EmploymentRecord], {
    nullable: true,
    description: 'Jobs abroad, oldest first.',
  })
  async employment(
    @Root() person: Person,
    @Ctx() ctx: LabourContext,
  ): Promise<ScopedEmploymentRecord[]> {
    return (await ctx.loaders.employmentByPin.load(person.pin)).map((record) => ({
      ...toEmploymentRecord(record),
      homeRegion: person.homeRegion,
    }));
  }
}

/** Where employment records live, for corrections and voids. */
function employmentRecords(models: LabourModels) {
  return {
    entity: 'EmploymentRecord',
    connection: models.connection,
    Records: models.EmploymentRecord,
    Versions: models.RecordVersion,
  };
}

/**
 * Inside a transaction: bumps the person's guard first, so that a concurrent write for the same
 * PIN conflicts and is retried.
 */
async function guardEmployment(models: LabourModels, pin: string, session: ClientSession) {
  await models.EmploymentGuard.updateOne(
    { _id: pin },
    { $inc: { writes: 1 } },
    { upsert: true, session },
  );
}

/**
 * Inside a transaction, after `guardEmployment`: refuses values that overlap a stored record of the
 * person with the same employer and country, other than `except` (the record being corrected).
 */
async function refuseOverlap(
  models: LabourModels,
  values: EmploymentValues,
  session: ClientSession,
  except?: Types.ObjectId,
): Promise<void> {
  const clash = await models.EmploymentRecord.findOne(
    { ...overlappingEmploymentQuery(values), ...(except ? { _id: { $ne: except } } : {}) },
    { from: 1, to: 1 },
    { session },
  )
    .sort({ from: 1 })
    .lean<Pick<EmploymentRecordRecord, 'from' | 'to'>>();
  if (clash) {
    throw conflict(
      `Employment of ${values.pin} with ${describeValue(values.employer)} in ${values.country} from ` +
        `${describePeriod(values.from, values.to)} overlaps the record from ${describePeriod(clash.from, clash.to)}`,
      'from',
    );
  }
}

@Resolver(() => EmploymentRecord)
export class EmploymentRecordResolver {
  /** Earlier versions carry the record's home region, for their detail fields' rules. */
  @FieldResolver(() => [EmploymentRecord], {
    nullable: true,
    description:
      'The earlier versions of this record, oldest first, each with why it was superseded.',
  })
  async versions(
    @Root() record: ScopedEmploymentRecord,
    @Ctx() ctx: LabourContext,
  ): Promise<ScopedEmploymentRecord[]> {
    return earlierVersionsOf(
      await ctx.loaders.employmentVersions.load(record.id),
      record,
      (snapshot) => ({
        ...toEmploymentRecord(snapshot as unknown as EmploymentRecordRecord),
        homeRegion: record.homeRegion,
      }),
    );
  }

  @Mutation(() => EmploymentRecord, {
    description:
      'Records a job abroad; it may not overlap another job of the same person with the same employer.',
  })
  async recordEmployment(
    @Arg('input', () => RecordEmploymentInput) input: RecordEmploymentInput,
    @Ctx() ctx: LabourContext,
  ): Promise<EmploymentRecord> {
    const values = checkRecordEmploymentInput(input);
    await checkDatesNotBeforeBirth(ctx, values.pin, { from: values.from });
    const { connection, EmploymentRecord: Records } = ctx.models;
    return connection.transaction(async (session) => {
      await guardEmployment(ctx.models, values.pin, session);
      await refuseOverlap(ctx.models, values, session);
      const [created] = await Records.create([values], { session });
      return toEmploymentRecord(created.toObject());
    });
  }

  @Mutation(() => EmploymentRecord, {
    description:
      'Corrects a stored job of the same person: checked as a new record would be, the record ' +
      'itself left out of the overlap check; the version it replaces is kept with the reason.',
  })
  async correctEmploymentRecord(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being corrected, as last read.' })
    version: number,
    @Arg('input', () => RecordEmploymentInput) input: RecordEmploymentInput,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: LabourContext,
  ): Promise<EmploymentRecord> {
    const values = checkRecordEmploymentInput(input);
    const corrected = await correctRecord(
      ctx,
      employmentRecords(ctx.models),
      { id, version, reason, pin: values.pin, dates: { from: values.from } },
      async (current, session) => {
        await guardEmployment(ctx.models, current.pin, session);
        await refuseOverlap(ctx.models, values, session, current._id);
        return values;
      },
    );
    return toEmploymentRecord(corrected);
  }

  @Mutation(() => EmploymentRecord, {
    description:
      'Voids a stored job: it no longer counts anywhere. Returns the voided version, with the reason.',
  })
  async voidEmploymentRecord(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being voided, as last read.' })
    version: number,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: LabourContext,
  ): Promise<EmploymentRecord> {
    const { record, superseded } = await voidRecord(
      ctx,
      employmentRecords(ctx.models),
      { id, version, reason },
      (current, session) => guardEmployment(ctx.models, current.pin, session),
    );
    return { ...toEmploymentRecord(record), superseded };
  }
}
