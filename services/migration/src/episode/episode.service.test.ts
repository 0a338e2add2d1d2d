import type { Connection } from 'mongoose';
import {
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import { createMigrationServer } from '../server';

const PIN = '20101198812345';
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`;
const DEPART = `mutation ($input: RegisterDepartureInput!) {
  registerDeparture(input: $input) { id country city purpose departedOn returnedOn } }`;
const RETURN = `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id departedOn returnedOn } }`;
const STATUS = `query ($pin: PIN!) { person(pin: $pin) { status episodes { country departedOn returnedOn } } }`;

describe('migration: departures and returns', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createMigrationServer>>;
  const episodes = () => connection.collection('migration_episodes').countDocuments({ pin: PIN });

  beforeAll(async () => {
    connection = await openTestDatabase('migration');
    server = await createMigrationServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    const registered = await execute(server, REGISTER, {
      input: {
        pin: PIN,
        nameCyrillic: { last: 'Токтогулов', first: 'Бакыт' },
        nameLatin: { last: 'Toktogulov', first: 'Bakyt' },
        birthDate: '1988-01-20',
        sex: 'MALE',
        homeRegion: 'KG-B',
        russianProficiency: 'BASIC',
      },
    });
    expect(registered.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('refuses an unknown country, KG itself and a future departure, writing nothing', async () => {
    const base = {
      pin: PIN,
      departedOn: '2023-03-01',
      country: 'RU',
      city: 'Moscow',
      purpose: 'WORK',
    };
    for (const [change, offending] of [
      [{ country: 'XX' }, '"XX"'],
      [{ country: 'KG' }, '"KG"'],
      [{ departedOn: '2999-01-01' }, '2999-01-01'],
    ] as const) {
      const result = await execute(server, DEPART, { input: { ...base, ...change } });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(offending);
    }
    expect(await episodes()).toBe(0);
  });

  it('refuses a city holding a control or bidirectional character, in a variable or a literal, writing nothing', async () => {
    const input = { pin: PIN, departedOn: '2023-03-01', country: 'RU', purpose: 'WORK' };
    for (const city of ['\u0000=cmd|calc!A1', 'Mos\u202ewoc', 'Mos\ncow', 'Mos\u2066cow']) {
      const result = await execute(server, DEPART, { input: { ...input, city } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'city',
      });
      expect(result.errors?.[0]?.message).toContain('must not contain control characters');
    }
    const literal = await execute(
      server,
      `mutation { registerDeparture(input: { pin: "${PIN}", departedOn: "2023-03-01", country: "RU",
        purpose: WORK, city: "Mos\\u202Ecow" }) { id } }`,
    );
    expect(literal.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'city',
    });
    // The value is echoed escaped: the message itself carries no override.
    expect(literal.errors?.[0]?.message).toContain('"Mos\\u202ecow"');
    expect(await episodes()).toBe(0);
  });

  it('refuses a return when the person never left', async () => {
    const result = await execute(server, RETURN, { input: { pin: PIN, returnedOn: '2023-01-01' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('opens an episode, refuses a second departure, refuses a return before the departure, then closes it', async () => {
    const departed = await execute(server, DEPART, {
      input: { pin: PIN, departedOn: '2023-03-01', country: 'RU', city: 'Moscow', purpose: 'WORK' },
    });
    expect(departed.errors).toBeUndefined();
    expect(departed.data?.registerDeparture).toMatchObject({ country: 'RU', returnedOn: null });

    const twice = await execute(server, DEPART, {
      input: { pin: PIN, departedOn: '2023-04-01', country: 'KZ', purpose: 'WORK' },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const early = await execute(server, RETURN, { input: { pin: PIN, returnedOn: '2023-02-01' } });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toContain('2023-02-01');

    const status = await execute(server, STATUS, { pin: PIN });
    expect(status.data?.person).toEqual({
      status: 'ABROAD',
      episodes: [{ country: 'RU', departedOn: '2023-03-01', returnedOn: null }],
    });

    const back = await execute(server, RETURN, { input: { pin: PIN, returnedOn: '2024-06-30' } });
    expect(back.errors).toBeUndefined();
    expect(back.data?.registerReturn).toMatchObject({
      departedOn: '2023-03-01',
      returnedOn: '2024-06-30',
    });
    expect((await execute(server, STATUS, { pin: PIN })).data?.person.status).toBe('RETURNED');
  });

  it('refuses a new departure dated before the last return', async () => {
    const result = await execute(server, DEPART, {
      input: { pin: PIN, departedOn: '2024-06-01', country: 'KZ', purpose: 'WORK' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await episodes()).toBe(1);
  });

  it('lets exactly one of two concurrent departures through', async () => {
    const input = { pin: PIN, departedOn: '2024-08-01', country: 'KZ', purpose: 'WORK' };
    const results = await Promise.all([
      execute(server, DEPART, { input }),
      execute(server, DEPART, { input }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(
      await connection
        .collection('migration_episodes')
        .countDocuments({ pin: PIN, returnedOn: null }),
    ).toBe(1);
  });

  it('resolves episodes, entry bans and dependants through _entities', async () => {
    const ban = await execute(
      server,
      `mutation ($input: RecordEntryBanInput!) { recordEntryBan(input: $input) { country until reason } }`,
      {
        input: {
          pin: PIN,
          country: 'RU',
          from: '2024-07-01',
          until: '2029-07-01',
          reason: 'OVERSTAY',
        },
      },
    );
    expect(ban.errors).toBeUndefined();
    const child = await execute(
      server,
      `mutation ($input: RecordDependantInput!) { recordDependant(input: $input) { childPin relation } }`,
      {
        input: {
          pin: PIN,
          childPin: '10202201512345',
          relation: 'CHILD',
          caregiver: 'GRANDPARENT',
        },
      },
    );
    expect(child.errors).toBeUndefined();
    const result = await execute(
      server,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person {
        episodes { country } entryBans { country reason } dependants { childPin caregiver } } } }`,
      { reps: [{ __typename: 'Person', pin: PIN }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]).toEqual({
      episodes: [{ country: 'RU' }, { country: 'KZ' }],
      entryBans: [{ country: 'RU', reason: 'OVERSTAY' }],
      dependants: [{ childPin: '10202201512345', caregiver: 'GRANDPARENT' }],
    });
  });

  it('refuses a ban that ends before it starts and a duplicate dependant', async () => {
    const ban = await execute(
      server,
      `mutation ($input: RecordEntryBanInput!) { recordEntryBan(input: $input) { id } }`,
      {
        input: {
          pin: PIN,
          country: 'RU',
          from: '2024-07-01',
          until: '2024-01-01',
          reason: 'OVERSTAY',
        },
      },
    );
    expect(ban.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ban.errors?.[0]?.message).toContain('2024-01-01');
    const dup = await execute(
      server,
      `mutation ($input: RecordDependantInput!) { recordDependant(input: $input) { id } }`,
      {
        input: {
          pin: PIN,
          childPin: '10202201512345',
          relation: 'CHILD',
          caregiver: 'GRANDPARENT',
        },
      },
    );
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await connection.collection('entry_bans').countDocuments({ pin: PIN })).toBe(1);
    expect(await connection.collection('dependants').countDocuments({ pin: PIN })).toBe(1);
  });
});
