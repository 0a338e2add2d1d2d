import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startTestSystem, type TestSystem } from '../system/test-system';
import { readGraphQL } from '@jol/tools';

/**
 * Indicators across the four agencies, through the gateway, over 2,000 seeded persons: one query
 * gathers every agency, only analysts get numbers, small cells are withheld and every other count
 * carries bounded cell-key noise (the same in every query), the CSV export says what GraphQL
 * says, and every agency audits the read.
 */

const PERSONS = 2_000;
const K = 10;
/** D: the largest noise of a published count. */
const D = 2;

interface Row {
  region: string | null;
  sex: string | null;
  ageBand: string | null;
  destination: string | null;
  year: number | null;
  sector: string | null;
  over: string[];
  value: number | null;
  suppressed: boolean;
}
interface Table {
  measure: string;
  agency: string;
  unit: 'PERSONS' | 'SHARE';
  dimensions: string[];
  asOf: string;
  rows: Row[];
  margins: Row[];
  total: Row;
}

const ROW = 'region sex ageBand destination year sector over value suppressed';
const TABLE = `measure agency unit dimensions asOf rows { ${ROW} } margins { ${ROW} } total { ${ROW} }`;
/** Two measures of each agency, a count and a share where the agency has one. */
const MEASURES = [
  'personsAbroad',
  'womenShareAbroad',
  'aged15To29ShareAbroad',
  'departures',
  'employedAbroad',
  'formalEmploymentShare',
  'activeTbCases',
  'returneeShareOfActiveTb',
  'tbScreenedReturnees',
  'insuredAbroad',
  'voluntaryContributors',
];
const QUERY = `query Indicators($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
  indicators(filter: $filter, by: $by) { key ${MEASURES.map((m) => `${m} { ${TABLE} }`).join(' ')} }
}`;

/** The equations of a table: each row and column of cells with its margin, the margins with the total. */
function equations(table: Table): Row[][] {
  const [first, second] = table.dimensions;
  const field = (d: string) =>
    ({
      REGION: 'region',
      SEX: 'sex',
      AGE_BAND: 'ageBand',
      DESTINATION: 'destination',
      YEAR: 'year',
      SECTOR: 'sector',
    })[d] as keyof Row;
  if (!first) return [];
  if (!second) return [[...table.rows, table.total]];
  const lines: Row[][] = [];
  for (const margin of table.margins) {
    const totalledOver = margin.over[0]!;
    const fixed = totalledOver === second ? first : second;
    lines.push([...table.rows.filter((r) => r[field(fixed)] === margin[field(fixed)]), margin]);
  }
  for (const over of [first, second]) {
    lines.push([...table.margins.filter((m) => m.over[0] === over), table.total]);
  }
  return lines;
}

describe('indicators across the four agencies', () => {
  let jol: TestSystem;
  let client: MongoClient;
  /** The seed's statistics were made between these two moments. */
  let seedStarted: Date;
  let seedEnded: Date;

  beforeAll(async () => {
    seedStarted = new Date();
    jol = await startTestSystem('indicators', { seedPersons: PERSONS });
    seedEnded = new Date();
    client = await new MongoClient(process.env.MONGODB_URI!).connect();
  }, 180_000);
  afterAll(async () => {
    await client?.close();
    await jol?.stop();
  });

  const analystQuery = async (variables: Record<string, unknown>, requestId?: string) => {
    const analyst = await jol.as('ANALYST');
    return analyst<{ indicators: Record<string, Table> & { key: string } }>(QUERY, variables, {
      requestId,
    });
  };

  it('gathers every agency in one query, margins within the noise of their cells', async () => {
    const result = await analystQuery({ filter: { year: 2025 }, by: ['REGION', 'SEX'] });
    expect(result.errors).toBeUndefined();
    const tables = MEASURES.map((m) => result.data!.indicators[m]!);
    expect([...new Set(tables.map((t) => t.agency))].sort()).toEqual([
      'health',
      'labour',
      'migration',
      'pensions',
    ]);
    let exact = 0;
    let lines = 0;
    for (const table of tables) {
      expect(table.dimensions).toEqual(['REGION', 'SEX']);
      expect(table.rows).toHaveLength(18);
      expect(table.margins).toHaveLength(11);
      if (table.unit !== 'PERSONS') continue;
      // Margins are perturbed on their own: off from the sum of their cells by at most D for
      // each term of the line.
      for (const line of equations(table)) {
        const [margin, cells] = [line.at(-1)!, line.slice(0, -1)];
        if (margin.suppressed || cells.some((c) => c.suppressed)) continue;
        const gap = Math.abs(cells.reduce((a, c) => a + c.value!, 0) - margin.value!);
        expect({ measure: table.measure, within: gap <= D * line.length }).toEqual({
          measure: table.measure,
          within: true,
        });
        lines += 1;
        if (gap === 0) exact += 1;
      }
    }
    // Not additive: some lines do not add up (the noise is not forced to cancel out).
    expect(lines - exact).toBeGreaterThan(0);
  });

  it('publishes the same group with the same value in every query', async () => {
    const twoWay = (await analystQuery({ filter: { year: 2025 }, by: ['REGION', 'SEX'] })).data!
      .indicators;
    const again = (await analystQuery({ filter: { year: 2025 }, by: ['REGION', 'SEX'] })).data!
      .indicators;
    expect(again.departures).toEqual(twoWay.departures);
    for (const region of ['KG-O', 'KG-C']) {
      const filtered = (await analystQuery({ filter: { year: 2025, region }, by: ['SEX'] })).data!
        .indicators;
      for (const measure of ['personsAbroad', 'departures', 'employedAbroad', 'insuredAbroad']) {
        const margin = twoWay[measure]!.margins.find((m) => m.region === region)!;
        expect({ measure, region, value: filtered[measure]!.total.value }).toEqual({
          measure,
          region,
          value: margin.value,
        });
      }
    }
  });

  it('shows the published figures of the domain in the seeded data', async () => {
    const result = await analystQuery({ filter: { year: 2025 } });
    const i = result.data!.indicators;
    expect(i.personsAbroad!.total.value).toBeGreaterThan(0.4 * PERSONS);
    // Almost 40% of migrants are women; 60.46% of migrants abroad are aged 15-29.
    expect(i.womenShareAbroad!.total.value).toBeGreaterThan(0.33);
    expect(i.womenShareAbroad!.total.value).toBeLessThan(0.47);
    expect(i.aged15To29ShareAbroad!.total.value).toBeGreaterThan(0.52);
    expect(i.aged15To29ShareAbroad!.total.value).toBeLessThan(0.68);
    for (const measure of ['employedAbroad', 'tbScreenedReturnees', 'insuredAbroad']) {
      expect({ measure, value: i[measure]!.total.value }).toEqual({
        measure,
        value: expect.any(Number),
      });
    }
  });

  it('refuses officers: FORBIDDEN, and no numbers', async () => {
    for (const role of ['MIGRATION_OFFICER', 'HEALTH_OFFICER'] as const) {
      const officer = await jol.as(role);
      const result = await officer(QUERY, { filter: { year: 2025 } });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('withholds every count perturbed below K, and keeps every other within D of the truth', async () => {
    const result = await analystQuery({ filter: { year: 2025 }, by: ['REGION', 'AGE_BAND'] });
    expect(result.errors).toBeUndefined();
    for (const table of MEASURES.map((m) => result.data!.indicators[m]!)) {
      for (const row of [...table.rows, ...table.margins, table.total]) {
        if (row.suppressed) expect(row.value).toBeNull();
      }
    }
    // The cube itself says which cells count 1 to K-1 persons, and what the others count.
    const departures = result.data!.indicators.departures!;
    const cells = client.db(`${jol.databasePrefix}_migration`).collection('indicator_cells');
    const compared = await Promise.all(
      departures.rows.map(async (r) => {
        const found = await cells
          .find({ measure: 'departures', year: 2025, region: r.region!, ageBand: r.ageBand! })
          .toArray();
        const truth = found.reduce((a, c) => a + (c.persons as number), 0);
        return { truth, value: r.value, suppressed: r.suppressed };
      }),
    );
    expect(compared.some((c) => c.suppressed)).toBe(true);
    expect(compared.some((c) => !c.suppressed && c.value !== c.truth)).toBe(true);
    for (const c of compared) {
      if (c.truth === 0) {
        expect(c).toEqual({ truth: 0, value: 0, suppressed: false });
      } else if (c.suppressed) {
        // Withheld on the perturbed count: the true one is 1 to K - 1 + D.
        expect({ ...c, range: c.truth <= K - 1 + D }).toEqual({ ...c, range: true });
      } else {
        expect({ ...c, published: c.value! >= K && Math.abs(c.value! - c.truth) <= D }).toEqual({
          ...c,
          published: true,
        });
      }
      // A count too small for any noise to lift it to K is always withheld.
      if (c.truth > 0 && c.truth < K - D) expect(c.suppressed).toBe(true);
    }
  });

  describe('CSV export', () => {
    const csvUrl = (params: Record<string, string>) =>
      `${jol.system.gatewayUrl}/indicators.csv?${new URLSearchParams(params)}`;
    const params = {
      filter: JSON.stringify({ year: 2025 }),
      by: 'region,sex',
      measures: 'personsAbroad,formalEmploymentShare,activeTbCases,insuredAbroad',
    };

    it('gives what GraphQL gives, as RFC 4180 CSV with a suppressed column', async () => {
      const token = await jol.token('ANALYST');
      const response = await fetch(csvUrl(params), {
        headers: { authorization: `Bearer ${token}`, 'x-purpose': 'STATISTICS' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename=".+\.csv"$/,
      );
      const lines = (await response.text()).split('\r\n').filter((l) => l !== '');
      const header = lines[0]!.split(',');
      expect(header).toEqual([
        'measure',
        'agency',
        'unit',
        'kind',
        'region',
        'sex',
        'age_band',
        'destination',
        'year',
        'sector',
        'value',
        'suppressed',
        'as_of',
      ]);
      const csv = lines
        .slice(1)
        .map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));

      const graphql = (await analystQuery({ filter: { year: 2025 }, by: ['REGION', 'SEX'] })).data!
        .indicators;
      const expected = params.measures.split(',').flatMap((measure) => {
        const t = graphql[measure]!;
        const line = (kind: string, r: Row) => ({
          measure,
          kind,
          region: r.over.includes('REGION') ? 'TOTAL' : r.region,
          sex: r.over.includes('SEX') ? 'TOTAL' : r.sex,
          value: r.value === null ? '' : String(r.value),
          suppressed: String(r.suppressed),
          as_of: t.asOf,
        });
        return [
          ...t.rows.map((r) => line('cell', r)),
          ...t.margins.map((r) => line('margin', r)),
          line('total', t.total),
        ];
      });
      expect(
        csv.map((c) => ({
          measure: c.measure,
          kind: c.kind,
          region: c.region,
          sex: c.sex,
          value: c.value,
          suppressed: c.suppressed,
          as_of: c.as_of,
        })),
      ).toEqual(expected);
      expect(csv.some((c) => c.suppressed === 'true' && c.value === '')).toBe(true);
    });

    it('refuses a request without a token (401), an officer (403) and bad parameters (400)', async () => {
      expect((await fetch(csvUrl(params))).status).toBe(401);
      const officer = await jol.token('MIGRATION_OFFICER');
      const refused = await fetch(csvUrl(params), {
        headers: { authorization: `Bearer ${officer}`, 'x-purpose': 'MIGRATION_REGISTRATION' },
      });
      expect(refused.status).toBe(403);
      expect((await readGraphQL(refused)).errors[0].extensions.code).toBe('FORBIDDEN');
      // A partner's system runs its registered operations only: the export is none of them.
      const partner = await jol.token('PARTNER', { partner: 'RU-SFR' });
      const notRegistered = await fetch(csvUrl(params), {
        headers: { authorization: `Bearer ${partner}`, 'x-purpose': 'PENSION_EXCHANGE' },
      });
      expect(notRegistered.status).toBe(403);
      expect((await readGraphQL(notRegistered)).errors[0].extensions.code).toBe(
        'OPERATION_NOT_REGISTERED',
      );
      const analyst = await jol.token('ANALYST');
      const bad = await fetch(csvUrl({ ...params, by: 'region,sex,year' }), {
        headers: { authorization: `Bearer ${analyst}`, 'x-purpose': 'STATISTICS' },
      });
      expect(bad.status).toBe(400);
      expect((await readGraphQL(bad)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      for (const [change, names] of [
        [{ filter: '{"year":' }, 'filter'],
        [{ filter: JSON.stringify({ year: 1999 }) }, '1999'],
        [{ filter: JSON.stringify({ year: seedEnded.getUTCFullYear() + 1 }) }, 'must be a year'],
        [{ measures: 'personsAbroad,salaries' }, 'salaries'],
        [{ by: 'region,colour' }, 'colour'],
      ] as const) {
        const refusedParams = await fetch(csvUrl({ ...params, ...change }), {
          headers: { authorization: `Bearer ${analyst}`, 'x-purpose': 'STATISTICS' },
        });
        const body = await readGraphQL(refusedParams);
        expect({
          change,
          status: refusedParams.status,
          code: body.errors[0].extensions.code,
        }).toEqual({ change, status: 400, code: 'BAD_USER_INPUT' });
        expect(body.errors[0].message).toContain(names);
      }
    });
  });

  it('is audited in every agency: the measures read and their filter and breakdown, no PIN', async () => {
    const requestId = `indicators-${randomUUID()}`;
    const result = await analystQuery({ filter: { year: 2025 }, by: ['SEX'] }, requestId);
    expect(result.errors).toBeUndefined();
    const csvRequestId = `indicators-csv-${randomUUID()}`;
    const csv = await fetch(
      `${jol.system.gatewayUrl}/indicators.csv?measures=activeTbCases,employedAbroad`,
      {
        headers: {
          authorization: `Bearer ${await jol.token('ANALYST')}`,
          'x-purpose': 'STATISTICS',
          'x-request-id': csvRequestId,
        },
      },
    );
    expect(csv.status).toBe(200);
    // Each agency records the measures it gave and the filter and breakdown they were for.
    const scope =
      'Indicators({"fromYear":2025,"toYear":2025,"region":null,"sex":null,"ageBand":null,"destination":null,"by":["SEX"]})';
    const fields: Record<string, string[]> = {
      migration: [
        scope,
        'Indicators.aged15To29ShareAbroad',
        'Indicators.departures',
        'Indicators.personsAbroad',
        'Indicators.womenShareAbroad',
        'Query.indicators',
      ],
      labour: [scope, 'Indicators.employedAbroad', 'Indicators.formalEmploymentShare'],
      health: [
        scope,
        'Indicators.activeTbCases',
        'Indicators.returneeShareOfActiveTb',
        'Indicators.tbScreenedReturnees',
      ],
      pensions: [scope, 'Indicators.insuredAbroad', 'Indicators.voluntaryContributors'],
    };
    for (const [agency, read] of Object.entries(fields)) {
      const events = client.db(`${jol.databasePrefix}_${agency}`).collection('audit_events');
      expect(
        await events.findOne(
          { callerRequestId: requestId },
          {
            projection: {
              _id: 0,
              service: 1,
              roles: 1,
              purpose: 1,
              served: 1,
              refused: 1,
              pins: 1,
              outcome: 1,
            },
          },
        ),
      ).toEqual({
        service: agency,
        roles: ['ANALYST'],
        purpose: 'STATISTICS',
        served: read,
        refused: [],
        pins: [],
        outcome: 'ALLOWED',
      });
    }
    for (const agency of ['migration', 'labour', 'health']) {
      const events = client.db(`${jol.databasePrefix}_${agency}`).collection('audit_events');
      expect(await events.findOne({ callerRequestId: csvRequestId })).toMatchObject({
        outcome: 'ALLOWED',
        pins: [],
      });
    }
  });

  it('covers the year it was refreshed in, up to that day, and says when it was refreshed', async () => {
    const year = seedEnded.getUTCFullYear();
    const analyst = await jol.as('ANALYST');
    const result = await analyst<{
      indicators: Record<string, { asOf: string; refreshedAt: string; total: Row }>;
    }>(
      `query ($filter: IndicatorFilter) { indicators(filter: $filter) {
        personsAbroad { asOf refreshedAt total { ${ROW} } }
        insuredAbroad { asOf refreshedAt total { ${ROW} } } } }`,
      { filter: { year } },
    );
    expect(result.errors).toBeUndefined();
    const days = [seedStarted, seedEnded].map((at) => at.toISOString().slice(0, 10));
    for (const table of Object.values(result.data!.indicators)) {
      expect(days).toContain(table.asOf);
      const refreshedAt = new Date(table.refreshedAt).getTime();
      expect(refreshedAt).toBeGreaterThanOrEqual(seedStarted.getTime());
      expect(refreshedAt).toBeLessThanOrEqual(seedEnded.getTime());
    }
    // Stays still open on that day are counted in the year.
    expect(result.data!.indicators.personsAbroad!.total.value).toBeGreaterThan(0);
  });

  it('counts voluntary contributors in the years of their voluntary insurance periods', async () => {
    // Persons with a voluntary period in each year, from the Social Fund's own records.
    const periods = await client
      .db(`${jol.databasePrefix}_pensions`)
      .collection('insurance_periods')
      .find({ type: 'VOLUNTARY' }, { projection: { _id: 0, pin: 1, from: 1, to: 1 } })
      .toArray();
    const insured = new Map<number, Set<string>>();
    for (const { pin, from, to } of periods) {
      for (let y = (from as Date).getUTCFullYear(); y <= (to as Date).getUTCFullYear(); y += 1) {
        if (!insured.has(y)) insured.set(y, new Set());
        insured.get(y)!.add(pin as string);
      }
    }
    // Years with enough voluntarily insured persons to publish (well above K and the noise).
    const years = [...insured.entries()].filter(([, pins]) => pins.size >= 3 * K).map(([y]) => y);
    expect(years).toEqual(expect.arrayContaining([2023, 2024, 2025]));
    const result = await analystQuery({
      filter: { fromYear: Math.min(...years), toYear: Math.max(...years) },
      by: ['YEAR'],
    });
    expect(result.errors).toBeUndefined();
    const byYear = new Map(
      result.data!.indicators.voluntaryContributors!.rows.map((row) => [row.year, row]),
    );
    for (const year of years) {
      // Some months of a voluntary period go unpaid, so not every insured person paid in the year.
      const row = byYear.get(year);
      expect({ year, published: !row?.suppressed && (row?.value ?? 0) > 0 }).toEqual({
        year,
        published: true,
      });
    }
  });
});
