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
import { createLabourServer } from '../server';
import { rebuildLabourIndicators } from './indicators.build';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/**
 * Planted record keys, all 0: every cell key is 0, the first slot of the perturbation table, so
 * every count from 2 on is published 2 lower (and a 1 as 0): the counting stays visible.
 */
const ZERO_KEYS = () => 0;
const ANALYST = callerAs('ANALYST');
const pinOf = (sex: 'FEMALE' | 'MALE', serial: number) =>
  `${sex === 'FEMALE' ? 1 : 2}01011990${String(serial).padStart(5, '0')}`;

const TABLE = `measure agency unit dimensions
  rows { sex sector value suppressed }
  total { value suppressed }`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        key
        employedAbroad { ${TABLE} }
        employmentAbroadBySector { ${TABLE} }
        formalEmploymentShare { ${TABLE} }
        reintegrationEnrolments { ${TABLE} }
        reintegrationCompletions { ${TABLE} }
      }
    }
  }
`;
const reps = (filter: Record<string, unknown>, by: string[] = []) => ({
  reps: [{ __typename: 'Indicators', key: indicatorKey(normalizeIndicatorRequest(filter, by)) }],
});

/**
 * Crafted labour records: 12 women working in Russia in 2025 (catering; 8 with a contract), 11
 * men in Kazakhstan (construction, informal; each also had a 2024 job in Russia), 12 returnees
 * enrolled in 2025 (10 completed), and jobs of a PIN with no statistical unit.
 */
async function insertRecords(connection: Connection): Promise<void> {
  const women = Array.from({ length: 12 }, (_, i) => pinOf('FEMALE', i + 1));
  const men = Array.from({ length: 11 }, (_, i) => pinOf('MALE', i + 1));
  const returnees = Array.from({ length: 12 }, (_, i) => pinOf('MALE', 100 + i));
  const unit = (pin: string, sex: string, lastDestination: string | null) => ({
    pin,
    sex,
    birthDate: day('1990-01-01'),
    homeRegion: 'KG-O',
    lastDestination,
    firstReturnOn: lastDestination === 'TR' ? day('2024-10-01') : null,
    refreshedAt: day('2026-01-01'),
  });
  await connection
    .collection('statistical_units')
    .insertMany([
      ...women.map((pin) => unit(pin, 'FEMALE', 'RU')),
      ...men.map((pin) => unit(pin, 'MALE', 'KZ')),
      ...returnees.map((pin) => unit(pin, 'MALE', 'TR')),
    ]);
  const job = (
    pin: string,
    country: string,
    sector: string,
    formal: boolean,
    from: string,
    to: string | null,
  ) => ({
    pin,
    country,
    employer: 'Employer LLC',
    sector,
    formal,
    permitType: formal ? 'WORK_PERMIT' : 'NONE',
    permitNumber: null,
    from: day(from),
    to: to ? day(to) : null,
  });
  await connection
    .collection('employment_records')
    .insertMany([
      ...women.map((pin, i) => job(pin, 'RU', 'CATERING', i < 8, '2024-06-01', null)),
      ...men.flatMap((pin) => [
        job(pin, 'RU', 'CONSTRUCTION', true, '2024-01-10', '2024-12-01'),
        job(pin, 'KZ', 'CONSTRUCTION', false, '2025-01-10', null),
      ]),
      job('20101199099999', 'RU', 'TRADE', true, '2025-01-10', null),
    ]);
  await connection.collection('reintegration_enrolments').insertMany(
    returnees.map((pin, i) => ({
      pin,
      programme: 'VOCATIONAL_TRAINING',
      status: i < 10 ? 'COMPLETED' : 'ENROLLED',
      enrolledOn: day('2025-01-15'),
      completedOn: i < 10 ? day('2025-06-15') : null,
      droppedOutOn: null,
    })),
  );
}

describe('labour: indicators', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    await insertRecords(connection);
    await rebuildLabourIndicators(server.createContext().models, {
      asOf: day('2025-12-31'),
      recordKeys: ZERO_KEYS,
    });
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('counts persons employed abroad by sex, by sector, and the formal share', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }, ['SEX']), ANALYST);
    expect(result.errors).toBeUndefined();
    const [indicators] = result.data!._entities;
    // The PIN without a unit is not in the register snapshot: not counted. 23, 12 and 11 persons,
    // each perturbed 2 lower (ZERO_KEYS): the men's 9 is below K and withheld.
    expect(indicators.employedAbroad.total).toEqual({ value: 21, suppressed: false });
    expect(indicators.employedAbroad.rows).toEqual([
      { sex: 'FEMALE', sector: null, value: 10, suppressed: false },
      { sex: 'MALE', sector: null, value: null, suppressed: true },
    ]);
    expect(indicators.employmentAbroadBySector.dimensions).toEqual(['SECTOR']);
    expect(indicators.employmentAbroadBySector.rows).toEqual([
      { sex: null, sector: 'CATERING', value: 10, suppressed: false },
      { sex: null, sector: 'CONSTRUCTION', value: null, suppressed: true },
    ]);
    // Women: 8 of 12 formal, a numerator below K; men: none of 11, a denominator perturbed to 9.
    // The total's numerator is the same 8 women.
    expect(indicators.formalEmploymentShare.rows).toEqual([
      { sex: 'FEMALE', sector: null, value: null, suppressed: true },
      { sex: 'MALE', sector: null, value: null, suppressed: true },
    ]);
    expect(indicators.formalEmploymentShare.total).toEqual({ value: null, suppressed: true });
  });

  it('counts a person once a year, by the latest job of that year', async () => {
    const result = await execute(
      server,
      ENTITIES,
      reps({ fromYear: 2024, toYear: 2025 }, ['YEAR']),
      ANALYST,
    );
    const [indicators] = result.data!._entities;
    // 2024: 12 women + 11 men (in Russia); 2025: the same 23 persons.
    expect(indicators.employedAbroad.total).toEqual({ value: 44, suppressed: false });
    const ru2024 = await execute(
      server,
      ENTITIES,
      reps({ year: 2024, destination: 'RU' }),
      ANALYST,
    );
    expect(ru2024.data!._entities[0].employedAbroad.total.value).toBe(21);
    const ru2025 = await execute(
      server,
      ENTITIES,
      reps({ year: 2025, destination: 'RU' }),
      ANALYST,
    );
    expect(ru2025.data!._entities[0].employedAbroad.total.value).toBe(10);
  });

  it('counts enrolments and completions of reintegration programmes', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }), ANALYST);
    const [indicators] = result.data!._entities;
    expect(indicators.reintegrationEnrolments.total).toEqual({ value: 10, suppressed: false });
    // 10 completions perturbed to 8: below K, withheld.
    expect(indicators.reintegrationCompletions.total).toEqual({ value: null, suppressed: true });
    const turkey = await execute(
      server,
      ENTITIES,
      reps({ year: 2025, destination: 'TR' }),
      ANALYST,
    );
    expect(turkey.data!._entities[0].reintegrationEnrolments.total.value).toBe(10);
  });

  it('is no side door: an officer gets FORBIDDEN for every measure, and it is audited', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }), {
      ...callerAs('LABOUR_OFFICER'),
      headers: { 'x-request-id': 'labour-indicators-denied' },
    });
    expect(result.data!._entities[0]).toMatchObject({
      employedAbroad: null,
      formalEmploymentShare: null,
    });
    expect(result.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(
      await connection
        .collection('audit_events')
        .findOne({ requestId: 'labour-indicators-denied' }),
    ).toMatchObject({
      outcome: 'DENIED',
      pins: [],
    });
  });

  it('audits an analyst read: the measures, no PIN', async () => {
    await execute(server, ENTITIES, reps({ year: 2025 }), {
      ...ANALYST,
      headers: { 'x-request-id': 'labour-indicators-allowed' },
    });
    expect(
      await connection
        .collection('audit_events')
        .findOne({ requestId: 'labour-indicators-allowed' }),
    ).toMatchObject({
      service: 'labour',
      roles: ['ANALYST'],
      purpose: 'STATISTICS',
      served: [
        expect.stringMatching(/^Indicators\(\{"fromYear":\d{4},.*\}\)$/),
        'Indicators.employedAbroad',
        'Indicators.employmentAbroadBySector',
        'Indicators.formalEmploymentShare',
        'Indicators.reintegrationCompletions',
        'Indicators.reintegrationEnrolments',
      ],
      pins: [],
      outcome: 'ALLOWED',
    });
  });

  it('serves cells an analyst was served to no role refused them, however warm the cache', async () => {
    const warm = await execute(server, ENTITIES, reps({ year: 2025 }, ['SEX']), ANALYST);
    expect(warm.data!._entities[0].employedAbroad.total).toEqual({ value: 21, suppressed: false });
    for (const role of ['LABOUR_OFFICER', 'PARTNER', 'AUDITOR'] as const) {
      const refused = await execute(
        server,
        ENTITIES,
        reps({ year: 2025 }, ['SEX']),
        callerAs(role),
      );
      const indicators = refused.data?._entities?.[0] ?? null;
      if (indicators)
        for (const measure of ['employedAbroad', 'employmentAbroadBySector'])
          expect(indicators[measure]).toBeNull();
      expect(refused.errors?.length).toBeGreaterThan(0);
      expect(refused.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    }
  });

  it('reads a refresh at once: the newer build, never the cells remembered of the older', async () => {
    const before = await execute(server, ENTITIES, reps({ year: 2025 }, ['SEX']), ANALYST);
    expect(before.data!._entities[0].employedAbroad.total).toEqual({
      value: 21,
      suppressed: false,
    });
    await connection.collection('employment_records').deleteMany({});
    await rebuildLabourIndicators(server.createContext().models, {
      asOf: day('2025-12-31'),
      recordKeys: ZERO_KEYS,
    });
    const after = await execute(server, ENTITIES, reps({ year: 2025 }, ['SEX']), ANALYST);
    expect(after.data!._entities[0].employedAbroad.total).toEqual({ value: 0, suppressed: false });
  });
});
