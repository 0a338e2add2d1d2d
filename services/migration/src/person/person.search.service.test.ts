import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  useTestSubgraph,
  type ExecuteAs,
} from '@jol/testkit/service';
import type { Role } from '@jol/schema';
import { createMigrationServer } from '../server';
import { createMigrationModels } from '../context';
import { backfillNameKeys } from './person.search';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      pin
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query Search($name: String!, $birthDate: Date, $region: Region) {
    searchPersons(name: $name, birthDate: $birthDate, region: $region) {
      pin
      nameLatin {
        last
        first
      }
      nameCyrillic {
        last
        first
      }
      birthDate
      sex
      homeRegion
    }
  }
`;

const person = (
  pin: string,
  cyrillic: [string, string],
  latin: [string, string],
  birthDate: string,
  homeRegion: string,
) => ({
  pin,
  nameCyrillic: { last: cyrillic[0], first: cyrillic[1] },
  nameLatin: { last: latin[0], first: latin[1] },
  birthDate,
  sex: pin.startsWith('1') ? 'MALE' : 'FEMALE',
  homeRegion,
  russianProficiency: 'GOOD',
});

const AISULUU_OSH = person(
  '20503199012345',
  ['Асанова', 'Айсулуу'],
  ['Asanova', 'Aisuluu'],
  '1990-03-05',
  'KG-O',
);
const AISULUU_JALAL_ABAD = person(
  '20503199054321',
  ['Асанова', 'Айсулуу'],
  ['Asanova', 'Aisuluu'],
  '1990-03-05',
  'KG-J',
);
const ZHENISHBEK = person(
  '10107198500011',
  ['Өмүрбеков', 'Жеңишбек'],
  ['Omurbekov', 'Zhenishbek'],
  '1985-07-01',
  'KG-C',
);
/** 21 namesakes born the same day: more than a search may list. */
const NAMESAKES = Array.from({ length: 21 }, (_, i) =>
  person(
    `1010119900${String(1000 + i)}`,
    ['Токтогулов', 'Алмаз'],
    ['Toktogulov', 'Almaz'],
    '1990-01-01',
    'KG-B',
  ),
);

const pinsOf = (result: { data?: Record<string, unknown> | null }) =>
  ((result.data?.searchPersons as { pin: string }[] | null) ?? []).map((p) => p.pin).sort();
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe('migration: searchPersons', () => {
  const subgraph = useTestSubgraph('migration', createMigrationServer);
  const search = (variables: Record<string, unknown>, as: ExecuteAs = {}) =>
    execute(subgraph.server, SEARCH, variables, as);

  beforeAll(async () => {
    for (const input of [AISULUU_OSH, AISULUU_JALAL_ABAD, ZHENISHBEK, ...NAMESAKES]) {
      const registered = await execute(subgraph.server, REGISTER, { input });
      expect(registered.errors).toBeUndefined();
    }
  });

  describe('matching', () => {
    it.each([
      ['Latin', 'Asanova Aisuluu'],
      ['Cyrillic', 'Асанова Айсулуу'],
      ['upper-case Latin', 'ASANOVA AISULUU'],
      ['lower-case Cyrillic, words in another order', 'айсулуу асанова'],
      ['one script per word', 'Асанова Aisuluu'],
    ])('finds a person by a name in %s', async (_how, name) => {
      const result = await search({ name, birthDate: '1990-03-05' });
      expect(result.errors).toBeUndefined();
      expect(pinsOf(result)).toEqual([AISULUU_OSH.pin, AISULUU_JALAL_ABAD.pin].sort());
    });

    it.each([
      ['the Cyrillic with ң, ө, ү', 'Өмүрбеков Жеңишбек'],
      ['the passport Latin', 'Omurbekov Zhenishbek'],
      ['a Latin with diacritics', 'Ömürbekov Jeñishbek'],
      ['the lower-case Kyrgyz Cyrillic', 'өмүрбеков жеңишбек'],
    ])('finds a Kyrgyz name by %s', async (_how, name) => {
      const result = await search({ name, region: 'KG-C' });
      expect(result.errors).toBeUndefined();
      expect(pinsOf(result)).toEqual([ZHENISHBEK.pin]);
    });

    it('matches whole words: a part of a name finds nobody', async () => {
      const result = await search({ name: 'Asan', birthDate: '1990-03-05' });
      expect(result.errors).toBeUndefined();
      expect(pinsOf(result)).toEqual([]);
    });

    it('narrows by birth date and region', async () => {
      const other = await search({ name: 'Asanova Aisuluu', birthDate: '1990-03-06' });
      expect(pinsOf(other)).toEqual([]);
      const osh = await search({ name: 'Asanova Aisuluu', region: 'KG-O' });
      expect(pinsOf(osh)).toEqual([AISULUU_OSH.pin]);
    });

    it('lists identity fields only', async () => {
      const result = await search({ name: 'Omurbekov', birthDate: '1985-07-01' });
      expect(result.data?.searchPersons).toEqual([
        {
          pin: ZHENISHBEK.pin,
          nameLatin: { last: 'Omurbekov', first: 'Zhenishbek' },
          nameCyrillic: { last: 'Өмүрбеков', first: 'Жеңишбек' },
          birthDate: '1985-07-01',
          sex: 'MALE',
          homeRegion: 'KG-C',
        },
      ]);
      const status = await execute(
        subgraph.server,
        `{ searchPersons(name: "Omurbekov", birthDate: "1985-07-01") { pin status } }`,
      );
      expect(codeOf(status)).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('too broad', () => {
    it('refuses one name without the birth date, even with a region', async () => {
      const result = await search({ name: 'Asanova', region: 'KG-O' });
      expect(result.data?.searchPersons ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'SEARCH_TOO_BROAD',
        rule: 'ONE_NAME_NEEDS_BIRTH_DATE',
      });
    });

    it('refuses two names with neither the birth date nor the region', async () => {
      const result = await search({ name: 'Asanova Aisuluu' });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'SEARCH_TOO_BROAD',
        rule: 'NAME_NEEDS_BIRTH_DATE_OR_REGION',
      });
    });

    it('lists nobody when more than 20 persons match', async () => {
      const twenty = await search({ name: 'Toktogulov Almaz', birthDate: '1990-01-01' });
      expect(twenty.data?.searchPersons ?? null).toBeNull();
      expect(twenty.errors?.[0]?.extensions).toMatchObject({
        code: 'SEARCH_TOO_BROAD',
        rule: 'TOO_MANY_MATCHES',
      });
    });
  });

  describe('attacker paths', () => {
    it.each([
      ['one letter', 'A'],
      ['one letter beside a name', 'Asanova A'],
      ['a regular expression', 'Asan.*'],
      ['an anchored pattern', '^A'],
      ['a wildcard', 'Asan*'],
      ['a SQL-style wildcard', 'Asan%'],
      ['an operator', '$where'],
      ['digits', 'Asanova 1990'],
      ['four words', 'Asanova Aisuluu Bakyt Kyzy'],
      ['a word of 41 letters', 'A'.repeat(41)],
      ['a huge string', 'Asanova '.repeat(20_000)],
      ['nothing', ''],
      ['blanks', '   '],
    ])('refuses %s as the name with BAD_USER_INPUT', async (_what, name) => {
      const result = await search({ name, birthDate: '1990-03-05' });
      expect(result.data?.searchPersons ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(result.errors?.[0]?.message.length).toBeLessThan(300);
    });

    it('refuses an object as the name before any resolver', async () => {
      const result = await search({ name: { $ne: null }, birthDate: '1990-03-05' });
      expect(result.data ?? null).toBeNull();
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it.each<[string, 'FORBIDDEN' | 'UNAUTHENTICATED', ExecuteAs]>([
      ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', { partner: 'RU-SFR' })],
      ['the person themself', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: AISULUU_OSH.pin })],
      ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
      ['an auditor', 'FORBIDDEN', callerAs('AUDITOR')],
      [
        'a health officer on PUBLIC_HEALTH (no names)',
        'FORBIDDEN',
        callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH'),
      ],
      ['an officer without a purpose', 'FORBIDDEN', callerWithPurpose('MIGRATION_OFFICER', null)],
      [
        'an officer declaring a purpose not theirs',
        'FORBIDDEN',
        callerWithPurpose('LABOUR_OFFICER', 'MEDICAL_CARE'),
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ])('refuses %s', async (_who, code, as) => {
      const result = await search({ name: 'Asanova Aisuluu', birthDate: '1990-03-05' }, as);
      expect(result.data?.searchPersons ?? null).toBeNull();
      expect(codeOf(result)).toBe(code);
    });

    it.each<[Role, string]>([
      ['MIGRATION_OFFICER', 'MIGRATION_REGISTRATION'],
      ['MIGRATION_OFFICER', 'RETURNEE_SUPPORT'],
      ['LABOUR_OFFICER', 'EMPLOYMENT_SERVICES'],
      ['LABOUR_OFFICER', 'RETURNEE_SUPPORT'],
      ['HEALTH_OFFICER', 'MEDICAL_CARE'],
      ['PENSION_OFFICER', 'PENSION_ASSESSMENT'],
    ])('lets a %s search on %s', async (role, purpose) => {
      const result = await search(
        { name: 'Asanova Aisuluu', birthDate: '1990-03-05' },
        callerWithPurpose(role, purpose),
      );
      expect(result.errors).toBeUndefined();
      expect(pinsOf(result)).toHaveLength(2);
    });
  });

  describe('region scope', () => {
    const jalalAbad = callerAs('MIGRATION_OFFICER', { region: 'KG-J' });

    it("lists a region-scoped officer's region only", async () => {
      const result = await search({ name: 'Asanova Aisuluu', birthDate: '1990-03-05' }, jalalAbad);
      expect(result.errors).toBeUndefined();
      expect(pinsOf(result)).toEqual([AISULUU_JALAL_ABAD.pin]);
    });

    it('refuses a region-scoped officer a search in another region', async () => {
      const result = await search({ name: 'Asanova Aisuluu', region: 'KG-O' }, jalalAbad);
      expect(result.data?.searchPersons ?? null).toBeNull();
      expect(codeOf(result)).toBe('FORBIDDEN');
    });
  });

  describe('audit', () => {
    it('records what was asked and whom it listed', async () => {
      const { result, events } = await executeAudited(subgraph, 'search-audit-1', SEARCH, {
        name: 'Асанова Айсулуу',
        birthDate: '1990-03-05',
      });
      expect(result.errors).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        served: ['Query.searchPersons'],
        pins: [AISULUU_OSH.pin, AISULUU_JALAL_ABAD.pin].sort(),
        searches: [
          {
            name: 'Асанова Айсулуу',
            birthDate: '1990-03-05',
            region: null,
            found: [AISULUU_OSH.pin, AISULUU_JALAL_ABAD.pin].sort(),
          },
        ],
        outcome: 'ALLOWED',
      });
    });

    it('records a refused search with what was asked, and a too-broad one', async () => {
      const refused = await executeAudited(
        subgraph,
        'search-audit-2',
        SEARCH,
        { name: 'Asanova Aisuluu', region: 'KG-O' },
        callerAs('PARTNER', { partner: 'RU-SFR' }),
      );
      expect(refused.events[0]).toMatchObject({
        refused: ['Query.searchPersons'],
        pins: [],
        searches: [{ name: 'Asanova Aisuluu', birthDate: null, region: 'KG-O' }],
        outcome: 'DENIED',
      });
      expect((refused.events[0]!.searches as object[])[0]).not.toHaveProperty('found');
      const broad = await executeAudited(subgraph, 'search-audit-3', SEARCH, { name: 'Asanova' });
      expect(broad.events[0]).toMatchObject({
        pins: [],
        searches: [{ name: 'Asanova', birthDate: null, region: null }],
      });
    });

    it('keeps at most 100 characters of a huge name', async () => {
      const { events } = await executeAudited(subgraph, 'search-audit-4', SEARCH, {
        name: 'Asanova '.repeat(1000),
        birthDate: '1990-03-05',
      });
      const [asked] = events[0]!.searches as { name: string }[];
      expect(asked!.name.length).toBeLessThanOrEqual(101);
    });
  });

  describe('name keys of persons stored before searches', () => {
    it('are written by the backfill, after which the person is found', async () => {
      const pin = '10202198000077';
      await subgraph.connection.collection('persons').insertOne({
        pin,
        nameCyrillic: { last: 'Үсөнов', first: 'Бакыт' },
        nameLatin: { last: 'Usonov', first: 'Bakyt' },
        birthDate: new Date('1980-02-02T00:00:00Z'),
        sex: 'MALE',
        homeRegion: 'KG-N',
        russianProficiency: 'NONE',
        status: 'NEVER_LEFT',
        destinations: [],
      });
      const before = await search({ name: 'Usonov', birthDate: '1980-02-02' });
      expect(pinsOf(before)).toEqual([]);
      const { Person } = createMigrationModels(subgraph.connection);
      expect(await backfillNameKeys(Person)).toBe(1);
      expect(await backfillNameKeys(Person)).toBe(0);
      const after = await search({ name: 'Үсөнов Бакыт', region: 'KG-N' });
      expect(pinsOf(after)).toEqual([pin]);
    });
  });
});
