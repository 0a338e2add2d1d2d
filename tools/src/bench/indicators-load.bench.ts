import { parseArgs } from 'node:util';
import { issueDevToken } from '../auth/dev-keys';
import { formatLoad, printMachine, runLoad, startBenchSystem } from './bench-kit';
import { INDICATORS_QUERY as QUERY, MEASURES } from './indicators-query';

/**
 * `npm run bench:indicators`: a cross-agency indicators query (19 measures, by region and sex)
 * asked by 1, 10 and 200 analysts at once, through the gateway and the four subgraphs as
 * processes. Each level sends a bounded number of requests. Not a test: it prints figures.
 */

const USAGE = `Usage: npm run bench:indicators -- [--persons N] [--analysts 1,10,200] [--rounds R]
  --persons N    seeded persons (default 5000)
  --analysts L   concurrency levels (default 1,10,200)
  --rounds R     requests per analyst at each level (default 2)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '5000' },
      analysts: { type: 'string', default: '1,10,200' },
      rounds: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const persons = Number(values.persons);
  const rounds = Number(values.rounds);
  const levels = values.analysts.split(',').map(Number);
  if (
    ![persons, rounds, ...levels].every((n) => Number.isInteger(n) && n > 0) ||
    rounds > 10 ||
    levels.some((n) => n > 500)
  )
    throw new Error(`bad arguments ${JSON.stringify(values)}\n${USAGE}`);

  printMachine();
  const bench = await startBenchSystem({ persons });
  try {
    const token = await issueDevToken(bench.keys, { roles: ['ANALYST'] });
    const url = `${bench.system.gatewayUrl}/graphql`;
    const headers = { authorization: `Bearer ${token}`, 'x-purpose': 'STATISTICS' };
    const body = JSON.stringify({
      query: QUERY,
      variables: { filter: { year: 2025 }, by: ['REGION', 'SEX'] },
    });
    const check = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const answer = (await check.json()) as { data?: { indicators?: unknown }; errors?: unknown[] };
    if (!answer.data?.indicators || answer.errors)
      throw new Error(`the indicators query failed: ${JSON.stringify(answer).slice(0, 500)}`);
    console.log(
      `\nindicators: ${MEASURES.length} measures of 4 agencies, 2025 by REGION x SEX, ${persons} persons, ` +
        `${rounds} requests per analyst`,
    );
    for (const analysts of levels) {
      const result = await runLoad({
        url,
        connections: analysts,
        seconds: 600,
        maxRequests: analysts * rounds,
        timeoutSeconds: 300,
        headers,
        body,
      });
      console.log(`  ${formatLoad(result).replace('clients', 'analysts')}`);
    }
  } finally {
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
