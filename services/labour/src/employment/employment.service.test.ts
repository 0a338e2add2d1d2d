import { formatIsoDate, today } from '@jol/kernel';
import { execute, useTestSubgraph } from '@jol/testkit/service';
import { createLabourServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordEmploymentInput!) {
    recordEmployment(input: $input) {
      id
      pin
      country
      employer
      sector
      formal
      permitType
      permitNumber
      from
      to
    }
  }
`;

const tomorrow = formatIsoDate(new Date(today().getTime() + 86_400_000));

const job = {
  pin: '10503199012345',
  country: 'RU',
  employer: 'OOO Stroy',
  sector: 'CONSTRUCTION',
  formal: false,
  permitType: 'PATENT',
  permitNumber: '77-1234567',
  from: '2020-01-01',
  to: '2020-12-31',
};

describe('labour: employment records', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);
  const count = (pin: string) =>
    subgraph.connection.collection('employment_records').countDocuments({ pin });

  it('records a job abroad and returns it as stored', async () => {
    const result = await execute(subgraph.server, RECORD, {
      input: { ...job, employer: '  OOO   Stroy ' },
    });
    expect(result.errors).toBeUndefined();
    const { id, ...rest } = result.data!.recordEmployment;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(rest).toEqual({ ...job });
    const stored = await subgraph.connection
      .collection('employment_records')
      .findOne({ pin: job.pin });
    expect(stored?.employer).toBe('OOO Stroy');
  });

  it('records an ongoing informal job without a permit', async () => {
    const pin = '20101199000001';
    const input = {
      ...job,
      pin,
      sector: 'DOMESTIC_WORK',
      permitType: 'NONE',
      permitNumber: null,
      to: null,
    };
    const result = await execute(subgraph.server, RECORD, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordEmployment).toMatchObject({
      permitType: 'NONE',
      permitNumber: null,
      to: null,
    });
  });

  describe('refuses bad input with BAD_USER_INPUT and writes nothing', () => {
    const pin = '10202199100001';
    it.each<[string, Record<string, unknown>, string]>([
      ['work at home', { country: 'KG' }, 'KG'],
      ['an unknown country', { country: 'XX' }, 'XX'],
      ['an invalid PIN', { pin: '30202199100001' }, '30202199100001'],
      ['an empty employer', { employer: '  ' }, '"  "'],
      ['a patent without a number', { permitNumber: null }, 'PATENT'],
      ['a number without a permit', { permitType: 'NONE' }, '77-1234567'],
      ['a malformed permit number', { permitNumber: '77 12' }, '77 12'],
      ['a start in the future', { from: tomorrow, to: null }, tomorrow],
      ['an end in the future', { to: tomorrow }, tomorrow],
      ['an end before the start', { to: '2019-12-31' }, '2019-12-31'],
      ['a date that is not a calendar date', { from: '2020-02-30' }, '2020-02-30'],
    ])('%s', async (_why, change, offending) => {
      const result = await execute(subgraph.server, RECORD, { input: { ...job, pin, ...change } });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(offending);
      expect(result.data ?? null).toBeNull();
      expect(await count(pin)).toBe(0);
      expect(await count(String(change.pin ?? pin))).toBe(0);
    });
  });

  describe('overlaps with the same employer in the same country', () => {
    const pin = '10303199200001';
    const existing = { ...job, pin, from: '2020-01-01', to: '2020-12-31' };
    const openEnded = { ...job, pin, from: '2022-01-01', to: null };

    beforeAll(async () => {
      for (const input of [existing, openEnded]) {
        expect((await execute(subgraph.server, RECORD, { input })).errors).toBeUndefined();
      }
    });

    it.each<[string, Record<string, unknown>]>([
      ['inside the period', { from: '2020-03-01', to: '2020-04-30' }],
      ['covering the period', { from: '2019-06-01', to: '2021-06-01' }],
      ['ending on its first day', { from: '2019-06-01', to: '2020-01-01' }],
      ['starting on its last day', { from: '2020-12-31', to: '2021-03-01' }],
      ['open-ended, starting inside it', { from: '2020-06-01', to: null }],
      ['inside an ongoing job', { from: '2023-01-01', to: '2023-02-01' }],
      ['open-ended, alongside an ongoing job', { from: '2024-01-01', to: null }],
      [
        'with the employer spelt with other spacing',
        { employer: ' OOO  Stroy', from: '2020-05-01', to: '2020-05-31' },
      ],
    ])('are refused with CONFLICT: %s', async (_why, change) => {
      const result = await execute(subgraph.server, RECORD, { input: { ...existing, ...change } });
      expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(result.errors?.[0]?.message).toContain(pin);
      expect(result.errors?.[0]?.message).toContain('OOO Stroy');
      expect(await count(pin)).toBe(2);
    });

    it.each<[string, Record<string, unknown>]>([
      ['between the two jobs', { from: '2021-01-01', to: '2021-12-31' }],
      ['in another country', { country: 'KZ', from: '2020-03-01', to: '2020-04-30' }],
      ['with another employer', { employer: 'OOO Stroy-2', from: '2020-03-01', to: null }],
    ])('are not: %s', async (_why, change) => {
      const before = await count(pin);
      const result = await execute(subgraph.server, RECORD, { input: { ...existing, ...change } });
      expect(result.errors).toBeUndefined();
      expect(await count(pin)).toBe(before + 1);
    });
  });

  it('lets only one of two concurrent overlapping records through', async () => {
    const pin = '20404199300001';
    const results = await Promise.all([
      execute(subgraph.server, RECORD, {
        input: { ...job, pin, from: '2021-01-01', to: '2021-06-30' },
      }),
      execute(subgraph.server, RECORD, {
        input: { ...job, pin, from: '2021-03-01', to: '2021-09-30' },
      }),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect(await count(pin)).toBe(1);
  });

  it('resolves Person.employment through _entities, oldest first, empty for an unknown PIN', async () => {
    const pin = '10505199400001';
    for (const from of ['2019-05-01', '2015-03-01']) {
      const input = {
        ...job,
        pin,
        employer: `Employer ${from}`,
        from,
        to: null,
        country: 'KZ',
        sector: 'TRADE',
      };
      expect((await execute(subgraph.server, RECORD, { input })).errors).toBeUndefined();
    }
    const result = await execute(
      subgraph.server,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Person { pin employment { employer country sector from to } } } }`,
      {
        reps: [
          { __typename: 'Person', pin },
          { __typename: 'Person', pin: '20101199099999' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        pin,
        employment: [
          {
            employer: 'Employer 2015-03-01',
            country: 'KZ',
            sector: 'TRADE',
            from: '2015-03-01',
            to: null,
          },
          {
            employer: 'Employer 2019-05-01',
            country: 'KZ',
            sector: 'TRADE',
            from: '2019-05-01',
            to: null,
          },
        ],
      },
      { pin: '20101199099999', employment: [] },
    ]);
  });
});
