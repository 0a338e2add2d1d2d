import { bundleGraphiql } from './bundle';
import { GRAPHIQL_PUBLIC_DIR } from './serve';

/** `npm run build:graphiql`: writes the GraphiQL page the gateway serves at /graphiql. */
bundleGraphiql()
  .then((files) => {
    // stderr: `npm run -s token` prints a token on stdout after building.
    console.error(`GraphiQL bundled into ${GRAPHIQL_PUBLIC_DIR}: ${files.sort().join(', ')}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
