import { buildSchema, graphql, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { JolContext } from '../context';
import { createAccessTrail } from './trail';
import type { SubjectDirectory } from './subject-directory';
import {
  allow,
  applyAccessRules,
  type AccessRules,
  coordinateOf,
  dataClassOf,
  mergeRuleMaps,
  readRule,
  submitRule,
  writeRule,
} from './shield';

const SDL = /* GraphQL */ `
  type Query {
    person: Person
    persons: [Person]
    unruled: String
    failing: String
    _service: _Service
    _entities: [String]
  }
  type _Service {
    sdl: String
  }
  type Person {
    pin: String
    employment: String
    skills: String
  }
  input SkillInput {
    pin: String
  }
  input NumberedInput {
    pin: Int
  }
  type Mutation {
    recordSkill(input: SkillInput): String
    enrolInReintegration(input: NumberedInput): String
    openPensionExchangeCase(pin: String): String
    updateTbTreatmentStatus(id: String, input: SkillInput): String
  }
`;

const PERSON_C = { pin: '10503199012345', homeRegion: 'KG-C', employment: 'RU', skills: 'welding' };
const PERSON_O = { pin: '22902200000001', homeRegion: 'KG-O', employment: 'KZ', skills: 'cooking' };
const ROOT = {
  person: PERSON_C,
  persons: [PERSON_C, PERSON_O],
  unruled: 'x',
  _service: { sdl: 'type Query' },
  _entities: ['e'],
  recordSkill: 'ok',
  enrolInReintegration: 'ok',
  openPensionExchangeCase: 'ok',
  updateTbTreatmentStatus: 'ok',
  failing: () => {
    throw new GraphQLError('No TB case has id x', { extensions: { code: 'NOT_FOUND' } });
  },
};

/** TB cases by id, and the ids asked for: the person of a write that names a record. */
const TB_CASES: Record<string, string> = { 'case-osh': '10503199012345' };
const asked: string[] = [];

const seen: unknown[] = [];
const RULES: AccessRules[] = [
  { Query: { person: allow, persons: allow, failing: allow } },
  {
    Person: {
      pin: allow,
      employment: readRule('Person.employment'),
      skills: readRule<typeof PERSON_C, unknown>('Person.skills', (parent, args, context) => {
        seen.push([parent.pin, args, context.purpose]);
        return { pin: parent.pin, homeRegion: 'KG-O' };
      }),
    },
  },
  {
    Mutation: {
      recordSkill: writeRule('labour'),
      enrolInReintegration: writeRule('labour'),
      updateTbTreatmentStatus: writeRule<{ id: string }>('health', async (args) => {
        asked.push(args.id);
        return TB_CASES[args.id] ?? null;
      }),
      openPensionExchangeCase: submitRule<{ pin: string }>((args) => ({
        pin: args.pin,
        partners: ['RU-SFR'],
      })),
    },
  },
];
const SCHEMA = applyAccessRules(buildSchema(SDL), RULES);

/** The register writes ask: the one person of these tests, of Osh. */
const DIRECTORY: SubjectDirectory = {
  find: async (pin) =>
    pin === '10503199012345'
      ? { kind: 'known', facts: { homeRegion: 'KG-O', birthDate: null } }
      : { kind: 'unknown' },
};

function contextOf(caller: JolContext['caller'], purpose: string | null): JolContext {
  return { caller, purpose, access: createAccessTrail(), directory: DIRECTORY } as JolContext;
}
const officer = (roles: string[], extra: object = {}) => ({ sub: 's', roles, ...extra });

async function run(source: string, context: JolContext) {
  const result = await graphql({ schema: SCHEMA, source, rootValue: ROOT, contextValue: context });
  return {
    data: result.data,
    errors: (result.errors ?? []).map((e) => [e.message, e.extensions.code]),
  };
}

describe('applyAccessRules', () => {
  it('lets a role read the data classes its policy grants, and records what was read', async () => {
    const context = contextOf(officer(['LABOUR_OFFICER']), 'EMPLOYMENT_SERVICES');
    expect(await run('{ person { pin employment } }', context)).toEqual({
      data: { person: { pin: '10503199012345', employment: 'RU' } },
      errors: [],
    });
    expect(context.access.summary().served).toEqual(['Person.employment']);
    expect(context.access.summary().pins).toEqual(['10503199012345']);
  });

  it('refuses a data class the role does not read', async () => {
    const context = contextOf(officer(['HEALTH_OFFICER']), 'MEDICAL_CARE');
    expect(await run('{ person { employment } }', context)).toEqual({
      data: { person: { employment: null } },
      errors: [['You may not read or write Person.employment', 'FORBIDDEN']],
    });
    expect(context.access.summary().refused).toEqual(['Person.employment']);
  });

  it('decides each person of a list apart (no decision is cached across parents)', async () => {
    const context = contextOf(officer(['LABOUR_OFFICER'], { region: 'KG-C' }), 'RETURNEE_SUPPORT');
    expect(await run('{ persons { employment } }', context)).toEqual({
      data: { persons: [{ employment: 'RU' }, { employment: null }] },
      errors: [['Outside your region: Person.employment', 'FORBIDDEN']],
    });
  });

  it('reads the subject a rule names from its parent, its arguments and the context', async () => {
    seen.length = 0;
    const context = contextOf(officer(['LABOUR_OFFICER'], { region: 'KG-O' }), 'RETURNEE_SUPPORT');
    expect(await run('{ person { skills } }', context)).toEqual({
      data: { person: { skills: 'welding' } },
      errors: [],
    });
    expect(seen).toEqual([['10503199012345', {}, 'RETURNEE_SUPPORT']]);
  });

  it('refuses, with the coordinate, every field no rule names', async () => {
    const context = contextOf(officer(['LABOUR_OFFICER']), 'EMPLOYMENT_SERVICES');
    expect(await run('{ unruled }', context)).toEqual({
      data: { unruled: null },
      errors: [['You may not read or write Query.unruled', 'FORBIDDEN']],
    });
  });

  it('ignores a type-wide allow for a type the schema lacks, but refuses any other rule for one', () => {
    expect(() => applyAccessRules(buildSchema(SDL), [...RULES, { Absent: allow }])).not.toThrow();
    expect(() => applyAccessRules(buildSchema(SDL), [...RULES, { Absent: { x: allow } }])).toThrow(
      /Absent/,
    );
  });

  it('answers the federation fields to anyone', async () => {
    expect(await run('{ _service { sdl } _entities }', contextOf(null, null))).toEqual({
      data: { _service: { sdl: 'type Query' }, _entities: ['e'] },
      errors: [],
    });
  });

  it('lets only the owning agency write, recording the PIN of the input', async () => {
    const labour = contextOf(officer(['LABOUR_OFFICER']), 'EMPLOYMENT_SERVICES');
    expect(await run('mutation { recordSkill(input: { pin: "10503199012345" }) }', labour)).toEqual(
      { data: { recordSkill: 'ok' }, errors: [] },
    );
    expect(labour.access.summary().served).toEqual(['Mutation.recordSkill']);
    expect(labour.access.summary().pins).toEqual(['10503199012345']);
    expect(labour.access.summary().wrote).toBe(true);

    for (const mutation of [
      'recordSkill(input: {})',
      'recordSkill',
      'enrolInReintegration(input: { pin: 10503199 })',
    ]) {
      const withoutPin = contextOf(officer(['LABOUR_OFFICER']), 'EMPLOYMENT_SERVICES');
      expect(await run(`mutation { ${mutation} }`, withoutPin)).toEqual({
        data: { [mutation.split('(')[0]!]: 'ok' },
        errors: [],
      });
      expect(withoutPin.access.summary().pins).toEqual([]);
    }

    const health = contextOf(officer(['HEALTH_OFFICER']), 'MEDICAL_CARE');
    expect(await run('mutation { recordSkill(input: { pin: "10503199012345" }) }', health)).toEqual(
      {
        data: { recordSkill: null },
        errors: [['You may not read or write Mutation.recordSkill', 'FORBIDDEN']],
      },
    );
  });

  it.each<[string, object, string, string[], { data: unknown; errors: unknown[] }, string[]]>([
    [
      'an officer: the person of the record, not of the input',
      {},
      'id: "case-osh", input: { pin: "22902200000001" }',
      ['case-osh'],
      { data: { updateTbTreatmentStatus: 'ok' }, errors: [] },
      ['10503199012345'],
    ],
    [
      "an officer of the record's region",
      { region: 'KG-O' },
      'id: "case-osh"',
      ['case-osh'],
      { data: { updateTbTreatmentStatus: 'ok' }, errors: [] },
      ['10503199012345'],
    ],
    [
      'an officer of another region',
      { region: 'KG-J' },
      'id: "case-osh"',
      ['case-osh'],
      {
        data: { updateTbTreatmentStatus: null },
        errors: [['Outside your region: Mutation.updateTbTreatmentStatus', 'FORBIDDEN']],
      },
      ['10503199012345'],
    ],
    // The resolver answers NOT_FOUND to a caller who may see every record.
    [
      'an officer, no such record',
      {},
      'id: "case-none"',
      ['case-none'],
      { data: { updateTbTreatmentStatus: 'ok' }, errors: [] },
      [],
    ],
    [
      'an officer of a region, no such record: as if outside the region',
      { region: 'KG-O' },
      'id: "case-none"',
      ['case-none'],
      {
        data: { updateTbTreatmentStatus: null },
        errors: [['Outside your region: Mutation.updateTbTreatmentStatus', 'FORBIDDEN']],
      },
      [],
    ],
  ])(
    'writes a record named by id with the record person: %s',
    async (_case, claims, args, lookups, expected, pins) => {
      asked.length = 0;
      const context = contextOf(officer(['HEALTH_OFFICER'], claims), 'MEDICAL_CARE');
      expect(await run(`mutation { updateTbTreatmentStatus(${args}) }`, context)).toEqual(expected);
      expect(asked).toEqual(lookups);
      expect(context.access.summary().pins).toEqual(pins);
    },
  );

  it('looks up no record for a caller who may not make the write', async () => {
    asked.length = 0;
    const context = contextOf(officer(['LABOUR_OFFICER']), 'EMPLOYMENT_SERVICES');
    expect(await run('mutation { updateTbTreatmentStatus(id: "case-osh") }', context)).toEqual({
      data: { updateTbTreatmentStatus: null },
      errors: [['You may not read or write Mutation.updateTbTreatmentStatus', 'FORBIDDEN']],
    });
    expect(asked).toEqual([]);
    expect(context.access.summary().pins).toEqual([]);
  });

  it("passes a resolver's own error through an allowed field", async () => {
    const context = contextOf(officer(['HEALTH_OFFICER']), 'MEDICAL_CARE');
    expect(await run('{ failing }', context)).toEqual({
      data: { failing: null },
      errors: [['No TB case has id x', 'NOT_FOUND']],
    });
  });

  it('lets a partner submit about its own cases only', async () => {
    const own = contextOf(officer(['PARTNER'], { partner: 'RU-SFR' }), 'PENSION_EXCHANGE');
    expect(await run('mutation { openPensionExchangeCase(pin: "10503199012345") }', own)).toEqual({
      data: { openPensionExchangeCase: 'ok' },
      errors: [],
    });
    expect(own.access.summary().served).toEqual(['Mutation.openPensionExchangeCase']);

    const other = contextOf(officer(['PARTNER'], { partner: 'KZ-ENPF' }), 'PENSION_EXCHANGE');
    expect(await run('mutation { openPensionExchangeCase(pin: "10503199012345") }', other)).toEqual(
      {
        data: { openPensionExchangeCase: null },
        errors: [['You may not read or write Mutation.openPensionExchangeCase', 'FORBIDDEN']],
      },
    );
  });
});

describe('dataClassOf and coordinateOf', () => {
  it('gives the class the policy table lists', () => {
    expect(dataClassOf('Person.skills')).toBe('labourServices');
    expect(dataClassOf('EmploymentRecord.employer')).toBe('employmentDetail');
  });
  it('refuses a coordinate the table does not list, naming it and the table', () => {
    expect(() => dataClassOf('Person.shoeSize')).toThrow(
      "Person.shoeSize has no data class in FIELD_CLASSES (its member's fieldClasses, schema/src/members)",
    );
    expect(() => readRule('Person.shoeSize')).toThrow(/Person\.shoeSize has no data class/);
  });
  it('names a field by its parent type and field name', () => {
    expect(
      coordinateOf({ parentType: { name: 'Person' }, fieldName: 'skills' } as GraphQLResolveInfo),
    ).toBe('Person.skills');
  });
});

describe('mergeRuleMaps', () => {
  const a = allow;
  it('merges the field rules of one type from several maps, copying them', () => {
    const first = { Person: { pin: a } };
    const merged = mergeRuleMaps([first, { Person: { skills: a } }, { Query: a }]);
    expect(merged).toEqual({ Person: { pin: a, skills: a }, Query: a });
    expect(first).toEqual({ Person: { pin: a } });
  });
  it('keeps a type-wide rule as it is given', () => {
    expect(
      (mergeRuleMaps([{ Query: a }, { Person: { pin: a } }]) as Record<string, unknown>).Query,
    ).toBe(a);
  });
  it('refuses a field given two rules', () => {
    expect(() => mergeRuleMaps([{ Person: { pin: a } }, { Person: { pin: a } }])).toThrow(
      'Person.pin has two rules',
    );
  });
  it('refuses a type-wide rule beside another rule for the type', () => {
    expect(() => mergeRuleMaps([{ Person: a }, { Person: { pin: a } }])).toThrow(
      'Person has a type-wide rule and another rule',
    );
    expect(() => mergeRuleMaps([{ Person: { pin: a } }, { Person: a }])).toThrow(
      'Person has a type-wide rule and another rule',
    );
  });
});

describe('the history of correctable records', () => {
  const versioned = (type: string) =>
    buildSchema(`type Query { record: ${type} _service: _Service _entities: [String] }
      type _Service { sdl: String }
      type ${type} { pin: String superseded: String versions: [${type}] }`);

  it('is decided by the kernel: an entity rule for it is refused', () => {
    expect(() =>
      applyAccessRules(versioned('EmploymentRecord'), [{ EmploymentRecord: { versions: allow } }]),
    ).toThrow('EmploymentRecord.versions is decided by the kernel');
    expect(() =>
      applyAccessRules(versioned('EmploymentRecord'), [
        { Query: { record: allow }, EmploymentRecord: allow },
      ]),
    ).not.toThrow();
  });

  it('must be classified in the register, else the subgraph does not start', () => {
    expect(() =>
      applyAccessRules(versioned('Boat'), [{ Query: { record: allow }, Boat: allow }]),
    ).toThrow('Boat.versions has no data class');
  });
});
