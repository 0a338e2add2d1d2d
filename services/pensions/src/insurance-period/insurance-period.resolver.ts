import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { checkDatesNotBeforeBirth } from '@jol/schema';
import type { PensionsContext } from '../context';
import { Person } from '../person/person.type';
import {
  checkRecordInsurancePeriodInput,
  RecordInsurancePeriodInput,
} from './insurance-period.inputs';
import { toInsurancePeriod } from './insurance-period.model';
import { InsurancePeriod } from './insurance-period.type';
import { writeInsurancePeriod } from './insurance-period.writer';

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
}
