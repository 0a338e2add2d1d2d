import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CONSENT_RECIPIENTS } from '@jol/schema';
import { DateScalar, PinScalar } from '@jol/kernel';

/** The agencies whose officers a person may let see the health certificate. */
export enum ConsentRecipient {
  MIGRATION = 'MIGRATION',
  LABOUR = 'LABOUR',
  PENSIONS = 'PENSIONS',
}
registerEnumType(ConsentRecipient, {
  name: 'ConsentRecipient',
  description:
    "An agency outside health that may read a person's fitness for work abroad by consent.",
  valuesConfig: {
    MIGRATION: { description: 'State Migration Service (MIGRATION_OFFICER).' },
    LABOUR: { description: 'Ministry of Labour, Social Security and Migration (LABOUR_OFFICER).' },
    PENSIONS: { description: 'Social Fund (PENSION_OFFICER).' },
  },
});

/** The policy table's name for each recipient, the key of CONSENT_RECIPIENTS. */
export const CONSENT_RECIPIENT_AGENCY: Record<ConsentRecipient, keyof typeof CONSENT_RECIPIENTS> = {
  [ConsentRecipient.MIGRATION]: 'migration',
  [ConsentRecipient.LABOUR]: 'labour',
  [ConsentRecipient.PENSIONS]: 'pensions',
};

@ObjectType({
  description:
    "A person's consent that officers of one agency, for one purpose, may see Person.fitForWorkAbroad. " +
    'It never opens screenings, TB cases or insurance.',
})
export class HealthConsent {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => ConsentRecipient)
  recipientAgency!: ConsentRecipient;

  @Field(() => String, {
    description:
      "The recipient's declared purpose (X-Purpose) the consent covers, e.g. EMPLOYMENT_SERVICES.",
  })
  purpose!: string;

  @Field(() => DateScalar)
  grantedAt!: Date;

  @Field(() => DateScalar, { description: 'Last day the consent holds (inclusive).' })
  expiresOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Null while not revoked.' })
  revokedAt!: Date | null;

  @Field(() => String, { description: 'Who recorded the grant (token subject).' })
  recordedBy!: string;

  @Field(() => String, {
    description: 'The role it was recorded as: HEALTH_OFFICER or DATA_SUBJECT.',
  })
  recordedAs!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who revoked it (token subject); null while not revoked.',
  })
  revokedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The role it was revoked as; null while not revoked.',
  })
  revokedAs!: string | null;

  @Field(() => Boolean, { description: 'Not revoked and not past expiresOn, as of today.' })
  active!: boolean;
}
