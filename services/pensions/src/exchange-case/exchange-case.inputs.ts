import { Field, InputType } from 'type-graphql';
import { badUserInput, PinScalar, today } from '@jol/kernel';
import type { PartnerRegistry } from '../partner/partner.loader';
import type { PartnerAgreementRecord, PensionPartnerRecord } from '../partner/partner.model';
import { reliedOn } from '../partner/partner.coverage';
import { normalizeForeignId } from './exchange-case.foreign-id';

@InputType()
export class OpenPensionExchangeCaseInput {
  @Field(() => PinScalar, { description: 'The Kyrgyz PIN of the person.' })
  pin!: string;

  @Field(() => String, {
    description: "The person's identifier at your institution (SNILS, IIN, TCKN).",
  })
  foreignId!: string;

  @Field(() => String, { description: 'The code of an agreement your institution relies on.' })
  agreement!: string;
}

/** A case input checked against the partner's registry entry: its identifier and its agreement. */
export interface CheckedCaseInput {
  pin: string;
  foreignId: string;
  agreement: string;
}

/**
 * The agreement must be one the partner relies on today and in force; the identifier must be of
 * the kind the partner uses. Throws BAD_USER_INPUT naming the value otherwise.
 */
export function checkOpenCaseInput(
  input: OpenPensionExchangeCaseInput,
  partner: PensionPartnerRecord,
  registry: PartnerRegistry,
  now = new Date(),
): CheckedCaseInput {
  const on = today(now);
  const usable = (relied: PartnerAgreementRecord) => {
    const agreement = registry.agreements.get(relied.agreement);
    return agreement !== undefined && agreement.inForceFrom <= on && reliedOn(relied, on);
  };
  const codes = partner.agreements.filter(usable).map((relied) => relied.agreement);
  if (!codes.includes(input.agreement)) {
    throw badUserInput(
      'agreement',
      input.agreement,
      `must be an agreement ${partner._id} relies on today (${codes.join(', ') || 'none'})`,
    );
  }
  return {
    pin: input.pin,
    foreignId: normalizeForeignId(partner.personIdName, input.foreignId),
    agreement: input.agreement,
  };
}
