import 'reflect-metadata';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { allow, type AccessRules } from '../access/shield';
import { RecordChange } from './record-version.model';

registerEnumType(RecordChange, {
  name: 'RecordChange',
  description: 'How a version of a record stopped being the current one.',
  valuesConfig: {
    CORRECTED: { description: 'The owning agency replaced its values with corrected ones.' },
    VOIDED: { description: 'The owning agency withdrew the record: it counts nowhere any more.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'Why and when a version of a record was superseded.' })
export class Supersession {
  @Field(() => RecordChange)
  change!: RecordChange;

  @Field(() => String, { description: 'The reason the officer gave.' })
  reason!: string;

  @Field(() => String, { description: 'When, as an ISO 8601 timestamp (UTC).' })
  at!: string;
}

/**
 * A supersession is shown only on an earlier version, reached through the record's `versions`
 * (decided at the most restrictive class of the record: historyRule), and on the answer of the
 * write that voided the record, to its writer.
 */
export const supersessionRules: AccessRules = { Supersession: allow };

/**
 * The fields every correctable record type adds to its own: which version it is, and on an earlier
 * version why it was superseded. The record type's `versions` field lists the earlier versions.
 */
@ObjectType()
export abstract class VersionedRecord {
  @Field(() => Int, { description: 'The version: 1 when recorded, one more with each correction.' })
  version!: number;

  @Field(() => Supersession, {
    nullable: true,
    description:
      'Null on the current version; on an earlier or voided one, how, when and why it was superseded.',
  })
  superseded?: Supersession | null;
}
