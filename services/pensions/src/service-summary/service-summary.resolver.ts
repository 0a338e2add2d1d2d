import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PensionsContext } from '../context';
import { Person } from '../person/person.type';
import { summariseService } from './service-summary.compute';
import { InsuranceServiceSummary } from './service-summary.type';

@Resolver(() => Person)
export class PersonServiceSummaryResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => InsuranceServiceSummary, {
    nullable: true,
    description:
      'Insurance service at home and abroad, computed from the insurance periods (no periods: all zero).',
  })
  async serviceSummary(
    @Root() person: Person,
    @Ctx() ctx: PensionsContext,
  ): Promise<InsuranceServiceSummary> {
    // The same loader as insurancePeriods: asking for both costs one read.
    return summariseService(await ctx.loaders.insurancePeriodsByPin.load(person.pin));
  }
}
