import { Types } from 'mongoose';
import { Field, ID, InputType } from 'type-graphql';
import { CONSENT_RECIPIENTS, ROLE_POLICY, type Purpose } from '@jol/schema';
import { badUserInput, isRecordId, DateScalar, formatIsoDate, PinScalar, today } from '@jol/kernel';
import { CONSENT_RECIPIENT_AGENCY, ConsentRecipient } from './consent.type';

/** How far ahead a consent may run. */
export const MAX_CONSENT_YEARS = 5;

@InputType()
export class GrantHealthConsentInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => ConsentRecipient)
  recipientAgency!: ConsentRecipient;

  @Field(() => String, {
    description:
      "A purpose the recipient agency's officers may declare: MIGRATION_REGISTRATION or RETURNEE_SUPPORT " +
      'for MIGRATION, EMPLOYMENT_SERVICES or RETURNEE_SUPPORT for LABOUR, PENSION_ASSESSMENT for PENSIONS.',
  })
  purpose!: string;

  @Field(() => DateScalar, {
    description: `Last day the consent holds: after today, at most ${MAX_CONSENT_YEARS} years ahead.`,
  })
  expiresOn!: Date;
}

@InputType()
export class RevokeHealthConsentInput {
  @Field(() => ID)
  id!: string;
}

/** The purposes a recipient agency's officers may declare, as the policy table says. */
export function consentPurposesOf(recipient: ConsentRecipient): readonly Purpose[] {
  return ROLE_POLICY[CONSENT_RECIPIENTS[CONSENT_RECIPIENT_AGENCY[recipient]]].purposes;
}

/** The same calendar day `years` later (29 February falls to 1 March). */
function yearsAfter(day: Date, years: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}

/** Everything a grant must satisfy beyond its scalar types; returns the values to store. */
export function checkGrantHealthConsentInput(input: GrantHealthConsentInput, now = new Date()) {
  const purposes = consentPurposesOf(input.recipientAgency);
  if (!(purposes as readonly string[]).includes(input.purpose)) {
    throw badUserInput(
      'purpose',
      input.purpose,
      `must be a purpose ${input.recipientAgency} officers may declare (${purposes.join(', ')})`,
    );
  }
  const first = today(now);
  const last = yearsAfter(first, MAX_CONSENT_YEARS);
  if (input.expiresOn <= first || input.expiresOn > last) {
    throw badUserInput(
      'expiresOn',
      formatIsoDate(input.expiresOn),
      `must be after today (${formatIsoDate(first)}) and at most ${MAX_CONSENT_YEARS} years ahead (${formatIsoDate(last)})`,
    );
  }
  return {
    pin: input.pin,
    recipientAgency: input.recipientAgency,
    purpose: input.purpose,
    expiresOn: input.expiresOn,
    grantedAt: first,
  };
}

/** Parses a HealthConsent id as the API hands it out (24 hexadecimal digits). */
export function parseConsentId(value: unknown, field = 'id'): Types.ObjectId {
  if (!isRecordId(value)) {
    throw badUserInput(field, value, 'must be a HealthConsent id of 24 hexadecimal digits');
  }
  return new Types.ObjectId(value.toLowerCase());
}
