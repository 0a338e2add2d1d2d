import { Types } from 'mongoose';
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
import { createLabourServer } from '../server';

const PIN = '10503199012345';
const OTHER_PIN = '20101199000001';
const REGION = 'KG-B';

const ENROL = /* GraphQL */ `
  mutation Enrol($input: EnrolInReintegrationInput!) {
    enrolInReintegration(input: $input) {
      id
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
const ENROLMENTS = /* GraphQL */ `
  query Enrolments($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        reintegrationEnrolments {
          programme
          status
          enrolledOn
        }
      }
    }
  }
`;
const person = { __typename: 'Person', pin: PIN, homeRegion: REGION };
const read = { query: ENROLMENTS, representation: person, field: 'reintegrationEnrolments' };
const enrolment = {
  programme: 'VOCATIONAL_TRAINING',
  status: 'ENROLLED',
  enrolledOn: '2023-09-01',
};
const labourOfficer = callerAs('LABOUR_OFFICER');

describe('labour: access to reintegration enrolments', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);
  let id: string;
  const enrolments = () => subgraph.connection.collection('reintegration_enrolments');

  beforeAll(async () => {
    const enrolled = await execute(subgraph.server, ENROL, {
      input: { pin: PIN, programme: enrolment.programme, enrolledOn: enrolment.enrolledOn },
    });
    expect(enrolled.errors).toBeUndefined();
    id = enrolled.data?.enrolInReintegration.id;
  });

  itRefusesEntityField(subgraph, read, [
    ...outsidersOf('LABOUR_OFFICER', {
      otherPin: OTHER_PIN,
      otherRegion: 'KG-O',
      foreignPurpose: 'STATISTICS',
    }),
    ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
    ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
    ['a health officer', 'FORBIDDEN', callerAs('HEALTH_OFFICER')],
  ]);

  itGivesEntityField(
    subgraph,
    read,
    [enrolment],
    [
      ['a labour officer', labourOfficer],
      ['a labour officer of the same region', callerAs('LABOUR_OFFICER', { region: REGION })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
    ],
  );

  const noPurpose = callerWithPurpose('LABOUR_OFFICER', null);
  itRefusesWrite(
    subgraph,
    {
      name: 'enrolInReintegration',
      mutation: ENROL,
      variables: {
        input: { pin: OTHER_PIN, programme: 'COUNSELLING', enrolledOn: '2024-01-10' },
      },
      state: () => enrolments().countDocuments({ pin: OTHER_PIN }),
    },
    [
      ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
      ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: OTHER_PIN })],
      ['a labour officer declaring no purpose', 'FORBIDDEN', noPurpose],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ],
  );

  itRefusesWrite(
    subgraph,
    {
      name: 'updateReintegrationStatus',
      mutation: UPDATE,
      variables: async () => ({ input: { id, status: 'COMPLETED', on: '2024-01-10' } }),
      state: () => enrolments().findOne({ _id: new Types.ObjectId(id) }),
    },
    [
      ['a health officer', 'FORBIDDEN', callerAs('HEALTH_OFFICER')],
      ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
      ['a labour officer declaring no purpose', 'FORBIDDEN', noPurpose],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ],
  );

  it('leaves the enrolment ENROLLED after every refused update', async () => {
    expect(await enrolments().findOne({ _id: new Types.ObjectId(id) })).toMatchObject({
      status: 'ENROLLED',
      completedOn: null,
    });
  });

  it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
    expect(
      (
        await executeAudited(
          subgraph,
          'labour-reintegration-allowed',
          ENROLMENTS,
          { reps: [person] },
          labourOfficer,
        )
      ).events,
    ).toEqual([
      expect.objectContaining({
        served: ['Person.reintegrationEnrolments'],
        pins: [PIN],
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        outcome: 'ALLOWED',
      }),
    ]);

    const migration = callerAs('MIGRATION_OFFICER');
    expect(
      (
        await executeAudited(
          subgraph,
          'labour-reintegration-denied',
          ENROLMENTS,
          { reps: [person] },
          migration,
        )
      ).events,
    ).toEqual([
      expect.objectContaining({
        roles: ['MIGRATION_OFFICER'],
        purpose: 'MIGRATION_REGISTRATION',
        outcome: 'DENIED',
      }),
    ]);
  });

  it('audits a status update under the PIN of the enrolment it names, as an ALLOWED write', async () => {
    const updated = await executeAudited(
      subgraph,
      'labour-reintegration-update',
      UPDATE,
      { input: { id, status: 'DROPPED_OUT', on: '2024-02-01' } },
      labourOfficer,
    );
    expect(updated.result.errors).toBeUndefined();
    expect(updated.events).toEqual([
      expect.objectContaining({
        served: ['Mutation.updateReintegrationStatus'],
        pins: [PIN],
        outcome: 'ALLOWED',
      }),
    ]);
  });

  it('audits an update refused for the region of the enrolment it names as DENIED, not FAILED', async () => {
    const refused = await executeAudited(
      subgraph,
      'labour-reintegration-update-outside',
      UPDATE,
      { input: { id, status: 'COMPLETED', on: '2024-03-01' } },
      callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
    );
    expect(refused.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.events).toEqual([
      expect.objectContaining({
        served: [],
        refused: ['Mutation.updateReintegrationStatus'],
        failed: [],
        pins: [PIN],
        outcome: 'DENIED',
      }),
    ]);
  });
});
