import { randomBytes } from 'node:crypto';
import { startTestSystem, type TestSystem } from '../system/test-system';

const PIN = '10712199154323';
const METRICS_TOKEN = randomBytes(24).toString('base64url');

/** The value of the series `name{labels}` in a Prometheus text scrape (labels matched as given). */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number {
  const values = scrape
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) =>
      Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)),
    )
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  if (values.length === 0) throw new Error(`no series ${name} ${JSON.stringify(labels)}`);
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Prometheus /metrics on the gateway and a subgraph after real traffic: each series the
 * operations section lists is there with plausible values, names a caller writes never become
 * labels, and the endpoint answers only the scraper's bearer.
 */
describe('metrics scraped from the running processes', () => {
  let jol: TestSystem;
  const scrape = async (base: string) => {
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const origin = (url: string) => new URL(url).origin;

  beforeAll(async () => {
    jol = await startTestSystem('metrics', {
      // A low threshold: one failed attempt after the reads' successes opens the breaker.
      env: { METRICS_TOKEN, SUBGRAPH_BREAKER_VOLUME: '1', SUBGRAPH_BREAKER_ERROR_PERCENT: '10' },
    });
    const migration = await jol.as('MIGRATION_OFFICER');
    const registered = await migration(
      `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
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
    const subject = await jol.as('DATA_SUBJECT', { pin: PIN });
    // A caller-chosen operation name carrying a PIN: it must not become a label.
    const read = `query Person${PIN}($pin: PIN!) { person(pin: $pin) { pin employment { employer } } }`;
    for (let i = 0; i < 3; i++) expect((await subject(read, { pin: PIN })).errors).toBeUndefined();
    expect((await subject('{ person(pin: "1") { pin } }')).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
  afterAll(async () => {
    await jol?.stop();
  });

  it('refuses a scrape without the bearer, with a typed JSON 401', async () => {
    for (const base of [jol.system.gatewayUrl, origin(jol.system.subgraphUrls.labour!)]) {
      const anonymous = await fetch(`${base}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
      const wrong = await fetch(`${base}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN.slice(1)}x` },
      });
      expect(wrong.status).toBe(401);
    }
  });

  it('counts and times the gateway’s operations by bounded names, and errors by code', async () => {
    const text = await scrape(jol.system.gatewayUrl);
    expect(text).not.toContain(PIN);
    expect(text).not.toContain(METRICS_TOKEN);
    const reads = { operation: '(other)', field: 'person', service: 'gateway' };
    expect(sample(text, 'jol_graphql_requests_total', reads)).toBe(3);
    expect(sample(text, 'jol_graphql_request_duration_seconds_count', reads)).toBe(3);
    expect(sample(text, 'jol_graphql_request_duration_seconds_sum', reads)).toBeGreaterThan(0);
    expect(
      sample(text, 'jol_graphql_requests_total', { operation: '(anonymous)', field: 'person' }),
    ).toBe(1);
    expect(sample(text, 'jol_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBeGreaterThan(0);
    // The read fetches from migration then labour: both calls timed, both ok, both circuits closed.
    for (const subgraph of ['migration', 'labour']) {
      expect(
        sample(text, 'jol_subgraph_call_duration_seconds_count', { subgraph, outcome: 'ok' }),
      ).toBeGreaterThanOrEqual(3);
      expect(sample(text, 'jol_subgraph_circuit_state', { subgraph })).toBe(0);
    }
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('times a subgraph’s store commands and audit appends, and counts its operations', async () => {
    const text = await scrape(origin(jol.system.subgraphUrls.migration!));
    expect(text).not.toContain(PIN);
    const service = 'migration';
    expect(
      sample(text, 'jol_store_command_duration_seconds_count', { service, command: 'insert' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'jol_store_command_duration_seconds_count', { service, command: 'find' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'jol_audit_append_duration_seconds_count', { service, outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(3);
    expect(
      sample(text, 'jol_graphql_requests_total', { service, field: 'person' }),
    ).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'jol_graphql_requests_total', { service, field: 'registerPerson' })).toBe(
      1,
    );
  });

  it('reports a stopped agency’s failed calls and its open circuit', async () => {
    await jol.system.processes.find((p) => p.name === 'labour')!.stop();
    const subject = await jol.as('DATA_SUBJECT', { pin: PIN });
    const answer = await subject(`query { person(pin: "${PIN}") { pin employment { employer } } }`);
    expect(answer.errors?.[0]?.extensions?.subgraph).toBe('labour');
    const text = await scrape(jol.system.gatewayUrl);
    expect(
      sample(text, 'jol_subgraph_call_duration_seconds_count', {
        subgraph: 'labour',
        outcome: 'unavailable',
      }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'jol_subgraph_circuit_state', { subgraph: 'labour' })).toBe(2);
    expect(
      sample(text, 'jol_graphql_errors_total', {
        code: answer.errors![0]!.extensions!.code as string,
      }),
    ).toBeGreaterThan(0);
  });
});
