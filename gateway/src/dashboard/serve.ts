import { join } from 'node:path';
import type { Router } from 'express';
import { GATEWAY_DIR } from '../graphiql/serve';
import { staticPageRouter } from '../static-page';

/** Where `npm run build` puts the bundled dashboard: a folder of its own, as for GraphiQL. */
export const DASHBOARD_PUBLIC_DIR = join(GATEWAY_DIR, 'dist', 'dashboard', 'public');

/** Serves the analysts' dashboard at GET /dashboard and its bundle below /dashboard/. */
export function dashboardRouter(publicDir: string = DASHBOARD_PUBLIC_DIR): Router {
  return staticPageRouter({ mount: '/dashboard', publicDir, label: 'The dashboard' });
}
