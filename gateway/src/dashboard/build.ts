import { bundleDashboard } from './bundle';
import { DASHBOARD_PUBLIC_DIR } from './serve';

/** `npm run build:dashboard`: writes the dashboard the gateway serves at /dashboard. */
bundleDashboard()
  .then((files) => {
    // stderr: `npm run -s token` prints a token on stdout after building.
    const list = files
      .sort((a, b) => a.file.localeCompare(b.file))
      .map(({ file, bytes }) => `${file} (${Math.round(bytes / 1024)} kB)`);
    console.error(`Dashboard bundled into ${DASHBOARD_PUBLIC_DIR}: ${list.join(', ')}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
