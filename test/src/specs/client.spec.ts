import { MongoClient, type Db } from 'mongodb';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { JolClient, operations } from '@jol/client';
import { gatewaySeedWriter, seed } from '../seed';
import { startTestSystem, type TestSystem } from '../system/test-system';

const { MigrationRecordDocument, RegisterDepartureDocument } = operations;

const PIN = '10505198800017';

/** A read across two agencies: the person (migration) and their pension periods (pensions). */
const WITH_PERIODS = parse(
  'query WithPeriods($pin: PIN!) { person(pin: $pin) { pin insurancePeriods { from } } }',
) as TypedDocumentNode<
  { person: { pin: string; insurancePeriods: { from: string }[] | null } | null },
  { pin: string }
>;

describe('@jol/client through the real gateway', () => {
  let jol: TestSystem;
  let mongo: MongoClient;
  let migrationDb: Db;

  const client = async (role: Parameters<TestSystem['token']>[0], purpose: string) =>
    new JolClient({
      url: jol.graphqlUrl,
      token: await jol.token(role),
      purpose,
      retryBaseMs: 20,
    });
  const audited = (callerRequestId: string) =>
    migrationDb.collection('audit_events').find({ callerRequestId }).toArray();

  beforeAll(async () => {
    jol = await startTestSystem('client');
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
    migrationDb = mongo.db(`${jol.databasePrefix}_migration`);
    await seed
      .person(PIN)
      .named(['Сыдыков', 'Нурлан'], ['Sydykov', 'Nurlan'])
      .born('1988-05-05', 'MALE')
      .from('KG-T')
      .writeWith(gatewaySeedWriter(jol));
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  it('reads typed data under its purpose, and its request id labels the audit event', async () => {
    const officer = await client('MIGRATION_OFFICER', 'MIGRATION_REGISTRATION');
    const result = await officer.request(
      MigrationRecordDocument,
      { pin: PIN },
      { callerRequestId: 'desk-7-read' },
    );
    expect(result.errors).toEqual([]);
    expect(result.data.person).toMatchObject({
      pin: PIN,
      nameLatin: { last: 'Sydykov' },
      homeRegion: 'KG-T',
    });
    expect(result.attempts).toBe(1);
    const events = await audited('desk-7-read');
    expect(events).toEqual([
      expect.objectContaining({
        requestId: result.requestId,
        purpose: 'MIGRATION_REGISTRATION',
        pins: [PIN],
      }),
    ]);
  });

  it('types refusals: a refused field beside the data, a refused request thrown, once', async () => {
    const analyst = await client('ANALYST', 'STATISTICS');
    const refused = await analyst.request(MigrationRecordDocument, { pin: PIN });
    expect(refused.data.person).toBeNull();
    expect(refused.errors.map((e) => [e.extensions.code, e.path])).toEqual([
      ['FORBIDDEN', ['person']],
    ]);
    expect(refused.attempts).toBe(1);
    const noPurpose = await client('MIGRATION_OFFICER', 'STATISTICS');
    await expect(noPurpose.request(MigrationRecordDocument, { pin: PIN })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
  });

  it('writes once, and a refused write is not sent again', async () => {
    const officer = await client('MIGRATION_OFFICER', 'MIGRATION_REGISTRATION');
    const input = { pin: PIN, departedOn: '2025-03-01', country: 'KZ', purpose: 'WORK' } as const;
    const written = await officer.request(RegisterDepartureDocument, { input });
    expect(written.data.registerDeparture).toMatchObject({
      country: 'KZ',
      departedOn: '2025-03-01',
    });
    const again = await officer
      .request(RegisterDepartureDocument, { input }, { callerRequestId: 'desk-7-again' })
      .catch((error: unknown) => error);
    expect(again).toMatchObject({ code: 'CONFLICT', attempts: 1 });
    expect(await audited('desk-7-again')).toHaveLength(1);
  });

  it('sends a query again while an agency is down, then returns the others’ data', async () => {
    const pensions = jol.system.processes.find((p) => p.name === 'pensions')!;
    await pensions.stop();
    const officer = new JolClient({
      url: jol.graphqlUrl,
      token: await jol.token('PENSION_OFFICER'),
      purpose: 'PENSION_ASSESSMENT',
      maxAttempts: 3,
      retryBaseMs: 20,
    });
    const result = await officer.request(
      WITH_PERIODS,
      { pin: PIN },
      { callerRequestId: 'desk-9-down' },
    );
    expect(result.attempts).toBe(3);
    expect(result.data.person?.pin).toBe(PIN);
    expect(result.errors.map((e) => e.extensions.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    // Three attempts, one request id of the caller's, three of Jol's.
    const events = await audited('desk-9-down');
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.requestId)).size).toBe(3);
  });
});
