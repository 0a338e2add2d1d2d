import { emitSubgraphSchema } from '@jol/kernel';
import { createMigrationSchema } from './schema';

emitSubgraphSchema(createMigrationSchema, `${__dirname}/../schema.graphql`);
