import { formatIsoDate, today } from '@jol/kernel';
import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWrite,
  outsidersOf,
  useTestSubgraph,
} from '@jol/testkit/service';
import { createHealthServer } from '../server';

const SET = /* GraphQL */ `
  mutation ($input: SetHealthInsuranceInput!) {
    setHealthInsurance(input: $input) {
      pin
      status
      scheme
      validFrom
      validUntil
    }
  }
`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        healthInsurance {
          status
          scheme
          validFrom
          validUntil
        }
      }
    }
  }
`;

const daysFromToday = (days: number) => {
  const day = today();
  day.setUTCDate(day.getUTCDate() + days);
  return formatIsoDate(day);
};

const cover = {
  pin: '20711198800017',
  status: 'INSURED',
  scheme: 'MIGRANT_POLICY',
  validFrom: '2024-01-01',
  validUntil: '2099-12-31',
};

describe('health: insurance', () => {
  const subgraph = useTestSubgraph('health', createHealthServer);
  const records = (pin: string) =>
    subgraph.connection
      .collection('health_insurance')
      .find({ pin }, { projection: { updatedAt: 0 } })
      .toArray();

  it('creates the record, then replaces it: one record per person', async () => {
    const first = await execute(subgraph.server, SET, { input: cover });
    expect(first.errors).toBeUndefined();
    expect(first.data?.setHealthInsurance).toEqual(cover);

    const replaced = {
      pin: cover.pin,
      status: 'NOT_INSURED',
      scheme: 'MANDATORY',
      validFrom: '2024-02-01',
    };
    const second = await execute(subgraph.server, SET, { input: replaced });
    expect(second.errors).toBeUndefined();
    expect(second.data?.setHealthInsurance).toEqual({ ...replaced, validUntil: null });

    const stored = await records(cover.pin);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      status: 'NOT_INSURED',
      scheme: 'MANDATORY',
      validUntil: null,
    });
  });

  it('keeps one record when two first-time writes for a person race', async () => {
    const pin = '10101199000021';
    const results = await Promise.all([
      execute(subgraph.server, SET, { input: { ...cover, pin, scheme: 'VOLUNTARY' } }),
      execute(subgraph.server, SET, { input: { ...cover, pin, scheme: 'MANDATORY' } }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(await records(pin)).toHaveLength(1);
  });

  it('reports cover whose last day has passed as EXPIRED, and as INSURED through its last day', async () => {
    const expired = await execute(subgraph.server, SET, {
      input: {
        ...cover,
        pin: '10101199000022',
        validFrom: '2020-01-01',
        validUntil: daysFromToday(-1),
      },
    });
    expect(expired.data?.setHealthInsurance.status).toBe('EXPIRED');
    const lastDay = await execute(subgraph.server, SET, {
      input: {
        ...cover,
        pin: '10101199000023',
        validFrom: '2020-01-01',
        validUntil: daysFromToday(0),
      },
    });
    expect(lastDay.data?.setHealthInsurance.status).toBe('INSURED');
    const [stored] = await records('10101199000022');
    expect(stored!.status).toBe('INSURED');
  });

  it.each([
    ['EXPIRED as a status', { status: 'EXPIRED' }, 'status', 'EXPIRED'],
    [
      'a validFrom in the future',
      { validFrom: '2999-01-01', validUntil: null },
      'validFrom',
      '2999-01-01',
    ],
    ['a validUntil before validFrom', { validUntil: '2023-12-31' }, 'validUntil', '2023-12-31'],
    ['an unknown scheme', { scheme: 'PRIVATE' }, 'scheme', 'PRIVATE'],
  ])('refuses %s with BAD_USER_INPUT, creating nothing', async (_why, change, field, offending) => {
    const pin = '10101199000024';
    const result = await execute(subgraph.server, SET, { input: { ...cover, pin, ...change } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(field);
    expect(result.errors?.[0]?.message).toContain(offending);
    expect(await records(pin)).toHaveLength(0);
  });

  it('refuses bad input without touching an existing record', async () => {
    const pin = '10101199000025';
    expect(
      (await execute(subgraph.server, SET, { input: { ...cover, pin } })).errors,
    ).toBeUndefined();
    const before = await records(pin);
    const result = await execute(subgraph.server, SET, {
      input: { ...cover, pin, scheme: 'VOLUNTARY', validUntil: '2023-06-30' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await records(pin)).toEqual(before);
  });

  it('resolves healthInsurance on Person through _entities, null for a PIN without a record', async () => {
    const pin = '20202199200002';
    expect(
      (await execute(subgraph.server, SET, { input: { ...cover, pin, validUntil: null } })).errors,
    ).toBeUndefined();
    const result = await execute(subgraph.server, ENTITIES, {
      reps: [
        { __typename: 'Person', pin: '20101199099999' },
        { __typename: 'Person', pin },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { pin: '20101199099999', healthInsurance: null },
      {
        pin,
        healthInsurance: {
          status: 'INSURED',
          scheme: 'MIGRANT_POLICY',
          validFrom: '2024-01-01',
          validUntil: null,
        },
      },
    ]);
  });
  describe('access', () => {
    const pin = '10404198600044';
    const homeRegion = 'KG-GB';
    const rep = { __typename: 'Person', pin, homeRegion };
    const read = {
      query: ENTITIES,
      representation: rep,
      field: 'healthInsurance',
      alongside: { pin },
    };

    beforeAll(async () => {
      const r = await execute(subgraph.server, SET, { input: { ...cover, pin } });
      expect(r.errors).toBeUndefined();
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('HEALTH_OFFICER', {
        otherPin: '20101199099999',
        otherRegion: 'KG-B',
        foreignPurpose: 'PENSION_ASSESSMENT',
      }),
      ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
    ]);

    itGivesEntityField(
      subgraph,
      read,
      {
        status: 'INSURED',
        scheme: 'MIGRANT_POLICY',
        validFrom: '2024-01-01',
        validUntil: '2099-12-31',
      },
      [
        ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
        ['the data subject', callerAs('DATA_SUBJECT', { pin })],
      ],
    );

    itRefusesWrite(
      subgraph,
      {
        name: 'setHealthInsurance',
        mutation: SET,
        variables: { input: { ...cover, pin, status: 'NOT_INSURED', validUntil: null } },
        state: () => records(pin),
      },
      [
        ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
        [
          'a health officer declaring no purpose',
          'FORBIDDEN',
          callerWithPurpose('HEALTH_OFFICER', null),
        ],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );

    it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
      const allowed = await executeAudited(
        subgraph,
        'insurance-read-allowed',
        ENTITIES,
        { reps: [rep] },
        callerAs('DATA_SUBJECT', { pin }),
      );
      expect(allowed.result.errors).toBeUndefined();
      expect(allowed.events).toEqual([
        expect.objectContaining({
          roles: ['DATA_SUBJECT'],
          purpose: 'SELF_SERVICE',
          served: ['Person.healthInsurance'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);
      const refused = await executeAudited(
        subgraph,
        'insurance-read-denied',
        ENTITIES,
        { reps: [rep] },
        callerAs('PARTNER'),
      );
      expect(refused.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.events).toEqual([
        expect.objectContaining({ roles: ['PARTNER'], outcome: 'DENIED' }),
      ]);
    });
  });
});
