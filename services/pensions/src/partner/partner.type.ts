import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar } from '@jol/kernel';

/** What an agreement gives a person with periods in both countries. */
export enum PensionAgreementBenefit {
  TOTALIZATION = 'TOTALIZATION',
  RESIDENCE = 'RESIDENCE',
  LUMP_SUM_REFUND = 'LUMP_SUM_REFUND',
}
registerEnumType(PensionAgreementBenefit, {
  name: 'PensionAgreementBenefit',
  description: 'What an agreement gives a person with insurance periods in both countries.',
  valuesConfig: {
    TOTALIZATION: {
      description:
        'Periods are summed for entitlement; each state pays for the periods earned on its territory.',
    },
    RESIDENCE: {
      description: 'The state of residence pays, counting the periods earned in the other states.',
    },
    LUMP_SUM_REFUND: {
      description: 'Contributions are refunded as a lump sum; periods are not summed.',
    },
  },
});

export enum PensionPartnerStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(PensionPartnerStatus, {
  name: 'PensionPartnerStatus',
  description: 'Whether a partner institution may exchange data now.',
});

@ObjectType({
  description: 'An international agreement the Social Fund exchanges pension data under.',
})
export class PensionAgreement {
  @Field(() => String, { description: 'Stable code, such as EAEU-2019.' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar, { nullable: true })
  signedOn!: Date | null;

  @Field(() => DateScalar, {
    description: 'The day it entered into force for the Kyrgyz Republic.',
  })
  inForceFrom!: Date;

  @Field(() => [CountryCodeScalar], { description: 'The states party to it, KG included.' })
  parties!: string[];

  @Field(() => PensionAgreementBenefit)
  benefit!: PensionAgreementBenefit;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The earliest insurance periods it covers; null when it covers earlier ones too.',
  })
  periodsFrom!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The latest insurance periods it covers; null when it covers later ones too.',
  })
  periodsUntil!: Date | null;

  @Field(() => String, { description: 'Where its terms are published.' })
  source!: string;
}

@ObjectType({ description: 'An agreement a partner institution relies on, as it applies to it.' })
export class PensionPartnerAgreement {
  @Field(() => PensionAgreement)
  agreement!: PensionAgreement;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The earliest periods it covers for this partner (with the agreement bounds).',
  })
  periodsFrom!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The latest periods it covers for this partner (with the agreement bounds).',
  })
  periodsUntil!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The last day the partner relied on it (its state left it); no case opens under it after.',
  })
  endedOn!: Date | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({
  description: 'A partner pension institution that exchanges data with the Social Fund.',
})
export class PensionPartner {
  @Field(() => String, { description: 'Stable code, the `partner` claim of its tokens (RU-SFR).' })
  code!: string;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The name in the language of its country.' })
  nativeName!: string;

  @Field(() => String, {
    description: 'The identifier the institution knows persons by (SNILS, IIN, TCKN).',
  })
  personIdName!: string;

  @Field(() => PensionPartnerStatus)
  status!: PensionPartnerStatus;

  @Field(() => [PensionPartnerAgreement])
  agreements!: PensionPartnerAgreement[];
}
