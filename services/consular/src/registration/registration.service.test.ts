import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWrite,
  officersOtherThan,
  outsidersOf,
  useTestSubgraph,
} from '@jol/testkit/service';
import { createConsularServer } from '../server';

const FIELDS = 'id pin country consulate addressCity from to';

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterConsularRegistrationInput!) { registerConsularRegistration(input: $input) { ${FIELDS} } }
`;
const END = /* GraphQL */ `
  mutation ($input: EndConsularRegistrationInput!) { endConsularRegistration(input: $input) { ${FIELDS} } }
`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        consularRegistrations {
          country
          consulate
          addressCity
          from
          to
        }
      }
    }
  }
`;

const UNKNOWN_ID = '65a0000000000000000000ff';
const MOSCOW = callerAs('CONSULAR_OFFICER', { office: 'RU_MOSCOW' });
const ISTANBUL = callerAs('CONSULAR_OFFICER', { office: 'TR_ISTANBUL' });

describe('consular: registrations', () => {
  const subgraph = useTestSubgraph('consular', createConsularServer);
  const registrations = () => subgraph.connection.collection('consular_registrations');
  const snapshot = async (pin: string) =>
    (await registrations().find({ pin }).sort({ _id: 1 }).toArray()).map(
      ({ updatedAt: _u, ...rest }) => rest,
    );

  async function register(pin: string, input: Record<string, unknown> = {}): Promise<string> {
    const result = await execute(subgraph.server, REGISTER, {
      input: { pin, consulate: 'RU_MOSCOW', addressCity: 'Moscow', from: '2023-03-01', ...input },
    });
    expect(result.errors).toBeUndefined();
    return result.data?.registerConsularRegistration.id;
  }

  it("registers a citizen in the consulate's country, city trimmed, until ended", async () => {
    const pin = '10101199000001';
    const result = await execute(subgraph.server, REGISTER, {
      input: { pin, consulate: 'KR_SEOUL', addressCity: '  Ansan ', from: '2022-05-01' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerConsularRegistration).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      pin,
      country: 'KR',
      consulate: 'KR_SEOUL',
      addressCity: 'Ansan',
      from: '2022-05-01',
      to: null,
    });
    const id = result.data?.registerConsularRegistration.id;
    const ended = await execute(subgraph.server, END, { input: { id, to: '2023-01-31' } });
    expect(ended.data?.endConsularRegistration).toMatchObject({ id, to: '2023-01-31' });
  });

  it('refuses a second current registration with CONFLICT, and allows one once the first ended', async () => {
    const pin = '10101199000002';
    const first = await register(pin);
    const again = await execute(subgraph.server, REGISTER, {
      input: { pin, consulate: 'KZ_ALMATY', addressCity: 'Almaty', from: '2024-01-01' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain(pin);
    expect(await registrations().countDocuments({ pin })).toBe(1);
    await execute(subgraph.server, END, { input: { id: first, to: '2023-12-31' } });
    await register(pin, { consulate: 'KZ_ALMATY', from: '2024-01-01' });
    expect(await registrations().countDocuments({ pin })).toBe(2);
  });

  it("refuses a registration beginning before the person's last one ended, saying when to its post only", async () => {
    const pin = '10101199000004';
    const moscow = await register(pin, { from: '2022-04-01' });
    await execute(subgraph.server, END, { input: { id: moscow, to: '2023-12-20' } });
    const before = await snapshot(pin);
    for (const from of ['2023-06-01', '2020-01-01']) {
      const result = await execute(subgraph.server, REGISTER, {
        input: { pin, consulate: 'KZ_ALMATY', addressCity: 'Almaty', from },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'from',
      });
      expect(result.errors?.[0]?.message).toContain('(2023-12-20)');
    }
    const almaty = callerAs('CONSULAR_OFFICER', { office: 'KZ_ALMATY' });
    const elsewhere = await execute(
      subgraph.server,
      REGISTER,
      { input: { pin, consulate: 'KZ_ALMATY', addressCity: 'Almaty', from: '2023-06-01' } },
      almaty,
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors?.[0]?.message).not.toContain('2023-12-20');
    expect(await snapshot(pin)).toEqual(before);
    // The day the last one ended is the first a new one may begin.
    await register(pin, { consulate: 'KZ_ALMATY', addressCity: 'Almaty', from: '2023-12-20' });
  });

  it.each([
    [REGISTER, 'an empty city', { addressCity: '   ' }, 'BAD_USER_INPUT', 'addressCity'],
    [REGISTER, 'a future start', { from: '2999-01-01' }, 'BAD_USER_INPUT', '2999-01-01'],
    [END, 'an end before the start', { to: '2023-02-28' }, 'BAD_USER_INPUT', '2023-02-28'],
    [END, 'an unknown id', { id: UNKNOWN_ID }, 'NOT_FOUND', UNKNOWN_ID],
  ])('%#: refuses %s and changes nothing', async (mutation, _why, change, code, offending) => {
    const pin = '10101199000003';
    await registrations().deleteMany({ pin });
    const id = await register(pin);
    const before = await snapshot(pin);
    const input =
      mutation === REGISTER
        ? { pin, consulate: 'RU_MOSCOW', addressCity: 'Moscow', from: '2023-03-01', ...change }
        : { id, to: '2024-01-01', ...change };
    const result = await execute(subgraph.server, mutation, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toContain(offending);
    expect(await snapshot(pin)).toEqual(before);
  });

  describe('access', () => {
    const pin = '10404198600044';
    const rep = { __typename: 'Person', pin, homeRegion: 'KG-O' };
    const read = {
      query: ENTITIES,
      representation: rep,
      field: 'consularRegistrations',
      alongside: { pin },
    };
    const moscow = {
      country: 'RU',
      consulate: 'RU_MOSCOW',
      addressCity: 'Moscow',
      from: '2023-03-01',
      to: null,
    };
    let id: string;

    beforeAll(async () => {
      id = await register(pin);
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('CONSULAR_OFFICER', {
        otherPin: '20101199099999',
        otherRegion: 'KG-B',
        foreignPurpose: 'PENSION_ASSESSMENT',
      }),
      ...officersOtherThan('CONSULAR_OFFICER'),
    ]);
    itGivesEntityField(
      subgraph,
      read,
      [moscow],
      [
        ['a consular officer assisting citizens', callerAs('CONSULAR_OFFICER')],
        [
          'a consular officer registering citizens',
          callerWithPurpose('CONSULAR_OFFICER', 'CONSULAR_REGISTRATION'),
        ],
        ['an officer posted in Moscow', MOSCOW],
        ['the data subject', callerAs('DATA_SUBJECT', { pin })],
      ],
    );
    itGivesEntityField(
      subgraph,
      read,
      [],
      [["an officer posted in Istanbul (another post's)", ISTANBUL]],
    );

    const state = () => snapshot(pin);
    itRefusesWrite(
      subgraph,
      {
        name: 'endConsularRegistration',
        mutation: END,
        variables: async () => ({ input: { id, to: '2024-01-01' } }),
        state,
      },
      [
        ...officersOtherThan('CONSULAR_OFFICER'),
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
        ['an officer of another post', 'FORBIDDEN', ISTANBUL],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );
    itRefusesWrite(
      subgraph,
      {
        name: 'registerConsularRegistration',
        mutation: REGISTER,
        variables: {
          input: {
            pin: '10505198500055',
            consulate: 'RU_MOSCOW',
            addressCity: 'Moscow',
            from: '2023-01-01',
          },
        },
        state: () => snapshot('10505198500055'),
      },
      [
        ...officersOtherThan('CONSULAR_OFFICER'),
        ['an officer registering at another post', 'FORBIDDEN', ISTANBUL],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );

    it('lets a consular officer registering citizens end a registration of their post', async () => {
      const ended = await execute(
        subgraph.server,
        END,
        { input: { id, to: '2024-01-01' } },
        { ...MOSCOW, purpose: 'CONSULAR_REGISTRATION' },
      );
      expect(ended.errors).toBeUndefined();
      expect(ended.data?.endConsularRegistration.to).toBe('2024-01-01');
    });
  });
});
