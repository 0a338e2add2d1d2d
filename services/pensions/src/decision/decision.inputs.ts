import { Field, ID, InputType } from 'type-graphql';
import { badUserInput, DateScalar, formatIsoDate } from '@jol/kernel';
import { parseAmount } from '../contribution/contribution.amount';
import { PensionCurrency } from '../contribution/contribution.type';
import type { DecisionRecord } from '../exchange-document/exchange-document.model';
import { isDecisionCovered } from '../partner/partner.coverage';
import type { PartnerAgreementRecord, PensionAgreementRecord } from '../partner/partner.model';
import {
  PensionDecisionBasis,
  PensionDecisionResult,
  PensionDecisionType,
  PensionPaymentFrequency,
} from './decision.type';

@InputType({ description: 'A pension decision to send to the partner of a case (P6000).' })
export class RecordPensionDecisionInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => PensionDecisionType)
  type!: PensionDecisionType;

  @Field(() => PensionDecisionResult)
  result!: PensionDecisionResult;

  @Field(() => DateScalar, {
    description:
      "Not before the case's agreement entered into force, nor after its partner's state left it.",
  })
  effectiveOn!: Date;

  @Field(() => String, { nullable: true, description: 'Required when GRANTED, such as "8500.00".' })
  grossAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when GRANTED; not above gross.' })
  netAmount?: string | null;

  @Field(() => PensionCurrency, { nullable: true, description: 'Required when GRANTED.' })
  currency?: PensionCurrency | null;

  @Field(() => PensionPaymentFrequency, { nullable: true, description: 'Required when GRANTED.' })
  frequency?: PensionPaymentFrequency | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Required (1-10, each 1-500 characters) when REFUSED; none when GRANTED.',
  })
  refusalReasons?: string[] | null;

  @Field(() => PensionDecisionBasis)
  basis!: PensionDecisionBasis;
}

/**
 * A decision is consistent with its result: a grant has amounts (net not above gross), a currency
 * and a frequency and no refusal reasons; a refusal has reasons and nothing to pay. It takes
 * effect while the case's agreement applies to its partner: once in force, and not after the
 * partner's state left it (the partner could never read it). Throws BAD_USER_INPUT naming the
 * value.
 */
export function checkRecordDecisionInput(
  input: RecordPensionDecisionInput,
  agreement: PensionAgreementRecord,
  relied: Pick<PartnerAgreementRecord, 'endedOn'>,
): DecisionRecord {
  if (input.effectiveOn < agreement.inForceFrom) {
    throw badUserInput(
      'effectiveOn',
      formatIsoDate(input.effectiveOn),
      `must not be before ${formatIsoDate(agreement.inForceFrom)}, when ${agreement._id} entered into force`,
    );
  }
  if (!isDecisionCovered(agreement, relied, input.effectiveOn)) {
    throw badUserInput(
      'effectiveOn',
      formatIsoDate(input.effectiveOn),
      `must not be after ${formatIsoDate(relied.endedOn!)}, the last day ${agreement._id} applied to the partner of the case`,
    );
  }
  const reasons = (input.refusalReasons ?? []).map((reason) => reason.trim());
  const base = {
    type: input.type,
    result: input.result,
    effectiveOn: input.effectiveOn,
    basis: input.basis,
  };
  if (input.result === PensionDecisionResult.REFUSED) {
    if (
      reasons.length === 0 ||
      reasons.length > 10 ||
      reasons.some((r) => r.length === 0 || r.length > 500)
    )
      throw badUserInput(
        'refusalReasons',
        input.refusalReasons ?? [],
        'must hold 1-10 reasons of 1-500 characters for a refusal',
      );
    for (const field of ['grossAmount', 'netAmount', 'currency', 'frequency'] as const) {
      if (input[field] !== null && input[field] !== undefined)
        throw badUserInput(field, input[field], 'must be absent for a refusal');
    }
    return {
      ...base,
      grossHundredths: null,
      netHundredths: null,
      currency: null,
      frequency: null,
      refusalReasons: reasons,
    };
  }
  if (reasons.length > 0)
    throw badUserInput('refusalReasons', input.refusalReasons, 'must be empty for a grant');
  if (!input.currency) throw badUserInput('currency', input.currency, 'is required for a grant');
  if (!input.frequency) throw badUserInput('frequency', input.frequency, 'is required for a grant');
  const gross = parseAmount(input.grossAmount ?? '', input.currency, 'grossAmount');
  const net = parseAmount(input.netAmount ?? '', input.currency, 'netAmount');
  if (net > gross)
    throw badUserInput(
      'netAmount',
      input.netAmount,
      `must not be above grossAmount (${input.grossAmount})`,
    );
  return {
    ...base,
    grossHundredths: gross,
    netHundredths: net,
    currency: input.currency,
    frequency: input.frequency,
    refusalReasons: [],
  };
}
