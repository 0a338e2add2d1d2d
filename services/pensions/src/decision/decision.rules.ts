import { rule } from 'graphql-shield';
import { allow, coordinateOf, decideWrite, type AccessRules } from '@jol/schema';
import type { PensionsContext } from '../context';

/** Decisions are the Social Fund's writes; the audit names the person of the case. */
const recordDecision = rule('write:recordPensionDecision', { cache: 'no_cache' })(async (
  _parent,
  args: { input: { caseId: string } },
  context: PensionsContext,
  info,
) => {
  const exchangeCase = await context.loaders.exchangeCaseById.load(args.input.caseId);
  return decideWrite(context, coordinateOf(info), 'pensions', exchangeCase?.pin);
});

export const decisionRules: AccessRules = {
  Mutation: { recordPensionDecision: recordDecision },
  PensionExchangeCase: { decisions: allow },
  PensionDecision: allow,
};
