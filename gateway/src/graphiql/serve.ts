import { join } from 'node:path';
import type { Router } from 'express';
import { PAGE_CSP, staticPageRouter } from '../static-page';

/** The gateway package folder, from its sources (src/graphiql) as from its build (dist/graphiql). */
export const GATEWAY_DIR = join(__dirname, '..', '..');

/**
 * Where `npm run build` puts the bundled page: a folder of its own, so that nothing but the page
 * (never the gateway's compiled code beside it in dist/graphiql) can be served.
 */
export const GRAPHIQL_PUBLIC_DIR = join(GATEWAY_DIR, 'dist', 'graphiql', 'public');

/** GraphiQL's policy: the one of every page the gateway serves (see PAGE_CSP). */
export const GRAPHIQL_CSP = PAGE_CSP;

/** Serves the GraphiQL page at GET /graphiql and its bundle below /graphiql/. */
export function graphiqlRouter(publicDir: string = GRAPHIQL_PUBLIC_DIR): Router {
  return staticPageRouter({ mount: '/graphiql', publicDir, label: 'GraphiQL' });
}
