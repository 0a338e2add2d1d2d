import { Field, InputType } from 'type-graphql';
import { badUserInput, PinScalar } from '@jol/kernel';
import { Caregiver, DependantRelation } from './dependant.type';

@InputType()
export class RecordDependantInput {
  @Field(() => PinScalar, { description: "The parent's or guardian's PIN." })
  pin!: string;

  @Field(() => PinScalar)
  childPin!: string;

  @Field(() => DependantRelation)
  relation!: DependantRelation;

  @Field(() => Caregiver)
  caregiver!: Caregiver;
}

export function checkRecordDependantInput(input: RecordDependantInput): void {
  if (input.childPin === input.pin)
    throw badUserInput('childPin', input.childPin, 'must differ from pin');
}
