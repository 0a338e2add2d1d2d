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
  mutation Record($input: RecordContributionInput!) {
    recordContribution(input: $input) {
      id
      pin
      paidOn
      periodMonth
      amount
      currency
      kind
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        contributions {
          paidOn
          periodMonth
          amount
          currency
          kind
        }
      }
    }
  }
`;

const READ = /* GraphQL */ `
  query PensionsContributions($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        contributions {
          periodMonth
          amount
        }
      }
    }
  }
`;

const AISULUU = '10503199012345';

const mandatory = {
  pin: AISULUU,
  paidOn: '2024-03-10',
  periodMonth: '2024-02',
  amount: '1250',
  currency: 'KGS',
  kind: 'MANDATORY',
};

describe('pensions: contributions', () => {
  const subgraph = useTestSubgraph('pensions', createPensionsServer);
  const contributions = () => subgraph.connection.collection('pension_contributions');

  it('records a contribution and stores its amount exactly, as an integer of hundredths', async () => {
    const result = await execute(subgraph.server, RECORD, { input: mandatory });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordContribution).toEqual({
      id: expect.any(String),
      ...mandatory,
      amount: '1250.00',
    });
    const voluntary = await execute(subgraph.server, RECORD, {
      input: {
        ...mandatory,
        paidOn: '2024-05-02',
        periodMonth: '2024-05',
        amount: '0.29',
        currency: 'RUB',
        kind: 'VOLUNTARY',
      },
    });
    expect(voluntary.errors).toBeUndefined();
    expect(voluntary.data?.recordContribution.amount).toBe('0.29');

    const stored = await contributions().find({ pin: AISULUU }).sort({ paidOn: 1 }).toArray();
    expect(stored.map((c) => [c.amountHundredths, c.currency])).toEqual([
      [125_000, 'KGS'],
      [29, 'RUB'],
    ]);
  });

  it('accepts a contribution paid today for the current month', async () => {
    const paidOn = formatIsoDate(today());
    const result = await execute(subgraph.server, RECORD, {
      input: { ...mandatory, pin: '20101199000001', paidOn, periodMonth: paidOn.slice(0, 7) },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordContribution.paidOn).toBe(paidOn);
  });

  const tomorrow = formatIsoDate(new Date(today().getTime() + 86_400_000));
  it.each([
    ['paidOn in the future', { paidOn: tomorrow, periodMonth: '2024-01' }, tomorrow, 'paidOn'],
    ['periodMonth after the month paid', { periodMonth: '2024-04' }, '2024-04', 'periodMonth'],
    ['a malformed periodMonth', { periodMonth: '2024-13' }, '2024-13', 'periodMonth'],
    ['a zero amount', { amount: '0.00' }, '0.00', 'amount'],
    ['an amount with three decimals', { amount: '12.345' }, '12.345', 'amount'],
    ['an amount of ten digits', { amount: '1234567890' }, '1234567890', 'amount'],
    ['a negative amount', { amount: '-5' }, '-5', 'amount'],
    ['a fractional KRW amount', { currency: 'KRW', amount: '15000.50' }, '15000.50', 'amount'],
    ['an unaccepted currency', { currency: 'GBP' }, 'GBP', undefined],
    ['an unknown kind', { kind: 'EMPLOYER' }, 'EMPLOYER', undefined],
    ['an impossible date', { paidOn: '2023-02-29' }, '2023-02-29', undefined],
  ])(
    'refuses %s with BAD_USER_INPUT and writes nothing',
    async (_why, change, offending, field) => {
      const before = await contributions().countDocuments();
      const result = await execute(subgraph.server, RECORD, {
        input: { ...mandatory, pin: '20202199000002', ...change },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(offending);
      if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
      expect(result.data ?? null).toBeNull();
      expect(await contributions().countDocuments()).toBe(before);
    },
  );

  it('resolves contributions through _entities, newest first, empty for an unknown PIN', async () => {
    const pin = '20505198800030';
    for (const [paidOn, periodMonth, amount] of [
      ['2023-01-15', '2022-12', '900.10'],
      ['2024-07-01', '2024-06', '1100'],
      ['2023-09-20', '2023-08', '1000.5'],
    ]) {
      expect(
        (
          await execute(subgraph.server, RECORD, {
            input: { ...mandatory, pin, paidOn, periodMonth, amount },
          })
        ).errors,
      ).toBeUndefined();
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
        contributions: [
          {
            paidOn: '2024-07-01',
            periodMonth: '2024-06',
            amount: '1100.00',
            currency: 'KGS',
            kind: 'MANDATORY',
          },
          {
            paidOn: '2023-09-20',
            periodMonth: '2023-08',
            amount: '1000.50',
            currency: 'KGS',
            kind: 'MANDATORY',
          },
          {
            paidOn: '2023-01-15',
            periodMonth: '2022-12',
            amount: '900.10',
            currency: 'KGS',
            kind: 'MANDATORY',
          },
        ],
      },
      { pin: '20101199099999', contributions: [] },
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
    const person = { __typename: 'Person', pin, homeRegion: 'KG-J' };
    const read = {
      query: READ,
      representation: person,
      field: 'contributions',
      alongside: { pin },
    };
    const stored = [{ periodMonth: '2024-02', amount: '1250.00' }];

    beforeAll(async () => {
      const result = await execute(subgraph.server, RECORD, { input: { ...mandatory, pin } });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('PENSION_OFFICER', {
        otherPin: other,
        otherRegion: 'KG-B',
        foreignPurpose: 'RETURNEE_SUPPORT',
        partner: 'KZ-SFR',
      }),
      ...officersOtherThan('PENSION_OFFICER'),
      withoutPurpose,
    ]);
    itRefusesWithoutHomeRegion(subgraph, read, 'PENSION_OFFICER');

    itGivesEntityField(subgraph, read, stored, [
      ['a pension officer', callerAs('PENSION_OFFICER')],
      ['a pension officer of the home region', callerAs('PENSION_OFFICER', { region: 'KG-J' })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ]);

    itRefusesWrite(
      subgraph,
      {
        name: 'recordContribution',
        mutation: RECORD,
        variables: { input: { ...mandatory, pin: other } },
        state: () => contributions().countDocuments(),
      },
      [
        ...officersOtherThan('PENSION_OFFICER'),
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
        ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', { partner: 'KZ-SFR' })],
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
      const { result, events } = await executeAudited(
        subgraph,
        'pensions-contributions-allowed',
        READ,
        { reps: [person] },
        callerAs('DATA_SUBJECT', { pin }),
      );
      expect(result.errors).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        callerOperationName: 'PensionsContributions',
        served: ['Person.contributions'],
        pins: [pin],
        roles: ['DATA_SUBJECT'],
        purpose: 'SELF_SERVICE',
        outcome: 'ALLOWED',
      });
    });

    it('audits a refused read as DENIED', async () => {
      const { events } = await executeAudited(
        subgraph,
        'pensions-contributions-denied',
        READ,
        { reps: [person] },
        callerAs('HEALTH_OFFICER'),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        roles: ['HEALTH_OFFICER'],
        purpose: 'MEDICAL_CARE',
        outcome: 'DENIED',
      });
    });
  });
});
