import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

const SPEC = 'isolation';
const GATEWAY_LOG = join(REPO_ROOT, 'test-artifacts', 'logs', SPEC, 'gateway.log');
const METRICS_TOKEN = randomBytes(24).toString('base64url');
const PIN = '10712199154324';
const AUDITOR_LIMIT = 3;
const ANONYMOUS_LIMIT = 3;
const QUEUE_TIMEOUT_MS = 3000;
const RETRY_AFTER = String(QUEUE_TIMEOUT_MS / 1000);

/** Labour's measure: while labour is hung, this holds its pool slot until labour's timeout. */
const LABOUR_INDICATORS = '{ indicators { employedAbroad { measure } } }';
const OFFICER_READ = `query ($pin: PIN!) { person(pin: $pin) { pin nameLatin { last } homeRegion } }`;

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Caller isolation through the real processes: a caller past its role's limit gets 429 with
 * Retry-After and RATE_LIMITED (and an access line and a metric say so) while another caller is
 * served; with the heavy-operation pool taken, another heavy query is refused OVERLOADED after the
 * queue timeout, a caller's extra ones are refused at once, and officers' reads are still served;
 * bad tokens from one address are refused before verification once its anonymous budget is spent.
 */
describe('isolation between callers, through the real processes', () => {
  let jol: TestSystem;
  let logStart = 0;
  let labourPaused = false;
  const labourPid = () => jol.system.processes.find((p) => p.name === 'labour')!.pid;

  const post = async (token: string, query: string, purpose?: string) => {
    const response = await fetch(jol.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(purpose ? { 'x-purpose': purpose } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as ErrorBody & { data?: unknown },
    };
  };
  const scrape = async () =>
    (
      await fetch(`${jol.system.gatewayUrl}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
  const seriesValue = (scrape: string, line: string) => {
    const found = scrape.split('\n').find((l) => l.startsWith(line));
    return found === undefined ? undefined : Number(found.slice(found.lastIndexOf(' ') + 1));
  };

  /** Polls the gateway's scrape until the series `line` reads `value` (10 s at most). */
  const waitForSeries = async (line: string, value: number) => {
    let seen: number | undefined;
    for (let i = 0; i < 200 && seen !== value; i++) {
      seen = seriesValue(await scrape(), line);
      if (seen !== value) await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe(value);
  };

  beforeAll(async () => {
    if (existsSync(GATEWAY_LOG)) logStart = statSync(GATEWAY_LOG).size;
    jol = await startTestSystem(SPEC, {
      env: {
        METRICS_TOKEN,
        RATE_LIMIT_AUDITOR: String(AUDITOR_LIMIT),
        RATE_LIMIT_ANONYMOUS: String(ANONYMOUS_LIMIT),
        HEAVY_POOL_CONCURRENCY: '1',
        HEAVY_POOL_PER_CALLER: '1',
        HEAVY_POOL_QUEUE: '4',
        HEAVY_POOL_QUEUE_PER_CALLER: '1',
        HEAVY_POOL_QUEUE_TIMEOUT_MS: String(QUEUE_TIMEOUT_MS),
        // The slot holder waits for labour until the test wakes it.
        SUBGRAPH_TIMEOUT_MS_LABOUR: '90000',
      },
    });
    const migration = await jol.as('MIGRATION_OFFICER');
    const registered = await migration(
      `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
      {
        input: {
          pin: PIN,
          nameCyrillic: { last: 'Жумабаева', first: 'Гулзат' },
          nameLatin: { last: 'Zhumabaeva', first: 'Gulzat' },
          birthDate: '1991-12-07',
          sex: 'FEMALE',
          homeRegion: 'KG-J',
          russianProficiency: 'FLUENT',
        },
      },
    );
    expect(registered.errors).toBeUndefined();
  });
  afterAll(async () => {
    if (labourPaused) process.kill(labourPid(), 'SIGCONT');
    await jol?.stop();
  });

  it("refuses a caller past its role's limit with 429, Retry-After and RATE_LIMITED, whatever the request says", async () => {
    const auditor = await jol.token('AUDITOR', { sub: 'auditor-busy' });
    for (let i = 0; i < AUDITOR_LIMIT; i++)
      expect((await post(auditor, '{ __typename }')).status).toBe(200);
    // A new request id, another purpose, several aliases: the same caller, the same budget.
    const response = await fetch(jol.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${auditor}`,
        'x-purpose': 'AUDIT',
        'x-request-id': 'a-fresh-id-0001',
      },
      body: JSON.stringify({ query: '{ a: __typename b: __typename }' }),
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as ErrorBody;
    expect(body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Too many requests: 3 per 60 s for AUDITOR; try again/),
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
    // A batch of operations in one body is one request too, and refused as such.
    const batch = await fetch(jol.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auditor}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(429);
  });

  it('serves another caller of the same role, and a token of the same caller anew does not help', async () => {
    const other = await jol.token('AUDITOR', { sub: 'auditor-calm' });
    expect((await post(other, '{ __typename }')).status).toBe(200);
    const again = await jol.token('AUDITOR', { sub: 'auditor-busy' });
    expect((await post(again, '{ __typename }')).status).toBe(429);
  });

  it('writes an access line and counts the refusal in /metrics', async () => {
    const lines = readFileSync(GATEWAY_LOG)
      .subarray(logStart)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'access',
        status: 429,
        sub: 'auditor-busy',
        errorCodes: ['RATE_LIMITED'],
      }),
    );
    const metrics = await scrape();
    expect(
      seriesValue(metrics, 'jol_rate_limit_refusals_total{limit="AUDITOR",service="gateway"}'),
    ).toBe(3);
  });

  it('refuses heavy queries past the pool and its queue with typed errors, and still serves officers', async () => {
    const analystA = await jol.token('ANALYST', { sub: 'analyst-a' });
    const analystB = await jol.token('ANALYST', { sub: 'analyst-b' });
    const analystC = await jol.token('ANALYST', { sub: 'analyst-c' });
    process.kill(labourPid(), 'SIGSTOP');
    labourPaused = true;
    // A's query takes the only slot and hangs on labour.
    const holding = post(analystA, LABOUR_INDICATORS, 'STATISTICS');
    await waitForSeries('jol_heavy_pool_slots_in_use{service="gateway"}', 1);

    // A's second waits; A's third is past A's queue share and refused at once.
    const queuedA = post(analystA, LABOUR_INDICATORS, 'STATISTICS');
    await waitForSeries('jol_heavy_pool_queued{service="gateway"}', 1);
    const excessA = await post(analystA, LABOUR_INDICATORS, 'STATISTICS');
    expect(excessA.status).toBe(429);
    expect(excessA.retryAfter).toBe(RETRY_AFTER);
    expect(excessA.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // B, another caller, waits in the queue until its timeout.
    const waitingB = post(analystB, LABOUR_INDICATORS, 'STATISTICS');

    // Officers' one-person reads do not wait for the pool.
    const officer = await jol.as('MIGRATION_OFFICER', { sub: 'officer-1' });
    for (let i = 0; i < 3; i++) {
      const read = await officer(OFFICER_READ, { pin: PIN });
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({
        person: { pin: PIN, nameLatin: { last: 'Zhumabaeva' }, homeRegion: 'KG-J' },
      });
    }

    const timedOut = await waitingB;
    expect(timedOut.status).toBe(503);
    expect(timedOut.retryAfter).toBe(RETRY_AFTER);
    expect(timedOut.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/waited too long for its turn; try again in 3 s$/),
          extensions: { code: 'OVERLOADED' },
        },
      ],
    });

    // The CSV export is a heavy operation too, refused the same way.
    const csvResponse = await fetch(
      `${jol.system.gatewayUrl}/indicators.csv?measures=employedAbroad`,
      { headers: { authorization: `Bearer ${analystC}`, 'x-purpose': 'STATISTICS' } },
    );
    expect(csvResponse.status).toBe(503);
    expect(csvResponse.headers.get('retry-after')).toBe(RETRY_AFTER);
    expect(((await csvResponse.json()) as ErrorBody).errors?.[0]?.extensions?.code).toBe(
      'OVERLOADED',
    );

    process.kill(labourPid(), 'SIGCONT');
    labourPaused = false;
    // The slot holder is answered once labour wakes; A's second had waited out its time before B.
    expect((await holding).status).toBe(200);
    expect((await queuedA).status).toBe(503);

    const metrics = await scrape();
    expect(
      seriesValue(
        metrics,
        'jol_heavy_pool_refusals_total{reason="queue_timeout",service="gateway"}',
      ),
    ).toBe(3);
    expect(
      seriesValue(
        metrics,
        'jol_heavy_pool_refusals_total{reason="caller_queue_full",service="gateway"}',
      ),
    ).toBe(1);
  });

  // Last: it spends the anonymous budget of 127.0.0.1, the address every request here comes from.
  it('refuses missing and forged tokens of one address before verifying them, once its budget is spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ANONYMOUS_LIMIT; i++)
      statuses.push((await post(`forged.${i}.token`, '{ __typename }')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await fetch(jol.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as ErrorBody).errors?.[0]).toEqual({
      message: expect.stringMatching(/^Too many requests without a valid token from your address/),
      extensions: { code: 'RATE_LIMITED' },
    });
    const metrics = await scrape();
    expect(
      seriesValue(metrics, 'jol_rate_limit_refusals_total{limit="ANONYMOUS",service="gateway"}'),
    ).toBe(1);
  });
});
