import { emitSubgraphSchema } from '@jol/kernel';
import { createPensionsSchema } from './schema';

emitSubgraphSchema(createPensionsSchema, `${__dirname}/../schema.graphql`);
