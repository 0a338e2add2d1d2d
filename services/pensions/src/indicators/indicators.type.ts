import { Directive, Field, ObjectType } from 'type-graphql';
import {
  INDICATORS_DESCRIPTION,
  INDICATORS_KEY_DESCRIPTION,
  type IndicatorRequest,
} from '@jol/schema';

/** The migration subgraph's `Indicators` entity, to which pensions contributes its measures. */
@Directive('@key(fields: "key")')
@ObjectType({ description: INDICATORS_DESCRIPTION })
export class Indicators {
  @Field(() => String, { description: INDICATORS_KEY_DESCRIPTION })
  key!: string;

  /** The request the key stands for; not a field. */
  request!: IndicatorRequest;
}
