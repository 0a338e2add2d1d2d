import { defineEntity } from '@jol/kernel';
import { PensionExchangeInboxResolver } from './exchange-inbox.resolver';
import { exchangeInboxRules } from './exchange-inbox.rules';

/** A partner's inbox of the exchange's events. */
export const exchangeInboxEntity = defineEntity({
  resolvers: [PensionExchangeInboxResolver],
  rules: [exchangeInboxRules],
});
