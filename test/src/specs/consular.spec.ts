import { gatewaySeedWriter, seed } from '../seed';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * Consular assistance through the gateway, on the real store: a consular officer reads a
 * citizen's registrations and cases with the migration record, an officer posted at a consulate
 * sees and writes that post's cases only, the citizen sees their own and who read them, and no
 * other agency's officer reads a detention.
 */

const AIBEK = '10505198800011';

const RECORD = `query ($pin: PIN!) { person(pin: $pin) {
  pin
  episodes { country departedOn returnedOn }
  consularRegistrations { consulate country addressCity from to }
  assistanceCases { id type status consulate country openedOn closedOn } } }`;
const CASES = `query ($pin: PIN!) { person(pin: $pin) { assistanceCases { type consulate } } }`;
const CLOSE = `mutation ($input: CloseAssistanceCaseInput!) { closeAssistanceCase(input: $input) { status closedOn } }`;
const ACCESS_LOG = `query ($pin: PIN!) { person(pin: $pin) { accessLog { consular { events { roles purpose served outcome } } } } }`;

jest.setTimeout(120_000);

describe('consular assistance abroad through the gateway', () => {
  let jol: TestSystem;

  beforeAll(async () => {
    jol = await startTestSystem('consular');
    await seed
      .person(AIBEK)
      .from('KG-B')
      .abroadIn('RU', { since: '2022-03-01', until: '2023-12-20', city: 'Moscow' })
      .abroadIn('KZ', { since: '2024-04-01', city: 'Almaty' })
      .registeredAt('RU_MOSCOW', { from: '2022-04-01', to: '2023-12-20' })
      .assistedAbroad('DETENTION', {
        consulate: 'RU_MOSCOW',
        openedOn: '2023-05-10',
        closedOn: '2023-07-01',
      })
      .assistedAbroad('LOST_DOCUMENTS', { consulate: 'KZ_ALMATY', openedOn: '2024-09-02' })
      .writeWith(gatewaySeedWriter(jol));
  });
  afterAll(async () => {
    await jol?.stop();
  });

  it("gives a consular officer the person's stays, registrations and cases in one query", async () => {
    const officer = await jol.as('CONSULAR_OFFICER');
    const result = await officer(RECORD, { pin: AIBEK });
    expect(result.errors).toBeUndefined();
    expect(result.data.person).toMatchObject({
      pin: AIBEK,
      episodes: [
        { country: 'RU', departedOn: '2022-03-01', returnedOn: '2023-12-20' },
        { country: 'KZ', departedOn: '2024-04-01', returnedOn: null },
      ],
      consularRegistrations: [
        {
          consulate: 'RU_MOSCOW',
          country: 'RU',
          addressCity: 'Moscow',
          from: '2022-04-01',
          to: '2023-12-20',
        },
      ],
      assistanceCases: [
        { type: 'LOST_DOCUMENTS', status: 'OPEN', consulate: 'KZ_ALMATY', country: 'KZ' },
        { type: 'DETENTION', status: 'CLOSED', consulate: 'RU_MOSCOW', closedOn: '2023-07-01' },
      ],
    });
  });

  it("holds an officer posted in Almaty to its post's cases, reading and writing", async () => {
    const almaty = await jol.as('CONSULAR_OFFICER', { office: 'KZ_ALMATY' });
    const read = await almaty(CASES, { pin: AIBEK });
    expect(read.errors).toBeUndefined();
    expect(read.data.person.assistanceCases).toEqual([
      { type: 'LOST_DOCUMENTS', consulate: 'KZ_ALMATY' },
    ]);
    const officer = await jol.as('CONSULAR_OFFICER');
    const cases = (await officer(RECORD, { pin: AIBEK })).data.person.assistanceCases as {
      id: string;
      consulate: string;
    }[];
    const moscowCase = cases.find((c) => c.consulate === 'RU_MOSCOW')!;
    const refused = await almaty(CLOSE, { input: { id: moscowCase.id, closedOn: '2023-08-01' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.closeAssistanceCase ?? null).toBeNull();
    const almatyCase = cases.find((c) => c.consulate === 'KZ_ALMATY')!;
    const closed = await almaty(CLOSE, { input: { id: almatyCase.id, closedOn: '2024-10-01' } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeAssistanceCase).toEqual({ status: 'CLOSED', closedOn: '2024-10-01' });
  });

  it('refuses the cases to a consular officer registering citizens, and to other agencies', async () => {
    const registering = await jol.as('CONSULAR_OFFICER', {}, 'CONSULAR_REGISTRATION');
    const health = await jol.as('HEALTH_OFFICER');
    const migration = await jol.as('MIGRATION_OFFICER');
    for (const client of [registering, health, migration]) {
      const result = await client(CASES, { pin: AIBEK });
      expect(result.data?.person?.assistanceCases ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("shows the citizen their own cases and the consular officers' reads of them", async () => {
    const self = await jol.as('DATA_SUBJECT', { pin: AIBEK });
    const own = await self(CASES, { pin: AIBEK });
    expect(own.errors).toBeUndefined();
    expect(own.data.person.assistanceCases).toHaveLength(2);
    const log = await self(ACCESS_LOG, { pin: AIBEK });
    expect(log.errors).toBeUndefined();
    const events = log.data.person.accessLog.consular.events as {
      roles: string[];
      served: string[];
    }[];
    expect(events).toContainEqual(
      expect.objectContaining({
        roles: ['CONSULAR_OFFICER'],
        purpose: 'CONSULAR_ASSISTANCE',
        served: expect.arrayContaining(['Person.assistanceCases']),
      }),
    );
    const other = await jol.as('DATA_SUBJECT', { pin: '20101199099999' });
    const refused = await other(CASES, { pin: AIBEK });
    expect(refused.data?.person ?? null).toBeNull();
  });
});
