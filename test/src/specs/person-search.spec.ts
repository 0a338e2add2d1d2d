import { MongoClient } from 'mongodb';
import { JolClient, JolError, operations, type JolClientOptions } from '@jol/client';
import type { Role } from '@jol/schema';
import { verifyAllAuditChains } from '@jol/jobs';
import { startTestSystem, type TestSystem } from '../system/test-system';

const { MyAccessLogDocument, SearchPersonsDocument } = operations;

/** A woman of Osh and a man of Chüy whose names carry the Kyrgyz letters ң, ө and ү. */
const GULNARA = {
  pin: '20808199100031',
  nameCyrillic: { last: 'Төрөбекова', first: 'Гүлнара' },
  nameLatin: { last: 'Torobekova', first: 'Gulnara' },
  birthDate: '1991-08-08',
  sex: 'FEMALE',
  homeRegion: 'KG-O',
  russianProficiency: 'GOOD',
};
const ZHENISH = {
  pin: '10303198700042',
  nameCyrillic: { last: 'Үмөталиев', first: 'Жеңиш' },
  nameLatin: { last: 'Umotaliev', first: 'Zhenish' },
  birthDate: '1987-03-03',
  sex: 'MALE',
  homeRegion: 'KG-C',
  russianProficiency: 'BASIC',
};

describe('searchPersons through the gateway', () => {
  let jol: TestSystem;
  let mongo: MongoClient;

  const client = async (
    role: Role,
    claims: Record<string, string> = {},
    purpose?: string,
    extra: Partial<JolClientOptions> = {},
  ) =>
    new JolClient({
      url: jol.graphqlUrl,
      token: await jol.token(role, claims),
      ...(purpose ? { purpose } : {}),
      maxAttempts: 1,
      ...extra,
    });

  beforeAll(async () => {
    jol = await startTestSystem('search');
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
    const officer = await jol.as('MIGRATION_OFFICER');
    for (const input of [GULNARA, ZHENISH]) {
      const r = await officer(
        `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
        { input },
      );
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  it.each<[string, Role, string]>([
    ['Төрөбекова Гүлнара', 'HEALTH_OFFICER', 'MEDICAL_CARE'],
    ['TOROBEKOVA gulnara', 'LABOUR_OFFICER', 'EMPLOYMENT_SERVICES'],
    ['Töröbekova Gülnara', 'PENSION_OFFICER', 'PENSION_ASSESSMENT'],
    ['төрөбекова', 'MIGRATION_OFFICER', 'RETURNEE_SUPPORT'],
  ])('finds a person by "%s" as a %s on %s', async (name, role, purpose) => {
    const jolClient = await client(role, {}, purpose);
    const result = await jolClient.request(SearchPersonsDocument, {
      name,
      birthDate: GULNARA.birthDate,
    });
    expect(result.errors).toEqual([]);
    expect(result.data.searchPersons).toEqual([
      {
        pin: GULNARA.pin,
        nameLatin: { last: 'Torobekova', first: 'Gulnara' },
        nameCyrillic: { last: 'Төрөбекова', first: 'Гүлнара' },
        birthDate: GULNARA.birthDate,
        sex: 'FEMALE',
        homeRegion: 'KG-O',
      },
    ]);
  });

  it('finds ң written as n in the passport Latin', async () => {
    const jolClient = await client('MIGRATION_OFFICER', {}, 'MIGRATION_REGISTRATION');
    const result = await jolClient.request(SearchPersonsDocument, {
      name: 'Umotaliev Zhenish',
      region: 'KG-C',
    });
    expect(result.data.searchPersons.map((p) => p.pin)).toEqual([ZHENISH.pin]);
  });

  it('applies region scope: another region finds nobody, asking for it is refused', async () => {
    const chuy = await client('LABOUR_OFFICER', { region: 'KG-C' }, 'EMPLOYMENT_SERVICES');
    const none = await chuy.request(SearchPersonsDocument, {
      name: 'Torobekova Gulnara',
      birthDate: GULNARA.birthDate,
    });
    expect(none.data.searchPersons).toEqual([]);
    await expect(
      chuy.request(SearchPersonsDocument, { name: 'Torobekova Gulnara', region: 'KG-O' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses too-broad searches with a typed error naming the rule', async () => {
    const officer = await client('HEALTH_OFFICER', {}, 'MEDICAL_CARE');
    const oneName = await officer
      .request(SearchPersonsDocument, { name: 'Gulnara', region: 'KG-O' })
      .catch((error: unknown) => error);
    expect(oneName).toBeInstanceOf(JolError);
    expect(oneName).toMatchObject({ code: 'SEARCH_TOO_BROAD' });
    expect((oneName as JolError).errors[0]!.extensions.rule).toBe('ONE_NAME_NEEDS_BIRTH_DATE');
    await expect(
      officer.request(SearchPersonsDocument, { name: 'G', birthDate: GULNARA.birthDate }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['a regular expression', 'Tor.*'],
    ['a wildcard', '*'],
    ['a MongoDB operator', '{"$regex":"."}'],
    ['a huge string', 'Torobekova '.repeat(5_000)],
  ])('refuses %s as the name with BAD_USER_INPUT, listing nobody', async (_what, name) => {
    const officer = await client('MIGRATION_OFFICER', {}, 'MIGRATION_REGISTRATION');
    const failure = await officer
      .request(SearchPersonsDocument, { name, birthDate: GULNARA.birthDate })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify((failure as JolError).errors)).not.toContain(GULNARA.pin);
  });

  it('refuses the person, a partner institution, an analyst and a public-health officer', async () => {
    const asked = { name: 'Torobekova Gulnara', birthDate: GULNARA.birthDate };
    const refusals: [Promise<JolClient>, string][] = [
      [client('DATA_SUBJECT', { pin: GULNARA.pin }, 'SELF_SERVICE'), 'FORBIDDEN'],
      [client('PARTNER', { partner: 'RU-SFR' }, 'PENSION_EXCHANGE'), 'OPERATION_NOT_REGISTERED'],
      [client('ANALYST', {}, 'STATISTICS'), 'FORBIDDEN'],
      [client('HEALTH_OFFICER', {}, 'PUBLIC_HEALTH'), 'FORBIDDEN'],
    ];
    for (const [caller, code] of refusals) {
      const failure = await (
        await caller
      )
        .request(SearchPersonsDocument, asked)
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ code });
      expect(JSON.stringify(failure)).not.toContain(GULNARA.pin);
    }
  });

  it('audits what was asked, and the person sees they were found by a search', async () => {
    const officer = await client('PENSION_OFFICER', {}, 'PENSION_ASSESSMENT');
    const found = await officer.request(
      SearchPersonsDocument,
      { name: 'Гүлнара Төрөбекова', birthDate: GULNARA.birthDate },
      { callerRequestId: 'pension-desk-search-1' },
    );
    expect(found.data.searchPersons).toHaveLength(1);
    const events = await mongo
      .db(`${jol.databasePrefix}_migration`)
      .collection('audit_events')
      .find({ callerRequestId: 'pension-desk-search-1' })
      .toArray();
    expect(events).toEqual([
      expect.objectContaining({
        requestId: found.requestId,
        roles: ['PENSION_OFFICER'],
        purpose: 'PENSION_ASSESSMENT',
        served: ['Query.searchPersons'],
        pins: [GULNARA.pin],
        searches: [
          {
            name: 'Гүлнара Төрөбекова',
            birthDate: GULNARA.birthDate,
            region: null,
            found: [GULNARA.pin],
          },
        ],
      }),
    ]);

    const citizen = await client('DATA_SUBJECT', { pin: GULNARA.pin }, 'SELF_SERVICE');
    const log = await citizen.request(MyAccessLogDocument, { pin: GULNARA.pin });
    const searches = log.data.person!.accessLog!.migration!.events.filter((e) => e.foundBySearch);
    // The four searches above that listed her, and this one; none that listed nobody.
    expect(searches.map((e) => e.purpose).sort()).toEqual(
      [
        'EMPLOYMENT_SERVICES',
        'MEDICAL_CARE',
        'PENSION_ASSESSMENT',
        'PENSION_ASSESSMENT',
        'RETURNEE_SUPPORT',
      ].sort(),
    );
    expect(searches.every((e) => e.served.includes('Query.searchPersons'))).toBe(true);
    // The other person was listed by one search only, and sees that one.
    const other = await client('DATA_SUBJECT', { pin: ZHENISH.pin }, 'SELF_SERVICE');
    const otherLog = await other.request(MyAccessLogDocument, { pin: ZHENISH.pin });
    expect(
      otherLog.data
        .person!.accessLog!.migration!.events.filter((e) => e.foundBySearch)
        .map((e) => e.purpose),
    ).toEqual(['MIGRATION_REGISTRATION']);
  });

  it('keeps every audit chain intact', async () => {
    const reports = await verifyAllAuditChains(process.env.MONGODB_URI!, jol.databasePrefix);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
  });
});
