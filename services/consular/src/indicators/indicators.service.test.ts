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
import { createConsularServer } from '../server';
import { rebuildConsularIndicators } from './indicators.build';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** Planted record keys, all 0: every count from 2 on is published 2 lower (see health's test). */
const ZERO_KEYS = () => 0;
const ANALYST = callerAs('ANALYST');
const pinOf = (serial: number) => `20101199${String(serial).padStart(6, '0')}`;

const TABLE = `rows { destination value suppressed } total { value suppressed }`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        assistanceCases { ${TABLE} }
        detentionCases { ${TABLE} }
        deathsAbroad { ${TABLE} }
      }
    }
  }
`;
const reps = (filter: Record<string, unknown>, by: string[] = []) => ({
  reps: [{ __typename: 'Indicators', key: indicatorKey(normalizeIndicatorRequest(filter, by)) }],
});

/**
 * 14 persons detained in Russia in 2025 (one of them detained twice: counted once), 3 who died in
 * Turkiye in 2025, and a case of 2024; their units name Kazakhstan as the latest destination, which
 * the consular measures do not count by: a case counts in its own country.
 */
async function insertRecords(connection: Connection): Promise<void> {
  const detained = Array.from({ length: 14 }, (_, i) => pinOf(i + 1));
  const died = Array.from({ length: 3 }, (_, i) => pinOf(100 + i));
  await connection.collection('statistical_units').insertMany(
    [...detained, ...died].map((pin) => ({
      pin,
      sex: 'MALE',
      birthDate: day('1990-01-01'),
      homeRegion: 'KG-O',
      lastDestination: 'KZ',
      firstReturnOn: null,
      refreshedAt: day('2026-01-01'),
    })),
  );
  const assistanceCase = (pin: string, type: string, consulate: string, openedOn: string) => ({
    pin,
    type,
    status: 'OPEN',
    country: consulate.slice(0, 2),
    consulate,
    openedOn: day(openedOn),
    closedOn: null,
  });
  await connection
    .collection('assistance_cases')
    .insertMany([
      ...detained.map((pin) => assistanceCase(pin, 'DETENTION', 'RU_MOSCOW', '2025-03-01')),
      assistanceCase(detained[0]!, 'DETENTION', 'RU_YEKATERINBURG', '2025-08-01'),
      assistanceCase(detained[1]!, 'DETENTION', 'RU_MOSCOW', '2024-08-01'),
      ...died.map((pin) => assistanceCase(pin, 'DEATH_ABROAD', 'TR_ISTANBUL', '2025-05-01')),
    ]);
}

describe('consular: indicators', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createConsularServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('consular');
    server = await createConsularServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    await insertRecords(connection);
    await rebuildConsularIndicators(server.createContext().models, {
      asOf: day('2025-12-31'),
      recordKeys: ZERO_KEYS,
    });
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('counts persons with cases by type and by the country of the case, each once a year', async () => {
    const result = await execute(server, ENTITIES, reps({ year: 2025 }, ['DESTINATION']), ANALYST);
    expect(result.errors).toBeUndefined();
    const [indicators] = result.data!._entities;
    // 14 detained in Russia (one twice), published 2 lower; the 3 deaths are a small group.
    expect(indicators.detentionCases.rows).toEqual([
      { destination: 'RU', value: 12, suppressed: false },
    ]);
    expect(indicators.deathsAbroad.rows).toEqual([
      { destination: 'TR', value: null, suppressed: true },
    ]);
    expect(indicators.assistanceCases.total).toEqual({ value: 15, suppressed: false });
  });

  it('is no side door: a consular officer gets FORBIDDEN', async () => {
    const result = await execute(
      server,
      ENTITIES,
      reps({ year: 2025 }),
      callerAs('CONSULAR_OFFICER'),
    );
    expect(result.data!._entities[0]).toEqual({
      assistanceCases: null,
      detentionCases: null,
      deathsAbroad: null,
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });
});
