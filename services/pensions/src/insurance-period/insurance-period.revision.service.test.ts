import {
  callerAs,
  describeRevisions,
  execute,
  executeAudited,
  serialPin,
  useTestSubgraph,
} from '@jol/testkit/service';
import { createPensionsServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordInsurancePeriodInput!) {
    recordInsurancePeriod(input: $input) {
      id
    }
  }
`;

const CORRECT = /* GraphQL */ `
  mutation Correct(
    $id: ID!
    $version: Int!
    $input: RecordInsurancePeriodInput!
    $reason: String!
  ) {
    correctInsurancePeriod(id: $id, version: $version, input: $input, reason: $reason) {
      id
      from
      to
    }
  }
`;

const VOID = /* GraphQL */ `
  mutation Void($id: ID!, $version: Int!, $reason: String!) {
    voidInsurancePeriod(id: $id, version: $version, reason: $reason) {
      id
    }
  }
`;

/** A domestic year of employment, the nth after 2001. */
const year = (pin: string, nth = 0) => ({
  pin,
  country: 'KG',
  from: `${2001 + nth}-01-01`,
  to: `${2001 + nth}-12-31`,
  type: 'EMPLOYMENT',
  source: 'DOMESTIC',
});

describe('pensions: correcting and voiding insurance periods', () => {
  const subgraph = useTestSubgraph('pensions', createPensionsServer);

  const record = async (input: Record<string, unknown>) => {
    const result = await execute(subgraph.server, RECORD, { input });
    expect(result.errors).toBeUndefined();
    return result.data?.recordInsurancePeriod.id as string;
  };

  describeRevisions(subgraph, {
    entity: 'InsurancePeriod',
    collection: 'insurance_periods',
    correct: 'correctInsurancePeriod',
    void: 'voidInsurancePeriod',
    inputType: 'RecordInsurancePeriodInput',
    fields: 'pin country from to type source',
    personField: 'insurancePeriods',
    firstPin: 100,
    record: async (pin, nth = 0) => {
      const input = year(pin, nth);
      return { id: await record(input), input };
    },
    // Ended half a year earlier (or, corrected again, at the end of the year), under another type.
    corrected: (input) => {
      const year = String(input.from).slice(0, 4);
      const to = String(input.to).endsWith('-12-31') ? `${year}-06-30` : `${year}-12-31`;
      const type = input.type === 'EMPLOYMENT' ? 'SELF_EMPLOYMENT' : 'EMPLOYMENT';
      return { ...input, to, type };
    },
    invalid: [
      ['to before from', (input) => ({ ...input, to: '2000-01-01' }), 'to'],
      [
        'from in the future',
        (input) => ({ ...input, from: '2999-01-01', to: '2999-01-02' }),
        'from',
      ],
      ['a DOMESTIC period abroad', (input) => ({ ...input, country: 'RU' }), 'country'],
    ],
  });

  it("leaves the period itself out of the overlap check, not the person's other periods", async () => {
    const pin = serialPin(1);
    const first = await record(year(pin, 0));
    await record(year(pin, 1));
    const widened = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 1,
      input: { ...year(pin, 0), from: '2000-06-01' },
      reason: 'Employment began earlier',
    });
    expect(widened.errors).toBeUndefined();
    expect(widened.data?.correctInsurancePeriod).toMatchObject({
      from: '2000-06-01',
      to: '2001-12-31',
    });

    const clash = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 2,
      input: { ...year(pin, 0), to: '2002-01-31' },
      reason: 'Employment ended later',
    });
    expect(clash.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(clash.errors?.[0]?.message).toContain('must not overlap the stored insurance period');
  });

  it('no longer counts a voided period in the overlap check of a new or corrected one', async () => {
    const pin = serialPin(2);
    const voided = await record(year(pin, 0));
    const later = await record(year(pin, 1));
    const refused = await execute(subgraph.server, RECORD, {
      input: { ...year(pin, 0), from: '2001-06-01', to: '2001-08-31' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const result = await execute(subgraph.server, VOID, {
      id: voided,
      version: 1,
      reason: 'The employer never registered him',
    });
    expect(result.errors).toBeUndefined();
    const recorded = await execute(subgraph.server, RECORD, {
      input: { ...year(pin, 0), from: '2001-06-01', to: '2001-08-31' },
    });
    expect(recorded.errors).toBeUndefined();
    const moved = await execute(subgraph.server, CORRECT, {
      id: later,
      version: 1,
      input: { ...year(pin, 1), from: '2001-09-01' },
      reason: 'Started in September',
    });
    expect(moved.errors).toBeUndefined();
  });

  it('corrects a period stored before versions existed as version 1', async () => {
    const pin = serialPin(3);
    const { insertedId } = await subgraph.connection.collection('insurance_periods').insertOne({
      pin,
      country: 'KG',
      from: new Date('2005-01-01'),
      to: new Date('2005-12-31'),
      type: 'EMPLOYMENT',
      source: 'DOMESTIC',
    });
    const id = insertedId.toHexString();
    const stale = await execute(subgraph.server, CORRECT, {
      id,
      version: 2,
      input: { ...year(pin, 4), to: '2005-06-30' },
      reason: 'Ended in June',
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const corrected = await execute(subgraph.server, CORRECT, {
      id,
      version: 1,
      input: { ...year(pin, 4), to: '2005-06-30' },
      reason: 'Ended in June',
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.correctInsurancePeriod).toEqual({
      id,
      from: '2005-01-01',
      to: '2005-06-30',
    });
    const stored = await subgraph.connection
      .collection('insurance_periods')
      .findOne({ _id: insertedId });
    expect(stored?.version).toBe(2);
  });

  it('lets only one of two concurrent corrections through when together they would overlap', async () => {
    for (const serial of [10, 11, 12]) {
      const pin = serialPin(serial);
      const first = await record(year(pin, 0));
      const third = await record(year(pin, 2));
      const results = await Promise.all([
        execute(subgraph.server, CORRECT, {
          id: first,
          version: 1,
          input: { ...year(pin, 0), to: '2002-06-30' },
          reason: 'Worked on until June',
        }),
        execute(subgraph.server, CORRECT, {
          id: third,
          version: 1,
          input: { ...year(pin, 2), from: '2002-03-01' },
          reason: 'Started in March',
        }),
      ]);
      const refused = results.filter((r) => r.errors !== undefined);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.errors?.[0]?.message).toContain('must not overlap');
    }
  });

  it("audits a correction refused for the stored period's person as DENIED, naming only that person", async () => {
    const pin = serialPin(60);
    const named = serialPin(61);
    const id = await record(year(pin, 0));
    const { result, events } = await executeAudited(
      subgraph,
      'pensions-correction-outside',
      CORRECT,
      { id, version: 1, input: year(named, 0), reason: 'Moved to the right person' },
      callerAs('PENSION_OFFICER', { region: 'KG-O' }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(events).toEqual([
      expect.objectContaining({
        served: [],
        refused: ['Mutation.correctInsurancePeriod'],
        failed: [],
        pins: [pin],
        outcome: 'DENIED',
      }),
    ]);
  });
});
