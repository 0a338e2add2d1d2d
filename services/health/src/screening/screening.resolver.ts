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
import {
  checkDatesNotBeforeBirth,
  correctRecord,
  earlierVersionsOf,
  voidRecord,
} from '@jol/kernel';
import type { HealthContext, HealthModels } from '../context';
import { Person } from '../person/person.type';
import { checkRecordScreeningInput, RecordScreeningInput } from './screening.inputs';
import { toHealthScreening, type HealthScreeningRecord } from './screening.model';
import { HealthScreening } from './screening.type';

/** Where screenings live, for corrections and voids. */
function screenings(models: HealthModels) {
  return {
    entity: 'HealthScreening',
    connection: models.connection,
    Records: models.HealthScreening,
    Versions: models.RecordVersion,
  };
}

@Resolver(() => Person)
export class PersonScreeningsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [HealthScreening], {
    nullable: true,
    description: 'Health screenings, newest first.',
  })
  async screenings(@Root() person: Person, @Ctx() ctx: HealthContext): Promise<HealthScreening[]> {
    return (await ctx.loaders.screeningsByPin.load(person.pin)).map(toHealthScreening);
  }
}

@Resolver(() => HealthScreening)
export class HealthScreeningResolver {
  @FieldResolver(() => [HealthScreening], {
    nullable: true,
    description:
      'The earlier versions of this screening, oldest first, each with why it was superseded.',
  })
  async versions(
    @Root() screening: HealthScreening,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthScreening[]> {
    return earlierVersionsOf(
      await ctx.loaders.screeningVersions.load(screening.id),
      screening,
      (snapshot) => toHealthScreening(snapshot as unknown as HealthScreeningRecord),
    );
  }

  @Mutation(() => HealthScreening, { description: 'Records the result of one screening.' })
  async recordScreening(
    @Arg('input', () => RecordScreeningInput) input: RecordScreeningInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthScreening> {
    const values = checkRecordScreeningInput(input);
    await checkDatesNotBeforeBirth(ctx, values.pin, { screenedOn: values.screenedOn });
    const screening = await ctx.models.HealthScreening.create(values);
    return toHealthScreening(screening.toObject());
  }

  @Mutation(() => HealthScreening, {
    description:
      'Corrects a stored screening of the same person, checked as a new one would be; the ' +
      'version it replaces is kept with the reason.',
  })
  async correctHealthScreening(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being corrected, as last read.' })
    version: number,
    @Arg('input', () => RecordScreeningInput) input: RecordScreeningInput,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthScreening> {
    const values = checkRecordScreeningInput(input);
    const corrected = await correctRecord(
      ctx,
      screenings(ctx.models),
      { id, version, reason, pin: input.pin, dates: { screenedOn: values.screenedOn } },
      async () => values,
    );
    return toHealthScreening(corrected);
  }

  @Mutation(() => HealthScreening, {
    description:
      'Voids a stored screening: it no longer counts anywhere. Returns the voided version, with the reason.',
  })
  async voidHealthScreening(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being voided, as last read.' })
    version: number,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthScreening> {
    const { record, superseded } = await voidRecord(ctx, screenings(ctx.models), {
      id,
      version,
      reason,
    });
    return { ...toHealthScreening(record), superseded };
  }
}
