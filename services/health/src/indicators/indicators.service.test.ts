import type { Connection } from 'mongoose';
import { indicatorKey, normalizeIndicatorRequest } from '@jol/statistics';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import { createHealthServer } from '../server';
import { rebuildHealthIndicators } from './indicators.build';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/**
 * Planted record keys, all 0: every cell key is 0, the first slot of the perturbation table, so
 * every count from 2 on is published 2 lower (and a 1 as 0): the counting stays visible.
 */
const ZERO_KEYS = () => 0;
const ANALYST = callerAs('ANALYST');
const pinOf = (serial: number) => `20101199${String(serial).padStart(6, '0')}`;

const TABLE = `unit dimensions rows { destination value suppressed } total { value suppressed }`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        tbScreenedReturnees { ${TABLE} }
        activeTbCases { ${TABLE} }
        returneeShareOfActiveTb { ${TABLE} }
      }
    }
  }
`;
const reps = (filter: Record<string, unknown>, by: string[] = []) => ({
  reps: [{ __typename: 'Indicators', key: indicatorKey(normalizeIndicatorRequest(filter, by)) }],
});

/**
 * Crafted health records: 12 returnees from Russia (first back 2024-06-01) with a TB screening in
 * 2025 and 10 of them an active case; 12 persons never abroad with an active case; 3 more never
 * abroad whose 2024 case closed in February 2025; a screening from before a first return.
 */
async function insertRecords(connection: Connection): Promise<void> {
  const returnees = Array.from({ length: 12 }, (_, i) => pinOf(i + 1));
  const residents = Array.from({ length: 15 }, (_, i) => pinOf(100 + i));
  const late = pinOf(200);
  const unit = (pin: string, returned: boolean, firstReturnOn = '2024-06-01') => ({
    pin,
    sex: 'MALE',
    birthDate: day('1990-01-01'),
    homeRegion: 'KG-B',
    lastDestination: returned ? 'RU' : null,
    firstReturnOn: returned ? day(firstReturnOn) : null,
    refreshedAt: day('2026-01-01'),
  });
  await connection
    .collection('statistical_units')
    .insertMany([
      ...returnees.map((pin) => unit(pin, true)),
      ...residents.map((pin) => unit(pin, false)),
      unit(late, true, '2025-09-01'),
    ]);
  const screening = (pin: string, screenedOn: string) => ({
    pin,
    kind: 'TB',
    result: 'NEGATIVE',
    screenedOn: day(screenedOn),
    facility: 'Batken TB Dispensary',
  });
  await connection
    .collection('health_screenings')
    .insertMany([
      ...returnees.map((pin) => screening(pin, '2025-03-01')),
      screening(late, '2025-03-01'),
    ]);
  const tbCase = (pin: string, diagnosedOn: string, outcomeOn: string | null) => ({
    pin,
    diagnosedOn: day(diagnosedOn),
    treatmentStatus: outcomeOn ? 'COMPLETED' : 'IN_TREATMENT',
    outcome: outcomeOn ? 'CURED' : null,
    outcomeOn: outcomeOn ? day(outcomeOn) : null,
    drugResistant: false,
  });
  await connection
    .collection('tb_cases')
    .insertMany([
      ...returnees.slice(0, 10).map((pin) => tbCase(pin, '2025-05-01', null)),
      ...residents.slice(0, 12).map((pin) => tbCase(pin, '2025-04-01', null)),
      ...residents.slice(12).map((pin) => tbCase(pin, '2024-03-01', '2025-02-01')),
    ]);
}

describe('health: indicators', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createHealthServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('health');
    server = await createHealthServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    await insertRecords(connection);
    await rebuildHealthIndicators(server.createContext().models, {
      asOf: day('2025-12-31'),
      recordKeys: ZERO_KEYS,
    });
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('counts returnees screened for TB, active cases and the returnee share of them', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }), ANALYST);
    expect(result.errors).toBeUndefined();
    const [indicators] = result.data!._entities;
    // The 13th screening was before that person's first return: not a returnee's yet. 12 returnees,
    // published 2 lower like every count here (ZERO_KEYS).
    expect(indicators.tbScreenedReturnees.total).toEqual({ value: 10, suppressed: false });
    // Active on 31 December 2025: 10 returnees and 12 never abroad; the 3 closed cases are not.
    expect(indicators.activeTbCases.total).toEqual({ value: 20, suppressed: false });
    expect(indicators.returneeShareOfActiveTb).toMatchObject({
      unit: 'SHARE',
      // 10 returnees perturbed to 8: below K, withheld, and the share with them.
      total: { value: null, suppressed: true },
    });
  });

  it('counts a stock on the reference day of each year', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2024 }), ANALYST);
    // On 31 December 2024 only the 3 cases closed in 2025 were active: a small group.
    expect(result.data!._entities[0].activeTbCases.total).toEqual({
      value: null,
      suppressed: true,
    });
  });

  it('breaks active cases down by latest destination, none for persons never abroad', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }, ['DESTINATION']), ANALYST);
    // Russia's 10 perturbed to 8 are below K: withheld.
    expect(result.data!._entities[0].activeTbCases.rows).toEqual([
      { destination: 'RU', value: null, suppressed: true },
      { destination: null, value: 10, suppressed: false },
    ]);
  });

  it('is no side door: a health officer gets FORBIDDEN', async () => {
    const result = await execute(
      server,
      ENTITIES,
      reps({ year: 2025 }),
      callerAs('HEALTH_OFFICER'),
    );
    expect(result.data!._entities[0]).toEqual({
      tbScreenedReturnees: null,
      activeTbCases: null,
      returneeShareOfActiveTb: null,
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });

  it('audits an analyst read: the measures, no PIN', async () => {
    await execute(server, ENTITIES, reps({ year: 2025 }), {
      ...ANALYST,
      headers: { 'x-request-id': 'health-indicators-allowed' },
    });
    expect(
      await connection
        .collection('audit_events')
        .findOne({ requestId: 'health-indicators-allowed' }),
    ).toMatchObject({
      service: 'health',
      roles: ['ANALYST'],
      served: [
        expect.stringMatching(/^Indicators\(\{"fromYear":\d{4},.*\}\)$/),
        'Indicators.activeTbCases',
        'Indicators.returneeShareOfActiveTb',
        'Indicators.tbScreenedReturnees',
      ],
      pins: [],
      outcome: 'ALLOWED',
    });
  });
});
