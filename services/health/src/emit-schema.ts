import { emitSubgraphSchema } from '@jol/kernel';
import { createHealthSchema } from './schema';

emitSubgraphSchema(createHealthSchema, `${__dirname}/../schema.graphql`);
