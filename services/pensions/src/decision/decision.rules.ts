import { rule } from 'graphql-shield';
import {
  allow,
  coordinateOf,
  decideSubjectScope,
  decideWrite,
  type AccessRules,
} from '@jol/kernel';
import type { PensionsContext } from '../context';

/**
 * Decisions are the Social Fund's writes; the audit names the person of the case, whose scope
 * (region, existence) is decided before the case's documents or decisions are read.
 */
const recordDecision = rule('write:recordPensionDecision', { cache: 'no_cache' })(async (
  _parent,
  args: { input: { caseId: string } },
  context: PensionsContext,
  info,
) => {
  const coordinate = coordinateOf(info);
  const granted = decideWrite(context, coordinate, 'pensions', undefined);
  if (granted !== true) return granted;
  const exchangeCase = await context.loaders.exchangeCaseById.load(args.input.caseId);
  // Decided again for the case's person, once known, so that the audit names them.
  if (exchangeCase) decideWrite(context, coordinate, 'pensions', exchangeCase.pin);
  return decideSubjectScope(context, coordinate, exchangeCase?.pin ?? null);
});

export const decisionRules: AccessRules = {
  Mutation: { recordPensionDecision: recordDecision },
  PensionExchangeCase: { decisions: allow },
  PensionDecision: allow,
};
