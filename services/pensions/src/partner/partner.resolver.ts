import { Ctx, Query, Resolver } from 'type-graphql';
import type { PensionsContext } from '../context';
import { toPensionAgreement, toPensionPartner } from './partner.model';
import { PensionAgreement, PensionPartner } from './partner.type';

@Resolver(() => PensionPartner)
export class PensionPartnerResolver {
  @Query(() => [PensionPartner], {
    description: 'The partner pension institutions and the agreements each relies on.',
  })
  async pensionPartners(@Ctx() ctx: PensionsContext): Promise<PensionPartner[]> {
    const { partners, agreements } = await ctx.loaders.partnerRegistry.load();
    return [...partners.values()].map((partner) => toPensionPartner(partner, agreements));
  }

  @Query(() => [PensionAgreement], {
    description: 'The agreements the Social Fund exchanges pension data under.',
  })
  async pensionAgreements(@Ctx() ctx: PensionsContext): Promise<PensionAgreement[]> {
    const { agreements } = await ctx.loaders.partnerRegistry.load();
    return [...agreements.values()].map(toPensionAgreement);
  }
}
