import { emitSubgraphSchema } from '@jol/schema';
import { createMigrationSchema } from './schema';

emitSubgraphSchema(createMigrationSchema, `${__dirname}/../schema.graphql`);
