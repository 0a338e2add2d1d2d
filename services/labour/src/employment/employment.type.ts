import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar, VersionedRecord } from '@jol/kernel';

/** Sectors of work abroad; women cluster in services, catering, textiles and domestic work. */
export enum LabourSector {
  CONSTRUCTION = 'CONSTRUCTION',
  TRADE = 'TRADE',
  SERVICES = 'SERVICES',
  CATERING = 'CATERING',
  TRANSPORT = 'TRANSPORT',
  AGRICULTURE = 'AGRICULTURE',
  MANUFACTURING = 'MANUFACTURING',
  DOMESTIC_WORK = 'DOMESTIC_WORK',
  TEXTILES = 'TEXTILES',
  OTHER = 'OTHER',
}
registerEnumType(LabourSector, { name: 'LabourSector' });

export enum WorkPermitType {
  PATENT = 'PATENT',
  WORK_PERMIT = 'WORK_PERMIT',
  NONE = 'NONE',
}
registerEnumType(WorkPermitType, {
  name: 'WorkPermitType',
  description: 'The document that allowed the work; Russia issues patents to visa-free migrants.',
  valuesConfig: {
    PATENT: { description: 'A Russian labour patent, for citizens of visa-free countries.' },
    WORK_PERMIT: { description: 'A work permit or work visa of the destination country.' },
    NONE: { description: 'No permit: the work was undocumented.' },
  },
});

/**
 * The fields employer, formal, permitType and permitNumber are employment detail, which fewer roles
 * may read than the record itself: they are nullable so that a refusal nulls only that field.
 */
@ObjectType({ description: 'One job abroad, as known to the Ministry of Labour.' })
export class EmploymentRecord extends VersionedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => String, {
    nullable: true,
    description: "The employer's name; null when the caller may not read employment detail.",
  })
  employer!: string;

  @Field(() => LabourSector)
  sector!: LabourSector;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the work was under a written contract; null when the caller may not read employment detail.',
  })
  formal!: boolean;

  @Field(() => WorkPermitType, {
    nullable: true,
    description: 'Null when the caller may not read employment detail.',
  })
  permitType!: WorkPermitType;

  @Field(() => String, {
    nullable: true,
    description:
      'The permit or patent number; null when permitType is NONE or the caller may not read employment detail.',
  })
  permitNumber!: string | null;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Null while the job is ongoing.' })
  to!: Date | null;
}
