import { emitSubgraphSchema } from '@jol/schema';
import { createLabourSchema } from './schema';

emitSubgraphSchema(createLabourSchema, `${__dirname}/../schema.graphql`);
