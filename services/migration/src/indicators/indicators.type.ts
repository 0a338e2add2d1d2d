import { Directive, Field, ObjectType } from 'type-graphql';
import {
  INDICATORS_DESCRIPTION,
  INDICATORS_KEY_DESCRIPTION,
  type IndicatorRequest,
} from '@jol/schema';

/**
 * Cross-agency statistics for one filter and breakdown, as one entity: the migration subgraph
 * owns the entry point and the key, every agency contributes its own measures as fields. The key
 * is the normalized request as canonical JSON, so each subgraph decodes the same request from it.
 */
@Directive('@key(fields: "key")')
@ObjectType({ description: INDICATORS_DESCRIPTION })
export class Indicators {
  @Field(() => String, { description: INDICATORS_KEY_DESCRIPTION })
  key!: string;

  /** The request the key stands for; not a field. */
  request!: IndicatorRequest;
}
