import { describeRevisions, execute, serialPin, useTestSubgraph } from '@jol/testkit/service';
import { createMigrationServer } from '../server';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      pin
    }
  }
`;
const DEPART = /* GraphQL */ `
  mutation Depart($input: RegisterDepartureInput!) {
    registerDeparture(input: $input) {
      id
    }
  }
`;
const RETURN = /* GraphQL */ `
  mutation Return($input: RegisterReturnInput!) {
    registerReturn(input: $input) {
      id
    }
  }
`;
const CORRECT = /* GraphQL */ `
  mutation Correct($id: ID!, $version: Int!, $input: MigrationEpisodeInput!, $reason: String!) {
    correctMigrationEpisode(id: $id, version: $version, input: $input, reason: $reason) {
      id
      departedOn
      returnedOn
    }
  }
`;
const VOID = /* GraphQL */ `
  mutation Void($id: ID!, $version: Int!, $reason: String!) {
    voidMigrationEpisode(id: $id, version: $version, reason: $reason) {
      id
    }
  }
`;
const PERSON = /* GraphQL */ `
  query Person($pin: PIN!) {
    person(pin: $pin) {
      status
      episodes {
        country
      }
    }
  }
`;

/** A stay in Russia from March to September of the nth year after 2015. */
const stay = (pin: string, nth = 0) => ({
  pin,
  departedOn: `${2015 + nth}-03-01`,
  country: 'RU',
  city: 'Moscow',
  purpose: 'WORK',
  returnedOn: `${2015 + nth}-09-30`,
});

describe('migration: correcting and voiding stays abroad', () => {
  const subgraph = useTestSubgraph('migration', createMigrationServer);

  const ok = async (query: string, variables: Record<string, unknown>) => {
    const result = await execute(subgraph.server, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const register = (pin: string) =>
    ok(REGISTER, {
      input: {
        pin,
        nameCyrillic: { last: 'Асанова', first: 'Айгуль' },
        nameLatin: { last: 'Asanova', first: 'Aigul' },
        birthDate: '1990-01-01',
        sex: 'FEMALE',
        homeRegion: 'KG-C',
        russianProficiency: 'GOOD',
      },
    });
  /** Registers the departure and, for a closed stay, the return; the person must be registered. */
  const record = async (input: ReturnType<typeof stay>) => {
    const { returnedOn, ...departure } = input;
    const { registerDeparture } = await ok(DEPART, { input: departure });
    if (returnedOn) await ok(RETURN, { input: { pin: input.pin, returnedOn } });
    return registerDeparture.id as string;
  };
  /** The status and stays the API shows, and the destinations the person list is filtered by. */
  const person = async (pin: string) => {
    const stored = await subgraph.connection.collection('persons').findOne({ pin });
    return { ...(await ok(PERSON, { pin })).person, destinations: stored?.destinations };
  };

  describeRevisions(subgraph, {
    entity: 'MigrationEpisode',
    collection: 'migration_episodes',
    correct: 'correctMigrationEpisode',
    void: 'voidMigrationEpisode',
    inputType: 'MigrationEpisodeInput',
    fields: 'pin departedOn country city purpose returnedOn',
    personField: 'episodes',
    representation: (pin) => ({ __typename: 'Person', pin }),
    firstPin: 500,
    record: async (pin, nth = 0) => {
      if (nth === 0) await register(pin);
      const input = stay(pin, nth);
      return { id: await record(input), input };
    },
    // Family, not work, in Kazan; then work in Moscow again.
    corrected: (input) =>
      input.purpose === 'WORK'
        ? { ...input, purpose: 'FAMILY', city: 'Kazan' }
        : { ...input, purpose: 'WORK', city: 'Moscow' },
    invalid: [
      ['a stay at home', (input) => ({ ...input, country: 'KG' }), 'country'],
      [
        'a return before the departure',
        (input) => ({ ...input, returnedOn: '2000-01-01' }),
        'returnedOn',
      ],
      [
        'a departure in the future',
        (input) => ({ ...input, departedOn: '2999-01-01' }),
        'departedOn',
      ],
    ],
  });

  it("checks a corrected stay against the person's other stays, not against itself", async () => {
    const pin = serialPin(1);
    await register(pin);
    const first = await record(stay(pin, 0));
    await record(stay(pin, 1));
    const longer = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 1,
      input: { ...stay(pin, 0), departedOn: '2014-12-01', returnedOn: '2016-03-01' },
      reason: 'Left earlier and came back later',
    });
    expect(longer.errors).toBeUndefined();
    const clash = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 2,
      input: { ...stay(pin, 0), returnedOn: '2016-03-02' },
      reason: 'Came back a day later still',
    });
    expect(clash.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'departedOn',
    });
    const open = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 2,
      input: { ...stay(pin, 0), returnedOn: null },
      reason: 'Never came back',
    });
    expect(open.errors?.[0]?.message).toContain('must not overlap the stay');
  });

  it('keeps the status and destinations what the remaining stays say, and a voided stay no longer blocks a departure', async () => {
    const pin = serialPin(2);
    await register(pin);
    await record(stay(pin, 0));
    const { pin: _pin, returnedOn: _returned, ...departure } = { ...stay(pin, 1), country: 'KZ' };
    const { registerDeparture } = await ok(DEPART, { input: { ...departure, pin } });
    expect(await person(pin)).toMatchObject({ status: 'ABROAD', destinations: ['RU', 'KZ'] });

    // Recorded by mistake: the person never went to Kazakhstan and is at home.
    const voided = await execute(subgraph.server, VOID, {
      id: registerDeparture.id,
      version: 1,
      reason: 'Departure registered for the wrong person',
    });
    expect(voided.errors).toBeUndefined();
    expect(await person(pin)).toEqual({
      status: 'RETURNED',
      destinations: ['RU'],
      episodes: [{ country: 'RU' }],
    });
    await ok(DEPART, { input: { ...departure, pin, departedOn: '2017-05-01', country: 'TR' } });
    expect(await person(pin)).toMatchObject({ status: 'ABROAD', destinations: ['RU', 'TR'] });
  });

  it('reopens a stay whose return is corrected away, and closes one whose return is added', async () => {
    const pin = serialPin(3);
    await register(pin);
    const only = await record(stay(pin, 0));
    await ok(CORRECT, {
      id: only,
      version: 1,
      input: { ...stay(pin, 0), returnedOn: null },
      reason: 'The return was registered in error',
    });
    expect(await person(pin)).toMatchObject({ status: 'ABROAD', destinations: ['RU'] });
    await ok(CORRECT, {
      id: only,
      version: 2,
      input: stay(pin, 0),
      reason: 'The return was right after all',
    });
    expect(await person(pin)).toMatchObject({ status: 'RETURNED' });
    await ok(VOID, { id: only, version: 3, reason: 'No such stay' });
    expect(await person(pin)).toEqual({ status: 'NEVER_LEFT', destinations: [], episodes: [] });
  });
});
