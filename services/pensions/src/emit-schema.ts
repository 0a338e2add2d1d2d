import { emitSubgraphSchema } from '@jol/schema';
import { createPensionsSchema } from './schema';

emitSubgraphSchema(createPensionsSchema, `${__dirname}/../schema.graphql`);
