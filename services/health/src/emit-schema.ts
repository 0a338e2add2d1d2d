import { emitSubgraphSchema } from '@jol/schema';
import { createHealthSchema } from './schema';

emitSubgraphSchema(createHealthSchema, `${__dirname}/../schema.graphql`);
