import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { QueryFilter } from 'mongoose';
import { checkDatesNotBeforeBirth, conflict, describeValue, formatIsoDate } from '@jol/schema';
import type { LabourContext } from '../context';
import { Person } from '../person/person.type';
import {
  checkRecordEmploymentInput,
  RecordEmploymentInput,
  type EmploymentValues,
} from './employment.inputs';
import { toEmploymentRecord, type EmploymentRecordRecord } from './employment.model';
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
  async employment(@Root() person: Person, @Ctx() ctx: LabourContext): Promise<EmploymentRecord[]> {
    return (await ctx.loaders.employmentByPin.load(person.pin)).map((record) => ({
      ...toEmploymentRecord(record),
      homeRegion: person.homeRegion,
    }));
  }
}

@Resolver(() => EmploymentRecord)
export class EmploymentRecordResolver {
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
    const { connection, EmploymentRecord: Records, EmploymentGuard } = ctx.models;
    return connection.transaction(async (session) => {
      // Written first, so that a concurrent write for the same PIN conflicts and is retried.
      await EmploymentGuard.updateOne(
        { _id: values.pin },
        { $inc: { writes: 1 } },
        { upsert: true, session },
      );
      const clash = await Records.findOne(
        overlappingEmploymentQuery(values),
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
      const [created] = await Records.create([values], { session });
      return toEmploymentRecord(created.toObject());
    });
  }
}
