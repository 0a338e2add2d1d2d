import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PinScalar } from '@jol/kernel';

export enum DependantRelation {
  CHILD = 'CHILD',
  STEPCHILD = 'STEPCHILD',
  GRANDCHILD = 'GRANDCHILD',
  WARD = 'WARD',
}
registerEnumType(DependantRelation, { name: 'DependantRelation' });

export enum Caregiver {
  OTHER_PARENT = 'OTHER_PARENT',
  GRANDPARENT = 'GRANDPARENT',
  OTHER_RELATIVE = 'OTHER_RELATIVE',
  NON_RELATIVE = 'NON_RELATIVE',
  STATE_INSTITUTION = 'STATE_INSTITUTION',
}
registerEnumType(Caregiver, {
  name: 'Caregiver',
  description: 'Who looks after the child while the parent is abroad.',
});

@ObjectType({ description: 'A child or other dependant left in the Kyrgyz Republic.' })
export class Dependant {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar, {
    nullable: true,
    description: "The child's PIN; masked for most roles.",
  })
  childPin!: string | null;

  @Field(() => DependantRelation)
  relation!: DependantRelation;

  @Field(() => Caregiver)
  caregiver!: Caregiver;
}
