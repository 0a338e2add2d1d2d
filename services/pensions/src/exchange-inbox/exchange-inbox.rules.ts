import { rule } from 'graphql-shield';
import { allow, decidePartnerInbox, forbidden, type AccessRules } from '@jol/kernel';
import type { PensionsContext } from '../context';
import { activePartners } from '../exchange-case/exchange-case.rules';

const COORDINATE = 'Query.pensionExchangeInbox';

/** A partner institution's own inbox, while the registry lists it ACTIVE. */
const ownInbox = rule('read:pensionExchangeInbox', { cache: 'no_cache' })(async (
  _parent,
  _args,
  context: PensionsContext,
) => {
  const decision = decidePartnerInbox(context, COORDINATE);
  if (!('partner' in decision)) return decision;
  const [active] = await activePartners([decision.partner], context);
  return active ? true : forbidden(COORDINATE);
});

export const exchangeInboxRules: AccessRules = {
  Query: { pensionExchangeInbox: ownInbox },
  PensionExchangeInbox: allow,
  PensionExchangeNotice: allow,
};
