import { emitSubgraphSchema } from '@jol/kernel';
import { createLabourSchema } from './schema';

emitSubgraphSchema(createLabourSchema, `${__dirname}/../schema.graphql`);
