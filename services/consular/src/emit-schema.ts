import { emitSubgraphSchema } from '@jol/schema';
import { createConsularSchema } from './schema';

emitSubgraphSchema(createConsularSchema, `${__dirname}/../schema.graphql`);
