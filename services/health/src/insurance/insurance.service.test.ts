import type { Connection } from 'mongoose';
import { formatIsoDate, today } from '@jol/schema';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/schema/testing';
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
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createHealthServer>>;
  const records = (pin: string) =>
    connection
      .collection('health_insurance')
      .find({ pin }, { projection: { updatedAt: 0 } })
      .toArray();

  beforeAll(async () => {
    connection = await openTestDatabase('health');
    server = await createHealthServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('creates the record, then replaces it: one record per person', async () => {
    const first = await execute(server, SET, { input: cover });
    expect(first.errors).toBeUndefined();
    expect(first.data?.setHealthInsurance).toEqual(cover);

    const replaced = {
      pin: cover.pin,
      status: 'NOT_INSURED',
      scheme: 'MANDATORY',
      validFrom: '2024-02-01',
    };
    const second = await execute(server, SET, { input: replaced });
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
      execute(server, SET, { input: { ...cover, pin, scheme: 'VOLUNTARY' } }),
      execute(server, SET, { input: { ...cover, pin, scheme: 'MANDATORY' } }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(await records(pin)).toHaveLength(1);
  });

  it('reports cover whose last day has passed as EXPIRED, and as INSURED through its last day', async () => {
    const expired = await execute(server, SET, {
      input: {
        ...cover,
        pin: '10101199000022',
        validFrom: '2020-01-01',
        validUntil: daysFromToday(-1),
      },
    });
    expect(expired.data?.setHealthInsurance.status).toBe('EXPIRED');
    const lastDay = await execute(server, SET, {
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
    const result = await execute(server, SET, { input: { ...cover, pin, ...change } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(field);
    expect(result.errors?.[0]?.message).toContain(offending);
    expect(await records(pin)).toHaveLength(0);
  });

  it('refuses bad input without touching an existing record', async () => {
    const pin = '10101199000025';
    expect((await execute(server, SET, { input: { ...cover, pin } })).errors).toBeUndefined();
    const before = await records(pin);
    const result = await execute(server, SET, {
      input: { ...cover, pin, scheme: 'VOLUNTARY', validUntil: '2023-06-30' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await records(pin)).toEqual(before);
  });

  it('resolves healthInsurance on Person through _entities, null for a PIN without a record', async () => {
    const pin = '20202199200002';
    expect(
      (await execute(server, SET, { input: { ...cover, pin, validUntil: null } })).errors,
    ).toBeUndefined();
    const result = await execute(server, ENTITIES, {
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
    const audit = (requestId: string) =>
      connection.collection('audit_events').find({ requestId }).toArray();

    beforeAll(async () => {
      const r = await execute(server, SET, { input: { ...cover, pin } });
      expect(r.errors).toBeUndefined();
    });

    it.each([
      ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
      ['a partner institution', 'FORBIDDEN', callerAs('PARTNER')],
      ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
      [
        'the data subject of another PIN',
        'FORBIDDEN',
        callerAs('DATA_SUBJECT', { pin: '20101199099999' }),
      ],
      [
        'a health officer of another region',
        'FORBIDDEN',
        callerAs('HEALTH_OFFICER', { region: 'KG-B' }),
      ],
      [
        'a health officer declaring a purpose not his',
        'FORBIDDEN',
        { ...callerAs('HEALTH_OFFICER'), purpose: 'PENSION_ASSESSMENT' },
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', { caller: null, purpose: null }],
    ])('_entities is no side door: %s gets null and %s', async (_who, code, as) => {
      const result = await execute(server, ENTITIES, { reps: [rep] }, as);
      expect(result.data?._entities).toEqual([{ pin, healthInsurance: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'healthInsurance']);
    });

    it.each([
      ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ])('shows the insurance to %s', async (_who, as) => {
      const result = await execute(server, ENTITIES, { reps: [rep] }, as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities[0].healthInsurance).toEqual({
        status: 'INSURED',
        scheme: 'MIGRANT_POLICY',
        validFrom: '2024-01-01',
        validUntil: '2099-12-31',
      });
    });

    it.each([
      ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
      ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
      [
        'a health officer declaring no purpose',
        'FORBIDDEN',
        { ...callerAs('HEALTH_OFFICER'), purpose: null },
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', { caller: null, purpose: null }],
    ])('refuses setHealthInsurance by %s with %s and changes nothing', async (_who, code, as) => {
      const before = await records(pin);
      const result = await execute(
        server,
        SET,
        { input: { ...cover, pin, status: 'NOT_INSURED', validUntil: null } },
        as,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.data ?? null).toBeNull();
      expect(await records(pin)).toEqual(before);
    });

    it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
      const allowed = await execute(
        server,
        ENTITIES,
        { reps: [rep] },
        {
          ...callerAs('DATA_SUBJECT', { pin }),
          headers: { 'x-request-id': 'insurance-read-allowed' },
        },
      );
      expect(allowed.errors).toBeUndefined();
      expect(await audit('insurance-read-allowed')).toEqual([
        expect.objectContaining({
          roles: ['DATA_SUBJECT'],
          purpose: 'SELF_SERVICE',
          fields: ['Person.healthInsurance'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);
      const refused = await execute(
        server,
        ENTITIES,
        { reps: [rep] },
        {
          ...callerAs('PARTNER'),
          headers: { 'x-request-id': 'insurance-read-denied' },
        },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await audit('insurance-read-denied')).toEqual([
        expect.objectContaining({ roles: ['PARTNER'], outcome: 'DENIED' }),
      ]);
    });
  });
});
