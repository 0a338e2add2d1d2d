import type { Connection } from 'mongoose';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import type { MigrationModels } from '../context';
import { createMigrationServer } from '../server';
import { rebuildMigrationIndicators } from './indicators.build';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/**
 * Planted record keys, all 0: every cell key is 0, the first slot of the perturbation table, so
 * every count from 2 on is published 2 lower (and a 1 as 0): the counting stays visible.
 */
const ZERO_KEYS = () => 0;
const ANALYST = callerAs('ANALYST');

/** A PIN for the crafted persons: sex digit, a birth date, a serial. */
const pinOf = (sex: 'FEMALE' | 'MALE', birth: string, serial: number) =>
  `${sex === 'FEMALE' ? 1 : 2}${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(0, 4)}${String(serial).padStart(5, '0')}`;

interface Crafted {
  region: string;
  sex: 'FEMALE' | 'MALE';
  birth: string;
  stays: Array<{ departedOn: string; returnedOn: string | null; country: string }>;
  bans?: Array<{ from: string; country: string }>;
  children?: string[];
}

/**
 * The crafted register: 12 persons from Osh abroad in Russia since 2024 (8 women, 5 aged 15-29),
 * 3 from Naryn abroad in Kazakhstan, 2 from Batken back from Russia in 2025 (one banned), one
 * Osh parent with two children left behind, and one person who never left.
 */
function register(): Crafted[] {
  const crafted: Crafted[] = [];
  for (let i = 0; i < 12; i += 1) {
    crafted.push({
      region: 'KG-O',
      sex: i < 8 ? 'FEMALE' : 'MALE',
      birth: i < 5 ? '2000-04-01' : '1985-04-01',
      stays: [{ departedOn: '2024-03-01', returnedOn: null, country: 'RU' }],
      children: i === 0 ? ['10101201500001', '20101201700002'] : [],
    });
  }
  for (let i = 0; i < 3; i += 1) {
    crafted.push({
      region: 'KG-N',
      sex: 'MALE',
      birth: '1990-06-01',
      stays: [{ departedOn: '2024-05-01', returnedOn: null, country: 'KZ' }],
    });
  }
  for (let i = 0; i < 2; i += 1) {
    crafted.push({
      region: 'KG-B',
      sex: 'MALE',
      birth: '1992-01-15',
      stays: [
        { departedOn: '2021-02-01', returnedOn: '2022-02-01', country: 'RU' },
        { departedOn: '2023-02-01', returnedOn: '2025-06-01', country: 'RU' },
      ],
      bans: i === 0 ? [{ from: '2025-06-01', country: 'RU' }] : [],
    });
  }
  crafted.push({ region: 'KG-C', sex: 'FEMALE', birth: '1970-01-01', stays: [] });
  return crafted;
}

async function insertRegister(connection: Connection): Promise<void> {
  const persons = register().map((p, i) => ({ ...p, pin: pinOf(p.sex, p.birth, i + 1) }));
  await connection.collection('persons').insertMany(
    persons.map((p) => ({
      pin: p.pin,
      nameCyrillic: { last: 'Асанова', first: 'Айсулуу' },
      nameLatin: { last: 'Asanova', first: 'Aisuluu' },
      birthDate: day(p.birth),
      sex: p.sex,
      homeRegion: p.region,
      russianProficiency: 'GOOD',
      status:
        p.stays.length === 0 ? 'NEVER_LEFT' : p.stays.at(-1)!.returnedOn ? 'RETURNED' : 'ABROAD',
      destinations: [...new Set(p.stays.map((s) => s.country))],
    })),
  );
  const stays = persons.flatMap((p) =>
    p.stays.map((s) => ({
      pin: p.pin,
      departedOn: day(s.departedOn),
      returnedOn: s.returnedOn ? day(s.returnedOn) : null,
      country: s.country,
      city: null,
      purpose: 'WORK',
    })),
  );
  await connection.collection('migration_episodes').insertMany(stays);
  const bans = persons.flatMap((p) =>
    (p.bans ?? []).map((b) => ({
      pin: p.pin,
      from: day(b.from),
      until: null,
      country: b.country,
      reason: 'OVERSTAY',
    })),
  );
  await connection.collection('entry_bans').insertMany(bans);
  const children = persons.flatMap((p) =>
    (p.children ?? []).map((childPin) => ({
      pin: p.pin,
      childPin,
      relation: 'CHILD',
      caregiver: 'GRANDPARENT',
    })),
  );
  await connection.collection('dependants').insertMany(children);
}

const TABLE = `measure agency unit dimensions minCellSize asOf refreshedAt
  rows { region sex ageBand destination year over value suppressed }
  margins { region sex over value suppressed }
  total { over value suppressed }`;

const QUERY = /* GraphQL */ `
  query Indicators($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
    indicators(filter: $filter, by: $by) {
      key
      by
      filter { fromYear toYear region sex ageBand destination }
      personsAbroad { ${TABLE} }
      departures { ${TABLE} }
      returns { ${TABLE} }
      entryBans { ${TABLE} }
      womenShareAbroad { ${TABLE} }
      aged15To29ShareAbroad { ${TABLE} }
      childrenWithParentAbroad { ${TABLE} }
      destinations { ${TABLE} }
    }
  }
`;

type Row = {
  region: string | null;
  destination: string | null;
  value: number | null;
  suppressed: boolean;
};
const cells = (rows: Row[], key: 'region' | 'destination') =>
  Object.fromEntries(
    rows.filter((r) => r.value !== 0).map((r) => [r[key], r.suppressed ? 'suppressed' : r.value]),
  );

describe('migration: indicators', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createMigrationServer>>;
  let models: MigrationModels;

  beforeAll(async () => {
    connection = await openTestDatabase('migration');
    server = await createMigrationServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    models = server.createContext().models;
    await insertRegister(connection);
    await rebuildMigrationIndicators(models, {
      asOf: day('2025-12-31'),
      recordKeys: ZERO_KEYS,
      buildId: 'test-build',
      builtAt: new Date('2026-01-01T00:00:00Z'),
    });
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('counts the crafted register by region, withholding a small region and no complement', async () => {
    const result = await execute(
      server,
      QUERY,
      { filter: { year: 2025 }, by: ['REGION'] },
      ANALYST,
    );
    expect(result.errors).toBeUndefined();
    const indicators = result.data!.indicators;
    expect(indicators.by).toEqual(['REGION']);
    expect(indicators.filter).toEqual({
      fromYear: 2025,
      toYear: 2025,
      region: null,
      sex: null,
      ageBand: null,
      destination: null,
    });
    expect(indicators.personsAbroad).toMatchObject({
      measure: 'personsAbroad',
      agency: 'migration',
      unit: 'PERSONS',
      dimensions: ['REGION'],
      minCellSize: 10,
      asOf: '2025-12-31',
      refreshedAt: '2026-01-01T00:00:00.000Z',
    });
    // Naryn's 3 are a small group; Osh's 12 and the total 15 are published 2 lower. (With the
    // planted keys the noise is the same everywhere, so 13 - 10 does give Naryn away here; with
    // real keys each count has its own noise: test/src/specs/attack.spec.ts.)
    expect(cells(indicators.personsAbroad.rows, 'region')).toEqual({
      'KG-N': 'suppressed',
      'KG-O': 10,
    });
    expect(indicators.personsAbroad.total).toEqual({
      over: ['REGION'],
      value: 13,
      suppressed: false,
    });
    expect(indicators.personsAbroad.rows).toHaveLength(9);
    // Flows of 2025: the two Batken returns and one ban, all small.
    expect(indicators.returns.total).toEqual({ over: ['REGION'], value: null, suppressed: true });
    expect(indicators.entryBans.total.suppressed).toBe(true);
    expect(indicators.departures.total).toMatchObject({ value: 0, suppressed: false });
    // The two children of the Osh parent: a small group.
    expect(indicators.childrenWithParentAbroad.total.suppressed).toBe(true);
    // `destinations` ignores `by`: Russia 12, Kazakhstan 3.
    expect(indicators.destinations.dimensions).toEqual(['DESTINATION']);
    expect(cells(indicators.destinations.rows, 'destination')).toEqual({
      KZ: 'suppressed',
      RU: 10,
    });
  });

  it('counts a period: stocks on its last year, flows summed over its years', async () => {
    const result = await execute(
      server,
      QUERY,
      { filter: { fromYear: 2021, toYear: 2025 } },
      ANALYST,
    );
    expect(result.errors).toBeUndefined();
    const indicators = result.data!.indicators;
    expect(indicators.personsAbroad.total.value).toBe(13);
    // 2021: 2 departures; 2023: 2; 2024: 15. Each year counts its own persons: 19, published 17.
    expect(indicators.departures.total).toMatchObject({ value: 17, suppressed: false });
    const byYear = await execute(
      server,
      QUERY,
      { filter: { fromYear: 2021, toYear: 2025 }, by: ['YEAR'] },
      ANALYST,
    );
    expect(
      byYear.data!.indicators.departures.rows.map((r: { year: number; value: number | null }) => [
        r.year,
        r.value,
      ]),
    ).toEqual([
      [2021, null],
      [2022, 0],
      [2023, null],
      [2024, 13],
      [2025, 0],
    ]);
  });

  it('publishes shares only where both counts may be published', async () => {
    const result = await execute(
      server,
      QUERY,
      { filter: { year: 2025, region: 'KG-O' } },
      ANALYST,
    );
    const indicators = result.data!.indicators;
    // Osh: 12 abroad (published 10), 8 women and 5 aged 15-29: small groups.
    expect(indicators.personsAbroad.total.value).toBe(10);
    expect(indicators.womenShareAbroad.total).toMatchObject({ value: null, suppressed: true });
    expect(indicators.aged15To29ShareAbroad.total).toMatchObject({ value: null, suppressed: true });
    expect(indicators.womenShareAbroad.unit).toBe('SHARE');
  });

  it('follows STATS_MIN_CELL', async () => {
    process.env.STATS_MIN_CELL = '3';
    try {
      const result = await execute(
        server,
        QUERY,
        { filter: { year: 2025 }, by: ['REGION'] },
        ANALYST,
      );
      // 12 published 2 lower; 3 perturbed to 1 is below K = 3 and withheld. The share of 8
      // women among 15 is taken of 6 and 13.
      expect(cells(result.data!.indicators.personsAbroad.rows, 'region')).toEqual({
        'KG-N': 'suppressed',
        'KG-O': 10,
      });
      expect(result.data!.indicators.womenShareAbroad.total).toMatchObject({
        value: 0.4615,
        suppressed: false,
      });
      expect(result.data!.indicators.personsAbroad.minCellSize).toBe(3);
    } finally {
      delete process.env.STATS_MIN_CELL;
    }
  });

  it.each([
    [{ year: 1999 }, [], 'filter.year', '1999'],
    [{ fromYear: 2024, toYear: 2020 }, [], 'filter.toYear', '2020'],
    [{}, ['REGION', 'SEX', 'YEAR'], 'by', 'YEAR'],
    [{}, ['SECTOR'], 'by', 'SECTOR'],
  ])('refuses filter %j by %j with BAD_USER_INPUT', async (filter, by, field, value) => {
    const result = await execute(server, QUERY, { filter, by }, ANALYST);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(value);
  });

  it.each([
    ['a migration officer', callerAs('MIGRATION_OFFICER')],
    ['a data subject', callerAs('DATA_SUBJECT', { pin: '10101199000001' })],
    ['an analyst without a purpose', { caller: ANALYST.caller, purpose: null }],
  ])('refuses %s with FORBIDDEN', async (_who, as) => {
    const result = await execute(server, QUERY, { filter: { year: 2025 } }, as);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const result = await execute(server, QUERY, {}, { caller: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('audits every indicators request: the measures read, no PIN', async () => {
    await execute(
      server,
      `{ indicators { personsAbroad { total { value } } } }`,
      {},
      {
        ...ANALYST,
        headers: { 'x-request-id': 'indicators-allowed' },
      },
    );
    await execute(
      server,
      `{ indicators { personsAbroad { total { value } } } }`,
      {},
      {
        ...callerAs('MIGRATION_OFFICER'),
        headers: { 'x-request-id': 'indicators-denied' },
      },
    );
    const events = connection.collection('audit_events');
    expect(await events.findOne({ requestId: 'indicators-allowed' })).toMatchObject({
      service: 'migration',
      roles: ['ANALYST'],
      purpose: 'STATISTICS',
      served: [
        expect.stringMatching(/^Indicators\(\{"fromYear":\d{4},.*\}\)$/),
        'Indicators.personsAbroad',
        'Query.indicators',
      ],
      pins: [],
      outcome: 'ALLOWED',
    });
    expect(await events.findOne({ requestId: 'indicators-denied' })).toMatchObject({
      roles: ['MIGRATION_OFFICER'],
      refused: ['Query.indicators'],
      pins: [],
      outcome: 'DENIED',
    });
  });

  describe('_entities', () => {
    const ENTITIES = /* GraphQL */ `
      query ($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Indicators {
            key
            personsAbroad {
              total {
                value
              }
            }
          }
        }
      }
    `;

    it('resolves an Indicators representation by its key, for an analyst', async () => {
      const key = (
        await execute(server, `{ indicators(filter: { year: 2025 }) { key } }`, {}, ANALYST)
      ).data!.indicators.key;
      const result = await execute(
        server,
        ENTITIES,
        { reps: [{ __typename: 'Indicators', key }] },
        ANALYST,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([{ key, personsAbroad: { total: { value: 13 } } }]);
    });

    it('is no side door: an officer gets FORBIDDEN for the measure', async () => {
      const key = (await execute(server, `{ indicators { key } }`, {}, ANALYST)).data!.indicators
        .key;
      const result = await execute(
        server,
        ENTITIES,
        { reps: [{ __typename: 'Indicators', key }] },
        callerAs('MIGRATION_OFFICER'),
      );
      expect(result.data!._entities).toEqual([{ key, personsAbroad: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses a forged key with BAD_USER_INPUT', async () => {
      const result = await execute(
        server,
        ENTITIES,
        { reps: [{ __typename: 'Indicators', key: '{"fromYear":1990}' }] },
        ANALYST,
      );
      expect(result.data?._entities?.[0] ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses a year after the newest build covers, rather than answering zeros', async () => {
    await rebuildMigrationIndicators(models, {
      asOf: day('2024-12-31'),
      recordKeys: ZERO_KEYS,
      buildId: 'older-cover',
      builtAt: new Date('2026-02-01T00:00:00Z'),
    });
    const result = await execute(
      server,
      `{ indicators(filter: { year: 2025 }) { key personsAbroad { total { value } } } }`,
      {},
      ANALYST,
    );
    expect(result.data!.indicators.personsAbroad).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.year',
    });
    expect(result.errors?.[0]?.message).toContain('2025');
    expect(result.errors?.[0]?.message).toContain('2024-12-31');
  });

  it('publishes nothing from a build made before cell keys: its noise would follow the count alone', async () => {
    // A newer build in the old shape: cells without key sums, the build not marked keyed.
    await connection.collection('indicator_cells').insertOne({
      _id: 'unkeyed|personsAbroad|2025|KG-O|FEMALE|AGE_30_44|RU|',
      build: 'unkeyed',
      measure: 'personsAbroad',
      year: 2025,
      region: 'KG-O',
      sex: 'FEMALE',
      ageBand: 'AGE_30_44',
      destination: 'RU',
      category: null,
      persons: 40,
    } as never);
    await connection.collection('indicator_builds').insertOne({
      _id: 'unkeyed',
      asOf: day('2025-12-31'),
      builtAt: new Date('2026-03-01T00:00:00Z'),
      cells: 1,
    } as never);
    const result = await execute(
      server,
      `{ indicators(filter: { year: 2025 }) { personsAbroad { asOf total { value } } } }`,
      {},
      ANALYST,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.indicators.personsAbroad).toEqual({ asOf: null, total: { value: 0 } });
  });
});
