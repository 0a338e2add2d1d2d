import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWithoutHomeRegion,
  itRefusesWrite,
  officersOtherThan,
  outsidersOf,
  useTestSubgraph,
  type RefusalCase,
} from '@jol/testkit/service';
import { formatIsoDate, today } from '@jol/kernel';
import { createPensionsServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordInsurancePeriodInput!) {
    recordInsurancePeriod(input: $input) {
      id
      pin
      country
      from
      to
      type
      source
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        insurancePeriods {
          country
          from
          to
          type
          source
        }
      }
    }
  }
`;

const READ = /* GraphQL */ `
  query PensionsInsurancePeriods($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        insurancePeriods {
          country
          from
        }
      }
    }
  }
`;

const AISULUU = '10503199012345';

const domestic = {
  pin: AISULUU,
  country: 'KG',
  from: '2015-01-01',
  to: '2015-12-31',
  type: 'EMPLOYMENT',
  source: 'DOMESTIC',
};

function shiftDays(date: Date, days: number): string {
  return formatIsoDate(new Date(date.getTime() + days * 86_400_000));
}

describe('pensions: insurance periods', () => {
  const subgraph = useTestSubgraph('pensions', createPensionsServer);
  const periods = () => subgraph.connection.collection('insurance_periods');

  it('records a domestic period and a voluntary one from abroad', async () => {
    const home = await execute(subgraph.server, RECORD, { input: domestic });
    expect(home.errors).toBeUndefined();
    expect(home.data?.recordInsurancePeriod).toEqual({ id: expect.any(String), ...domestic });

    const abroad = {
      ...domestic,
      country: 'RU',
      from: '2016-01-01',
      to: '2016-06-30',
      type: 'VOLUNTARY',
      source: 'VOLUNTARY_FROM_ABROAD',
    };
    const away = await execute(subgraph.server, RECORD, { input: abroad });
    expect(away.errors).toBeUndefined();
    expect(away.data?.recordInsurancePeriod).toMatchObject(abroad);

    const stored = await periods().find({ pin: AISULUU }).sort({ from: 1 }).toArray();
    expect(stored.map((p) => [p.country, formatIsoDate(p.from), formatIsoDate(p.to)])).toEqual([
      ['KG', '2015-01-01', '2015-12-31'],
      ['RU', '2016-01-01', '2016-06-30'],
    ]);
    expect(String(stored[0]!._id)).toBe(home.data?.recordInsurancePeriod.id);
  });

  it('accepts a one-day period that ends today and one that starts the day after another ends', async () => {
    const pin = '20101199000001';
    const bound = today();
    const first = await execute(subgraph.server, RECORD, {
      input: { ...domestic, pin, from: shiftDays(bound, -10), to: shiftDays(bound, -1) },
    });
    expect(first.errors).toBeUndefined();
    const adjacent = await execute(subgraph.server, RECORD, {
      input: { ...domestic, pin, from: formatIsoDate(bound), to: formatIsoDate(bound) },
    });
    expect(adjacent.errors).toBeUndefined();
    expect(await periods().countDocuments({ pin })).toBe(2);
  });

  it.each([
    ['from in the future', { from: 'TOMORROW', to: 'TOMORROW' }, 'TOMORROW', 'from'],
    ['to in the future', { from: '2024-01-01', to: 'TOMORROW' }, 'TOMORROW', 'to'],
    ['to before from', { from: '2024-05-02', to: '2024-05-01' }, '2024-05-01', 'to'],
    ['DOMESTIC abroad', { country: 'RU' }, '"RU"', 'country'],
    ['VOLUNTARY_FROM_ABROAD at home', { source: 'VOLUNTARY_FROM_ABROAD' }, '"KG"', 'country'],
    ['PARTNER_REPORTED at home', { source: 'PARTNER_REPORTED' }, '"KG"', 'country'],
    ['an unknown country', { country: 'XX', source: 'PARTNER_REPORTED' }, '"XX"', undefined],
    ['an impossible date', { from: '2023-02-29' }, '2023-02-29', undefined],
    ['an unknown type', { type: 'STUDY' }, 'STUDY', undefined],
    ['an invalid PIN', { pin: '30503199012345' }, '30503199012345', undefined],
  ])(
    'refuses %s with BAD_USER_INPUT and writes nothing',
    async (_why, change, offending, field) => {
      const pin = '20202199000002';
      const tomorrow = shiftDays(today(), 1);
      const input: Record<string, unknown> = { ...domestic, pin, ...change };
      for (const key of ['from', 'to']) if (input[key] === 'TOMORROW') input[key] = tomorrow;
      const locks = subgraph.connection.collection('insurance_period_locks');
      const [periodsBefore, locksBefore] = [
        await periods().countDocuments(),
        await locks.countDocuments(),
      ];
      const result = await execute(subgraph.server, RECORD, { input });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(
        offending === 'TOMORROW' ? tomorrow : offending,
      );
      if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
      expect(result.data ?? null).toBeNull();
      expect(await periods().countDocuments()).toBe(periodsBefore);
      expect(await locks.countDocuments()).toBe(locksBefore);
    },
  );

  it('refuses a period that overlaps a stored one in any country, naming both, and writes nothing', async () => {
    const pin = '10303198500003';
    const stored = await execute(subgraph.server, RECORD, {
      input: {
        ...domestic,
        pin,
        country: 'KZ',
        source: 'PARTNER_REPORTED',
        from: '2018-03-01',
        to: '2019-02-28',
      },
    });
    expect(stored.errors).toBeUndefined();
    const storedId = stored.data?.recordInsurancePeriod.id;

    for (const [from, to] of [
      ['2019-02-28', '2019-12-31'],
      ['2017-01-01', '2018-03-01'],
      ['2018-06-01', '2018-06-01'],
      ['2017-01-01', '2020-01-01'],
    ]) {
      const result = await execute(subgraph.server, RECORD, {
        input: { ...domestic, pin, from, to },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const message = result.errors?.[0]?.message;
      expect(message).toContain(`KG ${from}..${to}`);
      expect(message).toContain(storedId);
      expect(message).toContain('KZ 2018-03-01..2019-02-28');
    }
    expect(await periods().countDocuments({ pin })).toBe(1);
  });

  it('lets exactly one of two concurrent overlapping periods through', async () => {
    // Several rounds, the first for a person without any period yet (no lock document).
    for (const [round, pin] of ['10101199000010', '10101199000011', '10101199000012'].entries()) {
      if (round > 0) {
        const earlier = await execute(subgraph.server, RECORD, {
          input: { ...domestic, pin, from: '2000-01-01', to: '2000-12-31' },
        });
        expect(earlier.errors).toBeUndefined();
      }
      const results = await Promise.all([
        execute(subgraph.server, RECORD, {
          input: { ...domestic, pin, from: '2010-01-01', to: '2010-12-31' },
        }),
        execute(subgraph.server, RECORD, {
          input: {
            ...domestic,
            pin,
            country: 'RU',
            source: 'PARTNER_REPORTED',
            from: '2010-06-01',
            to: '2011-05-31',
          },
        }),
      ]);
      const succeeded = results.filter((r) => r.errors === undefined);
      const refused = results.filter((r) => r.errors !== undefined);
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused[0]!.errors?.[0]?.message).toContain(
        succeeded[0]!.data?.recordInsurancePeriod.id,
      );
      expect(await periods().countDocuments({ pin, from: { $gte: new Date('2010-01-01') } })).toBe(
        1,
      );
    }
  });

  it('lets two concurrent periods of one person through when they do not overlap', async () => {
    const pin = '10101199000020';
    const results = await Promise.all(
      ['2001', '2002', '2003'].map((year) =>
        execute(subgraph.server, RECORD, {
          input: { ...domestic, pin, from: `${year}-01-01`, to: `${year}-12-31` },
        }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(await periods().countDocuments({ pin })).toBe(3);
  });

  it('resolves insurancePeriods through _entities, oldest first, empty for an unknown PIN', async () => {
    const pin = '20505198800030';
    for (const input of [
      {
        ...domestic,
        pin,
        country: 'TR',
        source: 'PARTNER_REPORTED',
        from: '2021-01-01',
        to: '2021-12-31',
      },
      { ...domestic, pin, from: '2012-04-01', to: '2012-04-30', type: 'MILITARY_SERVICE' },
    ]) {
      expect((await execute(subgraph.server, RECORD, { input })).errors).toBeUndefined();
    }
    const result = await execute(subgraph.server, ENTITIES, {
      reps: [
        { __typename: 'Person', pin },
        { __typename: 'Person', pin: '20101199099999' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        pin,
        insurancePeriods: [
          {
            country: 'KG',
            from: '2012-04-01',
            to: '2012-04-30',
            type: 'MILITARY_SERVICE',
            source: 'DOMESTIC',
          },
          {
            country: 'TR',
            from: '2021-01-01',
            to: '2021-12-31',
            type: 'EMPLOYMENT',
            source: 'PARTNER_REPORTED',
          },
        ],
      },
      { pin: '20101199099999', insurancePeriods: [] },
    ]);
  });

  describe('access', () => {
    const pin = '10707198000040';
    const other = '20808198100041';
    const withoutPurpose: RefusalCase = [
      'a pension officer without a purpose',
      'FORBIDDEN',
      callerWithPurpose('PENSION_OFFICER', null),
    ];
    const person = { __typename: 'Person', pin, homeRegion: 'KG-O' };
    const read = {
      query: READ,
      representation: person,
      field: 'insurancePeriods',
      alongside: { pin },
    };
    const stored = [{ country: 'KG', from: '2019-01-01' }];
    const locks = () => subgraph.connection.collection('insurance_period_locks');

    beforeAll(async () => {
      const result = await execute(subgraph.server, RECORD, {
        input: { ...domestic, pin, from: '2019-01-01', to: '2019-12-31' },
      });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('PENSION_OFFICER', {
        otherPin: other,
        otherRegion: 'KG-C',
        foreignPurpose: 'STATISTICS',
        partner: 'RU-SFR',
      }),
      ...officersOtherThan('PENSION_OFFICER'),
      withoutPurpose,
    ]);
    itRefusesWithoutHomeRegion(subgraph, read, 'PENSION_OFFICER');

    itGivesEntityField(subgraph, read, stored, [
      ['a pension officer', callerAs('PENSION_OFFICER')],
      ['a pension officer of the home region', callerAs('PENSION_OFFICER', { region: 'KG-O' })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ]);

    it("gives the data subject their own periods and refuses another person's in one request", async () => {
      const result = await execute(
        subgraph.server,
        READ,
        { reps: [person, { __typename: 'Person', pin: other, homeRegion: 'KG-O' }] },
        callerAs('DATA_SUBJECT', { pin }),
      );
      expect(result.data?._entities).toEqual([
        { pin, insurancePeriods: stored },
        { pin: other, insurancePeriods: null },
      ]);
      expect(result.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
        ['FORBIDDEN', ['_entities', 1, 'insurancePeriods']],
      ]);
    });

    const newcomer = '10909198200042';
    itRefusesWrite(
      subgraph,
      {
        name: 'recordInsurancePeriod',
        mutation: RECORD,
        variables: { input: { ...domestic, pin: newcomer, from: '2020-01-01', to: '2020-12-31' } },
        state: async () => [
          await periods().countDocuments({ pin: newcomer }),
          await locks().countDocuments({ _id: newcomer as never }),
        ],
      },
      [
        ...officersOtherThan('PENSION_OFFICER'),
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
        ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', { partner: 'RU-SFR' })],
        withoutPurpose,
        [
          'a pension officer for a purpose not his',
          'FORBIDDEN',
          callerWithPurpose('PENSION_OFFICER', 'SELF_SERVICE'),
        ],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );

    it('audits an allowed read with the fields, PIN, role, purpose and outcome', async () => {
      const { result, events } = await executeAudited(subgraph, 'pensions-periods-allowed', READ, {
        reps: [person],
      });
      expect(result.errors).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        callerOperationName: 'PensionsInsurancePeriods',
        served: ['Person.insurancePeriods'],
        pins: [pin],
        roles: ['PENSION_OFFICER'],
        purpose: 'PENSION_ASSESSMENT',
        outcome: 'ALLOWED',
      });
    });

    it('audits a refused read as DENIED', async () => {
      const { events } = await executeAudited(
        subgraph,
        'pensions-periods-denied',
        READ,
        { reps: [person] },
        callerAs('LABOUR_OFFICER'),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        outcome: 'DENIED',
      });
    });
  });
});
