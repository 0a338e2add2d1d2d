import { callerAs, execute, registeredPerson, useTestSubgraph } from '@jol/testkit/service';
import type { TestRegister } from '@jol/testkit/service';
import { createLabourServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordEmploymentInput!) {
    recordEmployment(input: $input) {
      from
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateReintegrationStatusInput!) {
    updateReintegrationStatus(input: $input) {
      status
    }
  }
`;

const OSH = '20103196800017';
const UNKNOWN = '10101199900099';
const UNREACHABLE = '10202199000022';

const job = (pin: string, from: string) => ({
  pin,
  country: 'RU',
  employer: 'OOO Stroy',
  sector: 'CONSTRUCTION',
  formal: true,
  permitType: 'PATENT',
  permitNumber: '77-1234567',
  from,
  to: '2023-12-31',
});

describe('labour: writes are scoped by the subject directory', () => {
  const register: TestRegister = new Map();
  register.set(OSH, registeredPerson('KG-O', '1968-03-01'));
  register.set(UNKNOWN, { kind: 'unknown' });
  register.set(UNREACHABLE, 'unreachable');
  const subgraph = useTestSubgraph('labour', createLabourServer, register);
  const stored = () => subgraph.connection.collection('employment_records').find().toArray();

  it('lets an officer of the home region write', async () => {
    const result = await execute(
      subgraph.server,
      RECORD,
      { input: job(OSH, '2023-01-01') },
      {
        ...callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ recordEmployment: { from: '2023-01-01' } });
  });

  it('refuses an officer of another region before the overlap check reads the stored job', async () => {
    const before = await stored();
    const outside = await execute(
      subgraph.server,
      RECORD,
      { input: job(OSH, '2023-06-01') },
      callerAs('LABOUR_OFFICER', { region: 'KG-J' }),
    );
    const unknown = await execute(
      subgraph.server,
      RECORD,
      { input: job(UNKNOWN, '2023-06-01') },
      callerAs('LABOUR_OFFICER', { region: 'KG-J' }),
    );
    expect(outside.errors).toEqual([
      expect.objectContaining({
        message: 'Outside your region: Mutation.recordEmployment',
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
    expect(unknown.errors).toEqual(outside.errors);
    expect(await stored()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown PIN to an officer without a region', async () => {
    const result = await execute(subgraph.server, RECORD, { input: job(UNKNOWN, '2023-06-01') });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'pin' });
  });

  it('fails closed when the directory cannot be reached: SERVICE_UNAVAILABLE, nothing written', async () => {
    const before = await stored();
    const result = await execute(subgraph.server, RECORD, {
      input: job(UNREACHABLE, '2020-01-01'),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(result.data ?? null).toBeNull();
    expect(await stored()).toEqual(before);
  });

  it('refuses a job that starts before the birth of the person, without naming the birth date', async () => {
    const before = await stored();
    const result = await execute(subgraph.server, RECORD, { input: job(OSH, '1950-01-01') });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(result.errors?.[0]?.message).not.toContain('1968');
    expect(await stored()).toEqual(before);
  });

  it('scopes an update by record id by the person of the record, the same as an unknown id', async () => {
    const enrolled = await execute(
      subgraph.server,
      `mutation ($input: EnrolInReintegrationInput!) { enrolInReintegration(input: $input) { id } }`,
      { input: { pin: OSH, programme: 'JOB_PLACEMENT', enrolledOn: '2024-03-03' } },
    );
    expect(enrolled.errors).toBeUndefined();
    const id = enrolled.data?.enrolInReintegration.id as string;
    const jalalAbad = callerAs('LABOUR_OFFICER', { region: 'KG-J' });
    const invalid = { status: 'COMPLETED', on: '2000-01-01' };
    const outside = await execute(
      subgraph.server,
      UPDATE,
      { input: { id, ...invalid } },
      jalalAbad,
    );
    const unknown = await execute(
      subgraph.server,
      UPDATE,
      { input: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', ...invalid } },
      jalalAbad,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(outside.errors?.[0]?.message).not.toContain('2024-03-03');
    expect(unknown.errors).toEqual(outside.errors);
    const ownRegion = await execute(
      subgraph.server,
      UPDATE,
      { input: { id, ...invalid } },
      callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
    );
    expect(ownRegion.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
