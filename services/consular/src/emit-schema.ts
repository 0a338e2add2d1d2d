import { emitSubgraphSchema } from '@jol/kernel';
import { createConsularSchema } from './schema';

emitSubgraphSchema(createConsularSchema, `${__dirname}/../schema.graphql`);
