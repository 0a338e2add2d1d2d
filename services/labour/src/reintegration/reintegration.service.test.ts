import { Types } from 'mongoose';
import { formatIsoDate, today } from '@jol/kernel';
import { execute, useTestSubgraph } from '@jol/testkit/service';
import { createLabourServer } from '../server';

const ENROL = /* GraphQL */ `
  mutation Enrol($input: EnrolInReintegrationInput!) {
    enrolInReintegration(input: $input) {
      id
      pin
      programme
      status
      enrolledOn
      completedOn
      droppedOutOn
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateReintegrationStatusInput!) {
    updateReintegrationStatus(input: $input) {
      id
      status
      enrolledOn
      completedOn
      droppedOutOn
    }
  }
`;

const tomorrow = formatIsoDate(new Date(today().getTime() + 86_400_000));
const returnee = {
  pin: '10503199012345',
  programme: 'VOCATIONAL_TRAINING',
  enrolledOn: '2023-09-01',
};

describe('labour: reintegration enrolments', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);
  const enrolments = () => subgraph.connection.collection('reintegration_enrolments');
  const stored = (id: string) => enrolments().findOne({ _id: new Types.ObjectId(id) });

  /** Enrols and returns the new enrolment's id. */
  async function enrol(input: Record<string, unknown> = {}): Promise<string> {
    const result = await execute(subgraph.server, ENROL, { input: { ...returnee, ...input } });
    expect(result.errors).toBeUndefined();
    return result.data?.enrolInReintegration.id;
  }

  it('enrols a returnee as ENROLLED', async () => {
    const result = await execute(subgraph.server, ENROL, { input: returnee });
    expect(result.errors).toBeUndefined();
    const { id, ...rest } = result.data!.enrolInReintegration;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(rest).toEqual({
      ...returnee,
      status: 'ENROLLED',
      completedOn: null,
      droppedOutOn: null,
    });
    expect(await stored(id)).toMatchObject({ pin: returnee.pin, status: 'ENROLLED' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an enrolment in the future', { enrolledOn: tomorrow }, tomorrow],
    ['an invalid PIN', { pin: '1050319901234' }, '1050319901234'],
    ['an unknown programme', { programme: 'CRYPTO_TRADING' }, 'CRYPTO_TRADING'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_why, change, offending) => {
    const pin = '20606199500001';
    const result = await execute(subgraph.server, ENROL, {
      input: { ...returnee, pin, ...change },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(offending);
    expect(await enrolments().countDocuments({ pin: { $in: [pin, change.pin] } })).toBe(0);
  });

  it('completes an enrolment once; every later move is a CONFLICT that changes nothing', async () => {
    const id = await enrol();
    const done = await execute(subgraph.server, UPDATE, {
      input: { id, status: 'COMPLETED', on: '2024-03-01' },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data?.updateReintegrationStatus).toEqual({
      id,
      status: 'COMPLETED',
      enrolledOn: '2023-09-01',
      completedOn: '2024-03-01',
      droppedOutOn: null,
    });

    for (const status of ['COMPLETED', 'DROPPED_OUT', 'ENROLLED']) {
      const result = await execute(subgraph.server, UPDATE, {
        input: { id, status, on: '2024-04-01' },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(result.errors?.[0]?.message).toContain(`from COMPLETED to ${status}`);
    }
    expect(await stored(id)).toMatchObject({
      status: 'COMPLETED',
      completedOn: new Date('2024-03-01'),
      droppedOutOn: null,
    });
  });

  it('records a drop-out with its day; a dropped-out enrolment cannot complete', async () => {
    const id = await enrol({ programme: 'LANGUAGE_COURSE' });
    const out = await execute(subgraph.server, UPDATE, {
      input: { id, status: 'DROPPED_OUT', on: '2023-09-01' },
    });
    expect(out.errors).toBeUndefined();
    expect(out.data?.updateReintegrationStatus).toMatchObject({
      status: 'DROPPED_OUT',
      completedOn: null,
      droppedOutOn: '2023-09-01',
    });

    const late = await execute(subgraph.server, UPDATE, {
      input: { id, status: 'COMPLETED', on: '2024-01-01' },
    });
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(late.errors?.[0]?.message).toContain(id);
    expect(await stored(id)).toMatchObject({ status: 'DROPPED_OUT', completedOn: null });
  });

  it('refuses to move an ENROLLED enrolment to ENROLLED with CONFLICT', async () => {
    const id = await enrol({ programme: 'COUNSELLING' });
    const result = await execute(subgraph.server, UPDATE, {
      input: { id, status: 'ENROLLED', on: '2024-01-01' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('from ENROLLED to ENROLLED');
    expect(await stored(id)).toMatchObject({
      status: 'ENROLLED',
      completedOn: null,
      droppedOutOn: null,
    });
  });

  it.each<[string, string, string]>([
    [
      'an end before the enrolment',
      '2023-08-31',
      'must not be before enrolledOn (2023-09-01); got "2023-08-31"',
    ],
    ['an end in the future', tomorrow, tomorrow],
  ])('refuses %s with BAD_USER_INPUT and leaves the enrolment ENROLLED', async (_why, on, text) => {
    const id = await enrol({ programme: 'SMALL_BUSINESS_GRANT' });
    const result = await execute(subgraph.server, UPDATE, {
      input: { id, status: 'COMPLETED', on },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('on');
    expect(result.errors?.[0]?.message).toContain(text);
    expect(await stored(id)).toMatchObject({
      status: 'ENROLLED',
      completedOn: null,
      droppedOutOn: null,
    });
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = new Types.ObjectId().toHexString();
    const missing = await execute(subgraph.server, UPDATE, {
      input: { id: unknown, status: 'COMPLETED', on: '2024-01-01' },
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toContain(unknown);

    const malformed = await execute(subgraph.server, UPDATE, {
      input: { id: 'xyz', status: 'COMPLETED', on: '2024-01-01' },
    });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toContain('"xyz"');
    expect(await enrolments().countDocuments({ _id: new Types.ObjectId(unknown) })).toBe(0);
  });

  it('resolves Person.reintegrationEnrolments through _entities, oldest first, empty for an unknown PIN', async () => {
    const pin = '20707199600001';
    const later = await enrol({ pin, programme: 'JOB_PLACEMENT', enrolledOn: '2024-02-01' });
    await enrol({ pin, programme: 'COUNSELLING', enrolledOn: '2023-11-15' });
    await execute(subgraph.server, UPDATE, {
      input: { id: later, status: 'COMPLETED', on: '2024-05-01' },
    });
    const result = await execute(
      subgraph.server,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Person { pin reintegrationEnrolments { programme status enrolledOn completedOn } } } }`,
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
        reintegrationEnrolments: [
          {
            programme: 'COUNSELLING',
            status: 'ENROLLED',
            enrolledOn: '2023-11-15',
            completedOn: null,
          },
          {
            programme: 'JOB_PLACEMENT',
            status: 'COMPLETED',
            enrolledOn: '2024-02-01',
            completedOn: '2024-05-01',
          },
        ],
      },
      { pin: '20101199099999', reintegrationEnrolments: [] },
    ]);
  });
});
