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
import { createPensionsServer } from '../server';
import { rebuildPensionsIndicators } from './indicators.build';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/**
 * Planted record keys, all 0: every cell key is 0, the first slot of the perturbation table, so
 * every count from 2 on is published 2 lower (and a 1 as 0): the counting stays visible.
 */
const ZERO_KEYS = () => 0;
const ANALYST = callerAs('ANALYST');
const pinOf = (serial: number) => `10101199${String(serial).padStart(6, '0')}`;

const TABLE = `rows { destination year value suppressed } total { value suppressed }`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        insuredAbroad { ${TABLE} }
        personsWithTotalizedPeriods { ${TABLE} }
        voluntaryContributors { ${TABLE} }
      }
    }
  }
`;
const reps = (filter: Record<string, unknown>, by: string[] = []) => ({
  reps: [{ __typename: 'Indicators', key: indicatorKey(normalizeIndicatorRequest(filter, by)) }],
});

/**
 * Crafted Social Fund records: 14 persons with a period in Russia reported by the partner
 * (2023-2025), 11 paying voluntarily from Turkiye in 2025 (a voluntary period and monthly
 * payments), and home periods, which are not abroad.
 */
async function insertRecords(connection: Connection): Promise<void> {
  const reported = Array.from({ length: 14 }, (_, i) => pinOf(i + 1));
  const voluntary = Array.from({ length: 11 }, (_, i) => pinOf(100 + i));
  const unit = (pin: string, lastDestination: string) => ({
    pin,
    sex: 'FEMALE',
    birthDate: day('1990-01-01'),
    homeRegion: 'KG-J',
    lastDestination,
    firstReturnOn: null,
    refreshedAt: day('2026-01-01'),
  });
  await connection
    .collection('statistical_units')
    .insertMany([
      ...reported.map((pin) => unit(pin, 'RU')),
      ...voluntary.map((pin) => unit(pin, 'TR')),
    ]);
  const period = (
    pin: string,
    country: string,
    from: string,
    to: string,
    type: string,
    source: string,
  ) => ({
    pin,
    country,
    from: day(from),
    to: day(to),
    type,
    source,
  });
  await connection
    .collection('insurance_periods')
    .insertMany([
      ...reported.map((pin) =>
        period(pin, 'RU', '2023-03-01', '2025-06-30', 'EMPLOYMENT', 'PARTNER_REPORTED'),
      ),
      ...reported.map((pin) =>
        period(pin, 'KG', '2025-08-01', '2025-12-31', 'EMPLOYMENT', 'DOMESTIC'),
      ),
      ...voluntary.map((pin) =>
        period(pin, 'TR', '2025-01-01', '2025-12-31', 'VOLUNTARY', 'VOLUNTARY_FROM_ABROAD'),
      ),
    ]);
  await connection.collection('pension_contributions').insertMany(
    voluntary.flatMap((pin) =>
      ['2025-02-05', '2025-03-05'].map((paidOn) => ({
        pin,
        paidOn: day(paidOn),
        periodMonth: paidOn.slice(0, 7),
        amountHundredths: 100_000,
        currency: 'KGS',
        kind: 'VOLUNTARY',
      })),
    ),
  );
}

describe('pensions: indicators', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    await insertRecords(connection);
    await rebuildPensionsIndicators(server.createContext().models, {
      asOf: day('2025-12-31'),
      recordKeys: ZERO_KEYS,
    });
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('counts migrants insured abroad, totalized periods and voluntary contributors', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }, ['DESTINATION']), ANALYST);
    expect(result.errors).toBeUndefined();
    const [indicators] = result.data!._entities;
    // 14 in Russia, 11 in Turkey: every count is published 2 lower (ZERO_KEYS), and Turkey's 9
    // is below K: withheld.
    expect(indicators.insuredAbroad.rows).toEqual([
      { destination: 'RU', year: null, value: 12, suppressed: false },
      { destination: 'TR', year: null, value: null, suppressed: true },
    ]);
    expect(indicators.personsWithTotalizedPeriods.total).toEqual({ value: 12, suppressed: false });
    // Two payments each: every contributor counts once (11, perturbed to 9: withheld).
    expect(indicators.voluntaryContributors.total).toEqual({ value: null, suppressed: true });
  });

  it('counts each year a period touches', async () => {
    const result = await execute(
      server,
      ENTITIES,
      reps({ fromYear: 2022, toYear: 2025 }, ['YEAR']),
      ANALYST,
    );
    expect(
      result.data!._entities[0].personsWithTotalizedPeriods.rows.map(
        (r: { year: number; value: number }) => [r.year, r.value],
      ),
    ).toEqual([
      [2022, 0],
      [2023, 12],
      [2024, 12],
      [2025, 12],
    ]);
  });

  it('is no side door: a pension officer gets FORBIDDEN, and an analyst read is audited', async () => {
    const refused = await execute(
      server,
      ENTITIES,
      reps({ year: 2025 }),
      callerAs('PENSION_OFFICER'),
    );
    expect(refused.data!._entities[0]).toEqual({
      insuredAbroad: null,
      personsWithTotalizedPeriods: null,
      voluntaryContributors: null,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await execute(server, ENTITIES, reps({ year: 2025 }), {
      ...ANALYST,
      headers: { 'x-request-id': 'pensions-indicators-allowed' },
    });
    expect(
      await connection
        .collection('audit_events')
        .findOne({ requestId: 'pensions-indicators-allowed' }),
    ).toMatchObject({
      service: 'pensions',
      roles: ['ANALYST'],
      served: [
        expect.stringMatching(/^Indicators\(\{"fromYear":\d{4},.*\}\)$/),
        'Indicators.insuredAbroad',
        'Indicators.personsWithTotalizedPeriods',
        'Indicators.voluntaryContributors',
      ],
      pins: [],
      outcome: 'ALLOWED',
    });
  });
});
