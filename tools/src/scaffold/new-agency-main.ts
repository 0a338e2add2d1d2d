import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../store/secantus';
import { formatCreated, scaffoldAgency } from './new-agency';

// `npm run new:agency -- --name <agency> [--title "Ministry of ..."] [--port 4006]`
async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      title: { type: 'string' },
      port: { type: 'string' },
    },
  });
  if (!values.name)
    throw new Error('Usage: npm run new:agency -- --name <agency> [--title T] [--port P]');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1024 || port > 65535))
    throw new Error(`--port must be a port number from 1024 to 65535; got ${values.port}`);
  const { names, created, edited } = scaffoldAgency({
    root: REPO_ROOT,
    name: values.name,
    title: values.title,
    port,
  });
  await formatCreated(REPO_ROOT, created);
  process.stdout.write(
    [
      `Created ${created.length} files (services/${names.name}, schema/src/members/${names.name}.ts); registered in:`,
      ...edited.map((path) => `  ${path}`),
      'Next:',
      `  npm install                      link the @jol/${names.name} workspace (and update the lockfile)`,
      `  npx jest --selectProjects service --testPathPatterns services/${names.name}   its own tests`,
      '  npm run compose && npm run codegen -w client   the supergraph and the client types',
      `  test/src/specs/policy-oracle.ts   write ${names.role}, ${names.purpose} and ${names.dataClass} by hand`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
