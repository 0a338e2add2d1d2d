import { rule } from 'graphql-shield';
import { allow, notAuthenticated, type AccessRules, type JolContext } from '@jol/kernel';

/** Reference data about institutions and treaties, no person in it: any authenticated caller. */
const authenticated = rule('authenticated', { cache: 'contextual' })(
  (_parent, _args, context: JolContext) => (context.caller ? true : notAuthenticated()),
);

export const partnerRules: AccessRules = {
  Query: { pensionPartners: authenticated, pensionAgreements: authenticated },
  PensionPartner: allow,
  PensionPartnerAgreement: allow,
  PensionAgreement: allow,
};
