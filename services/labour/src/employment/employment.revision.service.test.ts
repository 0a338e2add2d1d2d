import { describeRevisions, execute, serialPin, useTestSubgraph } from '@jol/testkit/service';
import { createLabourServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordEmploymentInput!) {
    recordEmployment(input: $input) {
      id
    }
  }
`;

const CORRECT = /* GraphQL */ `
  mutation Correct($id: ID!, $version: Int!, $input: RecordEmploymentInput!, $reason: String!) {
    correctEmploymentRecord(id: $id, version: $version, input: $input, reason: $reason) {
      id
      from
      to
    }
  }
`;

const VOID = /* GraphQL */ `
  mutation Void($id: ID!, $version: Int!, $reason: String!) {
    voidEmploymentRecord(id: $id, version: $version, reason: $reason) {
      id
    }
  }
`;

/** A year on a Moscow building site, the nth after 2011. */
const job = (pin: string, nth = 0) => ({
  pin,
  country: 'RU',
  employer: 'OOO Stroy',
  sector: 'CONSTRUCTION',
  formal: false,
  permitType: 'PATENT',
  permitNumber: '77-1234567',
  from: `${2011 + nth}-01-01`,
  to: `${2011 + nth}-12-31`,
});

describe('labour: correcting and voiding employment records', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);

  const record = async (input: Record<string, unknown>) => {
    const result = await execute(subgraph.server, RECORD, { input });
    expect(result.errors).toBeUndefined();
    return result.data?.recordEmployment.id as string;
  };

  describeRevisions(subgraph, {
    entity: 'EmploymentRecord',
    collection: 'employment_records',
    correct: 'correctEmploymentRecord',
    void: 'voidEmploymentRecord',
    inputType: 'RecordEmploymentInput',
    fields: 'pin country employer sector formal permitType permitNumber from to',
    personField: 'employment',
    firstPin: 400,
    record: async (pin, nth = 0) => {
      const input = job(pin, nth);
      return { id: await record(input), input };
    },
    // Formal after all (a contract turned up), then informal again, with another sector.
    corrected: (input) => ({
      ...input,
      formal: !input.formal,
      sector: input.sector === 'CONSTRUCTION' ? 'TRADE' : 'CONSTRUCTION',
    }),
    invalid: [
      ['work at home', (input) => ({ ...input, country: 'KG' }), 'country'],
      ['to before from', (input) => ({ ...input, to: '2000-01-01' }), 'to'],
      [
        'a permit number without a permit',
        (input) => ({ ...input, permitType: 'NONE' }),
        'permitNumber',
      ],
      ['a blank employer', (input) => ({ ...input, employer: '  ' }), 'employer'],
    ],
  });

  it("leaves the record itself out of the overlap check, not the person's other records", async () => {
    const pin = serialPin(1);
    const first = await record(job(pin, 0));
    await record(job(pin, 1));
    const widened = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 1,
      input: { ...job(pin, 0), from: '2010-06-01' },
      reason: 'The job began earlier',
    });
    expect(widened.errors).toBeUndefined();
    expect(widened.data?.correctEmploymentRecord).toMatchObject({ from: '2010-06-01' });

    const clash = await execute(subgraph.server, CORRECT, {
      id: first,
      version: 2,
      input: { ...job(pin, 0), to: '2012-03-31' },
      reason: 'The job ended later',
    });
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'from' });
    expect(clash.errors?.[0]?.message).toContain('overlaps the record from 2012-01-01');
  });

  it('no longer counts a voided record in the overlap check of a new or corrected one', async () => {
    const pin = serialPin(2);
    const voided = await record(job(pin, 0));
    const later = await record(job(pin, 1));
    const overlapping = { ...job(pin, 0), from: '2011-06-01', to: '2011-08-31' };
    const refused = await execute(subgraph.server, RECORD, { input: overlapping });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const result = await execute(subgraph.server, VOID, {
      id: voided,
      version: 1,
      reason: 'Recorded twice by mistake',
    });
    expect(result.errors).toBeUndefined();
    expect((await execute(subgraph.server, RECORD, { input: overlapping })).errors).toBeUndefined();
    const moved = await execute(subgraph.server, CORRECT, {
      id: later,
      version: 1,
      input: { ...job(pin, 1), from: '2011-09-01' },
      reason: 'Started in September',
    });
    expect(moved.errors).toBeUndefined();
  });

  it('lets only one of two concurrent corrections through when together they would overlap', async () => {
    for (const serial of [10, 11, 12]) {
      const pin = serialPin(serial);
      const first = await record(job(pin, 0));
      const third = await record(job(pin, 2));
      const results = await Promise.all([
        execute(subgraph.server, CORRECT, {
          id: first,
          version: 1,
          input: { ...job(pin, 0), to: '2012-06-30' },
          reason: 'Worked on until June',
        }),
        execute(subgraph.server, CORRECT, {
          id: third,
          version: 1,
          input: { ...job(pin, 2), from: '2012-03-01' },
          reason: 'Started in March',
        }),
      ]);
      const refused = results.filter((r) => r.errors !== undefined);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    }
  });
});
