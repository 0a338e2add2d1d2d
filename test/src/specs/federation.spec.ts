import type { Role } from '@jol/schema';
import type { createGraphQLClient } from '@jol/tools';
import { gatewaySeedWriter, seed } from '../seed';
import { startTestSystem, type TestSystem } from '../system/test-system';

const PIN = '10712199154321';

describe('one graph across four agencies, through the gateway over HTTP', () => {
  let jol: TestSystem;
  let system: TestSystem['system'];
  let gql: ReturnType<typeof createGraphQLClient>;
  const officers: Partial<Record<Role, ReturnType<typeof createGraphQLClient>>> = {};

  beforeAll(async () => {
    jol = await startTestSystem('federation');
    system = jol.system;
    for (const role of [
      'MIGRATION_OFFICER',
      'LABOUR_OFFICER',
      'HEALTH_OFFICER',
      'PENSION_OFFICER',
    ] as Role[]) {
      officers[role] = await jol.as(role);
    }
    // The person themself: the only role that may see all four agencies' data about them.
    gql = await jol.as('DATA_SUBJECT', { pin: PIN });
  });
  afterAll(async () => {
    await jol?.stop();
  });

  it('answers liveness and readiness', async () => {
    expect((await fetch(`${system.gatewayUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${system.gatewayUrl}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('writes to each agency through the gateway and reads one person across all four', async () => {
    await seed
      .person(PIN)
      .named(['Жумабаева', 'Гулзат'], ['Zhumabaeva', 'Gulzat'])
      .born('1991-12-07', 'FEMALE')
      .from('KG-J')
      .speaksRussian('FLUENT')
      .abroadIn('RU', { since: '2021-02-01', city: 'Kazan', until: '2024-10-15' })
      .employedAs('OOO Kazan Textile', {
        sector: 'TEXTILES',
        permitType: 'PATENT',
        permitNumber: '16-2100123',
        to: '2024-09-30',
      })
      .screenedFor('TB', { on: '2024-10-20', facility: 'Jalal-Abad Oblast TB Centre' })
      .insuredAbroad({ from: '2021-03-01', to: '2024-09-30' })
      .writeWith(gatewaySeedWriter(jol));

    const person = await gql(
      `query ($pin: PIN!) { person(pin: $pin) {
        pin nameLatin { last first } homeRegion status
        episodes { country departedOn returnedOn }
        employment { country sector employer from to }
        screenings { kind result }
        insurancePeriods { country from to source }
        serviceSummary { abroad { years months days } }
      } }`,
      { pin: PIN },
    );
    expect(person.errors).toBeUndefined();
    expect(person.data?.person).toEqual({
      pin: PIN,
      nameLatin: { last: 'Zhumabaeva', first: 'Gulzat' },
      homeRegion: 'KG-J',
      status: 'RETURNED',
      episodes: [{ country: 'RU', departedOn: '2021-02-01', returnedOn: '2024-10-15' }],
      employment: [
        {
          country: 'RU',
          sector: 'TEXTILES',
          employer: 'OOO Kazan Textile',
          from: '2021-03-01',
          to: '2024-09-30',
        },
      ],
      screenings: [{ kind: 'TB', result: 'NEGATIVE' }],
      insurancePeriods: [
        { country: 'RU', from: '2021-03-01', to: '2024-09-30', source: 'PARTNER_REPORTED' },
      ],
      serviceSummary: { abroad: expect.objectContaining({ years: 3 }) },
    });
  });

  it('passes typed bad-input errors through the gateway without internals', async () => {
    const bad = await gql(`query ($pin: PIN!) { person(pin: $pin) { pin } }`, {
      pin: '99999999999999',
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('99999999999999');
    const overlap = await officers.PENSION_OFFICER!(
      `mutation ($input: RecordInsurancePeriodInput!) { recordInsurancePeriod(input: $input) { id } }`,
      {
        input: {
          pin: PIN,
          country: 'KG',
          from: '2024-01-01',
          to: '2024-12-31',
          type: 'EMPLOYMENT',
          source: 'DOMESTIC',
        },
      },
    );
    expect(overlap.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const error of [...(bad.errors ?? []), ...(overlap.errors ?? [])]) {
      expect(JSON.stringify(error)).not.toMatch(/stacktrace|node_modules|at .*\.js/);
    }
  });

  it('answers an operation name the document lacks with a typed 400, not a server error', async () => {
    const document = 'query First { __typename } query Second { __typename }';
    const named = await gql(document, {}, { operationName: 'Second' });
    expect(named.status).toBe(200);
    expect(named.data).toEqual({ __typename: 'Query' });
    for (const operationName of ['Third', undefined]) {
      const refused = await gql(document, {}, operationName ? { operationName } : {});
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("names every request itself and returns that id, never the caller's own", async () => {
    const result = await gql('{ __typename }', {}, { requestId: 'jol-test-0001' });
    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const again = await gql('{ __typename }', {}, { requestId: 'jol-test-0001' });
    expect(again.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers.get('x-request-id')).not.toBe(result.headers.get('x-request-id'));
    const fresh = await gql('{ __typename }');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses deep and alias-heavy queries', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
    const typo = await gql('{ persn(pin: "10712199154321") { pin } }');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });

  it('reports itself degraded, still in rotation, when a subgraph is down', async () => {
    const health = system.processes.find((p) => p.name === 'health')!;
    await health.stop();
    // The gateway reuses one readiness answer for a second, so the outage shows within that.
    let ready = await fetch(`${system.gatewayUrl}/readyz`);
    for (let i = 0; i < 20 && (await ready.clone().json()).status === 'ready'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ready = await fetch(`${system.gatewayUrl}/readyz`);
    }
    // The other agencies still answer (with a typed error for health's part): 503 is kept for a
    // gateway that can serve nothing, so one agency's outage does not take the gateway down.
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'degraded',
      subgraphs: { health: { status: 'down' }, migration: { status: 'ready' } },
    });
    expect((await fetch(`${system.gatewayUrl}/healthz`)).status).toBe(200);
  });
});
