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
import { parseAmount } from './contribution.amount';
import {
  checkRecordContributionInput,
  lastDayOfMonth,
  RecordContributionInput,
} from './contribution.inputs';
import { toContribution, type ContributionRecord } from './contribution.model';
import { PensionContribution } from './contribution.type';

/** Where contributions live, for corrections and voids. */
function contributions(models: PensionsModels) {
  return {
    entity: 'PensionContribution',
    connection: models.connection,
    Records: models.Contribution,
    Versions: models.RecordVersion,
  };
}

/** What is stored for a valid input; the same for a new contribution and a corrected one. */
function contributionValues(input: RecordContributionInput) {
  checkRecordContributionInput(input);
  return {
    pin: input.pin,
    paidOn: input.paidOn,
    periodMonth: input.periodMonth,
    amountHundredths: parseAmount(input.amount, input.currency),
    currency: input.currency,
    kind: input.kind,
  };
}

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
  @FieldResolver(() => [PensionContribution], {
    nullable: true,
    description:
      'The earlier versions of this contribution, oldest first, each with why it was superseded.',
  })
  async versions(
    @Root() contribution: PensionContribution,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionContribution[]> {
    return earlierVersionsOf(
      await ctx.loaders.contributionVersions.load(contribution.id),
      contribution,
      (snapshot) => toContribution(snapshot as unknown as ContributionRecord),
    );
  }

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
    const created = await ctx.models.Contribution.create(contributionValues(input));
    return toContribution(created.toObject());
  }

  @Mutation(() => PensionContribution, {
    description:
      'Corrects a stored contribution of the same person, checked as a new one would be; the ' +
      'version it replaces is kept with the reason.',
  })
  async correctPensionContribution(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being corrected, as last read.' })
    version: number,
    @Arg('input', () => RecordContributionInput) input: RecordContributionInput,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionContribution> {
    const values = contributionValues(input);
    const corrected = await correctRecord(
      ctx,
      contributions(ctx.models),
      {
        id,
        version,
        reason,
        pin: input.pin,
        dates: { paidOn: input.paidOn, periodMonth: lastDayOfMonth(input.periodMonth) },
      },
      async () => values,
    );
    return toContribution(corrected);
  }

  @Mutation(() => PensionContribution, {
    description:
      'Voids a stored contribution: it no longer counts anywhere. Returns the voided version, with the reason.',
  })
  async voidPensionContribution(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version being voided, as last read.' })
    version: number,
    @Arg('reason', () => String, { description: 'Why, 3-500 characters.' }) reason: string,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionContribution> {
    const { record, superseded } = await voidRecord(ctx, contributions(ctx.models), {
      id,
      version,
      reason,
    });
    return { ...toContribution(record), superseded };
  }
}
