import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, partnerScopeOf, PinScalar, today } from '@jol/kernel';
import type { PensionsContext } from '../context';
import { PensionExchangePeriod } from '../exchange-document/exchange-document.type';
import { isKyrgyzInsurance } from '../insurance-period/insurance-period.type';
import {
  caseAgreementOf,
  coverageOf,
  periodsCoveredBy,
  reliedOn,
} from '../partner/partner.coverage';
import { toPensionAgreement, toPensionPartner } from '../partner/partner.model';
import { PensionAgreement, PensionPartner } from '../partner/partner.type';
import { Person } from '../person/person.type';
import { daysInclusive, toServiceLength } from '../service-summary/service-summary.compute';
import { checkOpenCaseInput, OpenPensionExchangeCaseInput } from './exchange-case.inputs';
import { toExchangeCase } from './exchange-case.model';
import { PensionExchangeCase } from './exchange-case.type';
import { openExchangeCase } from './exchange-case.writer';

@Resolver(() => PensionExchangeCase)
export class PensionExchangeCaseResolver {
  @Query(() => PensionExchangeCase, {
    nullable: true,
    description: 'One exchange case; a partner institution reaches only its own.',
  })
  async pensionExchangeCase(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeCase | null> {
    const record = await ctx.loaders.exchangeCaseById.load(caseId);
    return record ? toExchangeCase(record) : null;
  }

  @Query(() => [PensionExchangeCase], {
    description:
      "A person's exchange cases, oldest first; a partner institution gets only its own, and only for a person it has a case with.",
  })
  async pensionExchangeCases(
    @Arg('pin', () => PinScalar) pin: string,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeCase[]> {
    const scope = partnerScopeOf(ctx, 'pensionExchange');
    return (await ctx.loaders.exchangeCasesByPin.load(pin))
      .filter((record) => scope === null || record.partner === scope)
      .map(toExchangeCase);
  }

  @Mutation(() => PensionExchangeCase, {
    description:
      "Opens your institution's case for a person under an agreement it relies on; opening it again returns the same case.",
  })
  async openPensionExchangeCase(
    @Arg('input', () => OpenPensionExchangeCaseInput) input: OpenPensionExchangeCaseInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeCase> {
    const registry = await ctx.loaders.partnerRegistry.load();
    const partner = registry.partners.get(ctx.caller?.partner ?? '');
    if (!partner) throw forbidden('Mutation.openPensionExchangeCase');
    const checked = checkOpenCaseInput(input, partner, registry);
    const record = await openExchangeCase(ctx.models, partner._id, checked, ctx.caller!.sub);
    return toExchangeCase(record);
  }

  @FieldResolver(() => Person, { description: 'The person, for the fields your role may read.' })
  person(@Root() exchangeCase: PensionExchangeCase): Person {
    return { pin: exchangeCase.pin };
  }

  @FieldResolver(() => PensionPartner)
  async partner(
    @Root() exchangeCase: PensionExchangeCase,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionPartner> {
    const { partners, agreements } = await ctx.loaders.partnerRegistry.load();
    const partner = partners.get(exchangeCase.partnerCode);
    if (!partner)
      throw new Error(
        `case ${exchangeCase.caseId} names unknown partner ${exchangeCase.partnerCode}`,
      );
    return toPensionPartner(partner, agreements);
  }

  @FieldResolver(() => PensionAgreement)
  async agreement(
    @Root() exchangeCase: PensionExchangeCase,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionAgreement> {
    const { agreements } = await ctx.loaders.partnerRegistry.load();
    const agreement = agreements.get(exchangeCase.agreementCode);
    if (!agreement)
      throw new Error(
        `case ${exchangeCase.caseId} names unknown agreement ${exchangeCase.agreementCode}`,
      );
    return toPensionAgreement(agreement);
  }

  @FieldResolver(() => [PensionExchangePeriod], {
    description:
      "The person's Kyrgyz insurance periods that the case's agreement covers, clipped to it, oldest first (P5000 out); none once the partner's state has left the agreement.",
  })
  async kyrgyzPeriods(
    @Root() exchangeCase: PensionExchangeCase,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangePeriod[]> {
    const under = caseAgreementOf(await ctx.loaders.partnerRegistry.load(), exchangeCase);
    // A partner whose state has left the agreement receives no more periods under it.
    const window =
      under && reliedOn(under.relied, today()) ? coverageOf(under.agreement, under.relied) : null;
    const kyrgyz = (await ctx.loaders.insurancePeriodsByPin.load(exchangeCase.pin)).filter((p) =>
      isKyrgyzInsurance(p.source),
    );
    return periodsCoveredBy(window ? [window] : [], kyrgyz).map((period) => {
      const { years, months, days } = toServiceLength(daysInclusive(period.from, period.to));
      return {
        country: 'KG',
        from: period.from,
        to: period.to,
        type: period.type,
        years,
        months,
        days,
      };
    });
  }
}
