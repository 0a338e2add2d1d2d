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
import type { PensionsContext, PensionsModels } from '../context';
import { Person } from '../person/person.type';
import {
  checkRecordInsurancePeriodInput,
  RecordInsurancePeriodInput,
} from './insurance-period.inputs';
import { toInsurancePeriod, type InsurancePeriodRecord } from './insurance-period.model';
import { InsurancePeriod } from './insurance-period.type';
import {
  ensureInsurancePeriodLock,
  lockInsurancePeriods,
  refuseOverlap,
  writeInsurancePeriod,
} from './insurance-period.writer';

/** Where insurance periods live, for corrections and voids. */
function insurancePeriods(models: PensionsModels) {
  return {
    entity: 'InsurancePeriod',
    connection: models.connection,
    Records: models.InsurancePeriod,
    Versions: models.RecordVersion,
  };
}

@Resolver(() => Person)
export class PersonInsurancePeriodsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [InsurancePeriod], {
    nullable: true,
    description: 'Insurance periods at home and abroad, oldest first.',
  })
  async insurancePeriods(
    @Root() person: Person,
    @Ctx() ctx: PensionsContext,
  ): Promise<InsurancePeriod[]> {
    return (await ctx.loaders.insurancePeriodsByPin.load(person.pin)).map(toInsurancePeriod);
  }
}

@Resolver(() => InsurancePeriod)
export class InsurancePeriodResolver {
  @FieldResolver(() => [InsurancePeriod], {
    nullable: true,
    description:
      'The earlier versions of this period, oldest first, each with why it was superseded.',
  })
  async versions(
    @Root() period: InsurancePeriod,
    @Ctx() ctx: PensionsContext,
  ): Promise<InsurancePeriod[]> {
    return earlierVersionsOf(
      await ctx.loaders.insurancePeriodVersions.load(period.id),
      period,
      (snapshot) => toInsurancePeriod(snapshot as unknown as InsurancePeriodRecord),
    );
  }

  @Mutation(() => InsurancePeriod, {
    description:
      "Records an insurance period; it must not overlap any of the person's stored periods, in any country.",
  })
  async recordInsurancePeriod(
    @Arg('input', () => RecordInsurancePeriodInput) input: RecordInsurancePeriodInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<InsurancePeriod> {
    checkRecordInsurancePeriodInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { from: input.from });
    const record = await writeInsurancePeriod(ctx.models, {
      pin: input.pin,
      country: input.country,
      from: input.from,
      to: input.to,
      type: input.type,
      source: input.source,
    });
    return toInsurancePeriod(record);
  }

  @Mutation(() => InsurancePeriod, {
    description:
      'Corrects a stored period of the same person: checked as a new period would be, the period ' +
      'itself left out of the overlap check; the version it replaces is kept with the reason.',
  })
  async correctInsurancePeriod(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being corrected, as last read.' })
    version: number,
    @Arg('input', () => RecordInsurancePeriodInput) input: RecordInsurancePeriodInput,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: PensionsContext,
  ): Promise<InsurancePeriod> {
    checkRecordInsurancePeriodInput(input);
    const values = {
      pin: input.pin,
      country: input.country,
      from: input.from,
      to: input.to,
      type: input.type,
      source: input.source,
    };
    await ensureInsurancePeriodLock(ctx.models.InsurancePeriodLock, input.pin);
    const corrected = await correctRecord(
      ctx,
      insurancePeriods(ctx.models),
      { id, version, reason, pin: input.pin, dates: { from: input.from } },
      async (current, session) => {
        await lockInsurancePeriods(ctx.models, current.pin, session);
        await refuseOverlap(ctx.models, values, session, current._id);
        return values;
      },
    );
    return toInsurancePeriod(corrected);
  }

  @Mutation(() => InsurancePeriod, {
    description:
      'Voids a stored period: it no longer counts anywhere. Returns the voided version, with the reason.',
  })
  async voidInsurancePeriod(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being voided, as last read.' })
    version: number,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: PensionsContext,
  ): Promise<InsurancePeriod> {
    const { record, superseded } = await voidRecord(
      ctx,
      insurancePeriods(ctx.models),
      { id, version, reason },
      (current, session) => lockInsurancePeriods(ctx.models, current.pin, session),
    );
    return { ...toInsurancePeriod(record), superseded };
  }
}
