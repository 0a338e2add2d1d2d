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

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordSkillInput!) {
    recordSkill(input: $input) {
      id
    }
  }
`;
const SKILLS = /* GraphQL */ `
  query Skills($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        skills {
          name
          level
        }
      }
    }
  }
`;
const person = { __typename: 'Person', pin: PIN, homeRegion: REGION };
const read = { query: SKILLS, representation: person, field: 'skills' };
const welding = { name: 'Electric welding', level: 'ADVANCED' };
const labourOfficer = callerAs('LABOUR_OFFICER');

describe('labour: access to skills', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);
  const skills = () => subgraph.connection.collection('skills');

  beforeAll(async () => {
    expect(
      (await execute(subgraph.server, RECORD, { input: { pin: PIN, ...welding } })).errors,
    ).toBeUndefined();
  });

  itRefusesEntityField(subgraph, read, [
    ...outsidersOf('LABOUR_OFFICER', {
      otherPin: OTHER_PIN,
      otherRegion: 'KG-O',
      foreignPurpose: 'AUDIT',
    }),
    ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
    ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
  ]);

  itGivesEntityField(
    subgraph,
    read,
    [welding],
    [
      ['a labour officer', labourOfficer],
      ['a labour officer of the same region', callerAs('LABOUR_OFFICER', { region: REGION })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
    ],
  );

  itRefusesWrite(
    subgraph,
    {
      name: 'recordSkill',
      mutation: RECORD,
      variables: { input: { pin: OTHER_PIN, ...welding } },
      state: () => skills().countDocuments({ pin: OTHER_PIN }),
    },
    [
      ['a health officer', 'FORBIDDEN', callerAs('HEALTH_OFFICER')],
      ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: OTHER_PIN })],
      [
        'a labour officer declaring no purpose',
        'FORBIDDEN',
        callerWithPurpose('LABOUR_OFFICER', null),
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ],
  );

  it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
    expect(
      (
        await executeAudited(
          subgraph,
          'labour-skills-allowed',
          SKILLS,
          { reps: [person] },
          labourOfficer,
        )
      ).events,
    ).toEqual([
      expect.objectContaining({
        served: ['Person.skills'],
        pins: [PIN],
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        outcome: 'ALLOWED',
      }),
    ]);

    const subject = callerAs('DATA_SUBJECT', { pin: OTHER_PIN });
    expect(
      (await executeAudited(subgraph, 'labour-skills-denied', SKILLS, { reps: [person] }, subject))
        .events,
    ).toEqual([
      expect.objectContaining({
        roles: ['DATA_SUBJECT'],
        purpose: 'SELF_SERVICE',
        outcome: 'DENIED',
      }),
    ]);
  });
});
