import { formatIsoDate, today } from '@jol/kernel';
import { execute, useTestSubgraph } from '@jol/testkit/service';
import { createLabourServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordSkillInput!) {
    recordSkill(input: $input) {
      id
      pin
      name
      level
      certifiedBy
      certifiedOn
    }
  }
`;

const tomorrow = formatIsoDate(new Date(today().getTime() + 86_400_000));
const welding = {
  pin: '10503199012345',
  name: 'Electric welding',
  level: 'ADVANCED',
  certifiedBy: 'Osh Vocational Lyceum No. 7',
  certifiedOn: '2022-06-30',
};

describe('labour: skills', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);
  const skills = () => subgraph.connection.collection('skills');

  it('records a certified skill and a self-declared one', async () => {
    const certified = await execute(subgraph.server, RECORD, { input: welding });
    expect(certified.errors).toBeUndefined();
    const { id, ...rest } = certified.data!.recordSkill;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(rest).toEqual(welding);

    const declared = await execute(subgraph.server, RECORD, {
      input: { pin: welding.pin, name: ' Russian  language ', level: 'BASIC' },
    });
    expect(declared.errors).toBeUndefined();
    expect(declared.data?.recordSkill).toMatchObject({
      name: 'Russian language',
      certifiedBy: null,
      certifiedOn: null,
    });
  });

  it('refuses the same skill name twice for a person with CONFLICT, keeping the first', async () => {
    const again = await execute(subgraph.server, RECORD, {
      input: { ...welding, name: '  Electric   welding', level: 'EXPERT' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain('"Electric welding"');
    expect(again.errors?.[0]?.message).toContain(welding.pin);
    const stored = await skills().find({ pin: welding.pin, name: 'Electric welding' }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.level).toBe('ADVANCED');
  });

  it('lets another person hold the same skill', async () => {
    const result = await execute(subgraph.server, RECORD, {
      input: { ...welding, pin: '20101199000001' },
    });
    expect(result.errors).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty name', { name: '   ' }, '"   "'],
    ['a 101-character name', { name: 'w'.repeat(101) }, 'wwww'],
    ['an empty certifier', { certifiedBy: '' }, '""'],
    ['a certification in the future', { certifiedOn: tomorrow }, tomorrow],
    ['an unknown level', { level: 'GURU' }, 'GURU'],
    ['an invalid PIN', { pin: '10503199012' }, '10503199012'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_why, change, offending) => {
    const pin = '10808199700001';
    const result = await execute(subgraph.server, RECORD, {
      input: { ...welding, pin, ...change },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(offending);
    expect(await skills().countDocuments({ pin: { $in: [pin, change.pin] } })).toBe(0);
  });

  it('resolves Person.skills through _entities, by name, empty for an unknown PIN', async () => {
    const result = await execute(
      subgraph.server,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Person { pin skills { name level certifiedBy } } } }`,
      {
        reps: [
          { __typename: 'Person', pin: welding.pin },
          { __typename: 'Person', pin: '20101199099999' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        pin: welding.pin,
        skills: [
          {
            name: 'Electric welding',
            level: 'ADVANCED',
            certifiedBy: 'Osh Vocational Lyceum No. 7',
          },
          { name: 'Russian language', level: 'BASIC', certifiedBy: null },
        ],
      },
      { pin: '20101199099999', skills: [] },
    ]);
  });
});
