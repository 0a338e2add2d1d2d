import { defineEntity } from '@jol/kernel';
import {
  PensionDecisionResolver,
  PensionExchangeCaseDecisionsResolver,
  PensionExchangeDocumentDecisionResolver,
} from './decision.resolver';
import { decisionRules } from './decision.rules';

/** Pension decisions recorded in exchange cases. */
export const decisionEntity = defineEntity({
  resolvers: [
    PensionDecisionResolver,
    PensionExchangeCaseDecisionsResolver,
    PensionExchangeDocumentDecisionResolver,
  ],
  rules: [decisionRules],
});
