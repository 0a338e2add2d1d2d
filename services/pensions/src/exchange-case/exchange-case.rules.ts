import { rule } from 'graphql-shield';
import {
  allow,
  decideInstitutionActive,
  decideRegisteredSubject,
  decideSubmit,
  decideTiedToCountry,
  readRule,
  type AccessRules,
  type Subject,
} from '@jol/kernel';
import type { PensionsContext } from '../context';
import { InsurancePeriodSource } from '../insurance-period/insurance-period.type';
import { PensionPartnerStatus } from '../partner/partner.type';

/**
 * The institutions among `codes` that are ACTIVE in the registry: a suspended (or unknown)
 * institution reaches no case, whatever cases it opened before.
 */
export async function activePartners(
  codes: readonly string[],
  context: PensionsContext,
): Promise<string[]> {
  const { partners } = await context.loaders.partnerRegistry.load();
  return [...new Set(codes)].filter(
    (code) => partners.get(code)?.status === PensionPartnerStatus.ACTIVE,
  );
}

/** The person of a case and the one institution it belongs to (none for an unknown case). */
export async function caseSubject(caseId: string, context: PensionsContext): Promise<Subject> {
  const record = await context.loaders.exchangeCaseById.load(caseId);
  if (!record) return { partners: [] };
  return { pin: record.pin, partners: await activePartners([record.partner], context) };
}

/** A person and every institution with a case for them: a partner reaches only those persons. */
export async function personSubject(pin: string, context: PensionsContext): Promise<Subject> {
  const cases = await context.loaders.exchangeCasesByPin.load(pin);
  return {
    pin,
    partners: await activePartners(
      cases.map((record) => record.partner),
      context,
    ),
  };
}

const COORDINATE_OPEN = 'Mutation.openPensionExchangeCase';

/**
 * Whether the Social Fund itself knows the person was insured in `country`: a period there that an
 * officer recorded. A partner's own reports do not count, or a partner could vouch for itself.
 */
async function insuredIn(pin: string, country: string, context: PensionsContext) {
  const periods = await context.loaders.insurancePeriodsByPin.load(pin);
  return periods.some(
    (p) => p.country === country && p.source !== InsurancePeriodSource.PARTNER_REPORTED,
  );
}

/**
 * Opening a case: a role that submits exchange messages, for its purpose, whose `partner` claim
 * names an ACTIVE institution of the registry (a suspended or unknown one is refused), for a PIN
 * the person register knows (asked under the service identity: a partner may not read persons)
 * and who has a tie to the institution's country known to Jol: a stay there in the register, or
 * insurance there recorded by the Social Fund. A made-up identifier for any PIN opens nothing.
 */
const openCase = rule('submit:openPensionExchangeCase', { cache: 'no_cache' })(async (
  _parent,
  args: { input: { pin: string } },
  context: PensionsContext,
) => {
  const decision = decideSubmit(context, COORDINATE_OPEN, 'pensionExchange', {
    pin: args.input.pin,
  });
  if (decision !== true) return decision;
  const { partners } = await context.loaders.partnerRegistry.load();
  const partner = partners.get(context.caller?.partner ?? '');
  const active = partner?.status === PensionPartnerStatus.ACTIVE;
  const institution = decideInstitutionActive(context, COORDINATE_OPEN, args.input.pin, active);
  if (institution !== true) return institution;
  const registered = await decideRegisteredSubject(context, COORDINATE_OPEN, args.input.pin);
  if (registered !== true) return registered;
  return decideTiedToCountry(context, COORDINATE_OPEN, args.input.pin, partner!.country, () =>
    insuredIn(args.input.pin, partner!.country, context),
  );
});

export const exchangeCaseRules: AccessRules = {
  Query: {
    pensionExchangeCase: readRule<unknown, { caseId: string }>(
      'Query.pensionExchangeCase',
      (_parent, args, context) => caseSubject(args.caseId, context as PensionsContext),
    ),
    pensionExchangeCases: readRule<unknown, { pin: string }>(
      'Query.pensionExchangeCases',
      (_parent, args, context) => personSubject(args.pin, context as PensionsContext),
    ),
  },
  Mutation: { openPensionExchangeCase: openCase },
  // Reached only through the guarded queries and mutations above.
  PensionExchangeCase: {
    caseId: allow,
    pin: allow,
    foreignId: allow,
    openedAt: allow,
    person: allow,
    partner: allow,
    agreement: allow,
    // What leaves for the partner's state: decided and audited on its own, with the person.
    kyrgyzPeriods: readRule<{ caseId: string }>(
      'PensionExchangeCase.kyrgyzPeriods',
      (parent, _args, context) => caseSubject(parent.caseId, context as PensionsContext),
    ),
  },
  PensionExchangePeriod: allow,
};
