import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { checkDatesNotBeforeBirth } from '@jol/schema';
import type { PensionsContext } from '../context';
import { Person } from '../person/person.type';
import { parseAmount } from './contribution.amount';
import {
  checkRecordContributionInput,
  lastDayOfMonth,
  RecordContributionInput,
} from './contribution.inputs';
import { toContribution } from './contribution.model';
import { PensionContribution } from './contribution.type';

@Resolver(() => Person)
export class PersonContributionsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [PensionContribution], {
    nullable: true,
    description: 'Pension contributions, newest first.',
  })
  async contributions(
    @Root() person: Person,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionContribution[]> {
    return (await ctx.loaders.contributionsByPin.load(person.pin)).map(toContribution);
  }
}

@Resolver(() => PensionContribution)
export class ContributionResolver {
  @Mutation(() => PensionContribution, { description: 'Records a pension contribution.' })
  async recordContribution(
    @Arg('input', () => RecordContributionInput) input: RecordContributionInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionContribution> {
    checkRecordContributionInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, {
      paidOn: input.paidOn,
      periodMonth: lastDayOfMonth(input.periodMonth),
    });
    const amountHundredths = parseAmount(input.amount, input.currency);
    const created = await ctx.models.Contribution.create({
      pin: input.pin,
      paidOn: input.paidOn,
      periodMonth: input.periodMonth,
      amountHundredths,
      currency: input.currency,
      kind: input.kind,
    });
    return toContribution(created.toObject());
  }
}
