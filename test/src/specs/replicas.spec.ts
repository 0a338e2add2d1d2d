import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { SUBGRAPHS } from '@jol/schema';
import { signRequest } from '@jol/kernel';
import { verifyAllAuditChains } from '@jol/jobs';
import { signingKeysOf } from '@jol/tools';
import { readGraphQL } from '@jol/tools';
import { PartnerClient, type PartnerManifest } from '@jol/client';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * Two replicas of every subgraph on one database each, behind a round-robin proxy as behind a
 * Kubernetes Service, with the gateway calling the proxies. Concurrent reads, writes and partner
 * submissions go through the gateway; afterwards every audit chain verifies, every request left
 * exactly the events it should, an idempotent submission stored one document, and a signed request
 * one replica accepted is refused by the other.
 */

const PERSONS = 10;
const SUBMISSIONS = 6;
const RUN = randomUUID().slice(0, 8);
const pinOf = (i: number) => `1010119900${String(i + 1).padStart(4, '0')}`;
const SNILS = '112-233-445 95';
const MANIFEST_DIR = join(REPO_ROOT, 'gateway', 'src', 'partner-operations', 'manifests');

type Kind = 'register' | 'employment' | 'screening' | 'period' | 'assistance' | 'read';
/** Where each kind of request must leave exactly one audit event. */
const AUDITED_IN: Record<Kind, string[]> = {
  register: ['migration'],
  employment: ['labour'],
  screening: ['health'],
  period: ['pensions'],
  assistance: ['consular'],
  read: ['migration', 'labour'],
};

describe('two replicas of every subgraph', () => {
  let jol: TestSystem;
  let mongo: MongoClient;
  const db = (name: string): Db => mongo.db(`${jol.databasePrefix}_${name}`);
  /** Every request this spec sent through the gateway, by the X-Request-Id it carried. */
  const sent = new Map<string, Kind>();
  const partnerSub = `ru-sfr-${RUN}`;
  let partnerRequests = 0;
  let submitted: { documentId: string; status: string }[] = [];

  async function send(
    kind: Kind,
    role: Parameters<TestSystem['as']>[0],
    query: string,
    input: object,
  ) {
    const requestId = `replicas-${RUN}-${kind}-${sent.size}`;
    sent.set(requestId, kind);
    const client = await jol.as(role);
    const answer = await client(query, input as Record<string, unknown>, { requestId });
    expect({ requestId, errors: answer.errors }).toEqual({ requestId, errors: undefined });
    return answer;
  }

  beforeAll(async () => {
    // Forty requests at once on a shared machine: lookups wait for a core, not for a fault.
    jol = await startTestSystem('replicas', {
      replicas: 2,
      env: { JOL_SUBJECT_DIRECTORY_TIMEOUT_MS: '30000' },
    });
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);

    // Writes to the register, concurrently, spread over migration's two replicas.
    await Promise.all(
      Array.from({ length: PERSONS }, (_, i) =>
        send(
          'register',
          'MIGRATION_OFFICER',
          `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
          {
            input: {
              pin: pinOf(i),
              nameCyrillic: { last: 'Осмонова', first: 'Нургуль' },
              nameLatin: { last: 'Osmonova', first: 'Nurgul' },
              birthDate: '1990-01-01',
              sex: 'FEMALE',
              homeRegion: 'KG-O',
              russianProficiency: 'GOOD',
            },
          },
        ),
      ),
    );

    // The stay in Russia that ties the first person to the Russian institution's case.
    await send(
      'register',
      'MIGRATION_OFFICER',
      `mutation ($input: RegisterDepartureInput!) { registerDeparture(input: $input) { id } }`,
      { input: { pin: pinOf(0), departedOn: '2015-03-01', country: 'RU', purpose: 'WORK' } },
    );

    const manifest = JSON.parse(
      readFileSync(join(MANIFEST_DIR, 'RU-SFR.json'), 'utf8'),
    ) as PartnerManifest;
    const partner = new PartnerClient({
      url: jol.graphqlUrl,
      token: await jol.token('PARTNER', { partner: 'RU-SFR', sub: partnerSub }),
      manifest,
      // Its default (10 s) is a partner's patience, not a loaded test machine's.
      timeoutMs: 60_000,
    });
    partnerRequests++;
    const opened = await partner.openCase({
      pin: pinOf(0),
      foreignId: SNILS,
      agreement: 'EAEU-2019',
    });

    // Reads, writes in three agencies (each asking the gateway who the person is) and duplicate
    // partner submissions, all at once.
    const submission = {
      caseId: opened.caseId,
      pin: pinOf(0),
      foreignId: SNILS,
      idempotencyKey: `replicas-${RUN}`,
      periods: [
        {
          country: 'RU',
          from: '2025-01-01',
          to: '2025-03-31',
          type: 'EMPLOYMENT',
          years: 0,
          months: 3,
          days: 0,
        },
      ],
    };
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < PERSONS; i++) {
      const pin = pinOf(i);
      work.push(
        send(
          'employment',
          'LABOUR_OFFICER',
          `mutation ($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }`,
          {
            input: {
              pin,
              country: 'RU',
              employer: `Stroy ${i}`,
              sector: 'CONSTRUCTION',
              formal: true,
              permitType: 'PATENT',
              permitNumber: `PT-${String(100000 + i)}`,
              from: '2024-03-01',
            },
          },
        ),
        send(
          'screening',
          'HEALTH_OFFICER',
          `mutation ($input: RecordScreeningInput!) { recordScreening(input: $input) { id } }`,
          {
            input: {
              pin,
              kind: 'TB',
              result: 'NEGATIVE',
              screenedOn: '2025-02-01',
              facility: 'Osh City TB Centre',
            },
          },
        ),
        send(
          'period',
          'PENSION_OFFICER',
          `mutation ($input: RecordInsurancePeriodInput!) { recordInsurancePeriod(input: $input) { id } }`,
          {
            input: {
              pin,
              country: 'KG',
              from: '2010-01-01',
              to: '2014-12-31',
              type: 'EMPLOYMENT',
              source: 'DOMESTIC',
            },
          },
        ),
        send(
          'assistance',
          'CONSULAR_OFFICER',
          `mutation ($input: OpenAssistanceCaseInput!) { openAssistanceCase(input: $input) { id } }`,
          {
            input: { pin, type: 'LOST_DOCUMENTS', consulate: 'RU_MOSCOW', openedOn: '2025-02-01' },
          },
        ),
        send(
          'read',
          'LABOUR_OFFICER',
          `query ($pin: PIN!) { person(pin: $pin) { nameLatin { last } employment { employer } } }`,
          { pin },
        ),
      );
    }
    const submissions = Array.from({ length: SUBMISSIONS }, () => {
      partnerRequests++;
      return partner.submitPeriods(submission);
    });
    work.push(...submissions);
    await Promise.all(work);
    submitted = await Promise.all(submissions);
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  it('spread the requests over both replicas of every subgraph', () => {
    for (const { name } of SUBGRAPHS) {
      const [first, second] = jol.system.proxies[name]!.forwarded();
      expect({ name, both: first! > 0 && second! > 0 }).toEqual({ name, both: true });
    }
  });

  it('kept every audit chain whole', async () => {
    const reports = await verifyAllAuditChains(process.env.MONGODB_URI!, jol.databasePrefix);
    expect(reports.map(({ service, ok, brokenAt }) => ({ service, ok, brokenAt }))).toEqual(
      SUBGRAPHS.map(({ name }) => ({ service: name, ok: true, brokenAt: undefined })),
    );
  });

  it('left exactly one event per request in each subgraph it touched, and nothing else', async () => {
    const events = Object.fromEntries(
      await Promise.all(
        SUBGRAPHS.map(
          async ({ name }) =>
            [
              name,
              await db(name)
                .collection('audit_events')
                .find({}, { projection: { callerRequestId: 1, requestId: 1, sub: 1 } })
                .toArray(),
            ] as const,
        ),
      ),
    );
    for (const [requestId, kind] of sent)
      for (const { name } of SUBGRAPHS) {
        const count = events[name]!.filter((e) => e.callerRequestId === requestId).length;
        const expected = AUDITED_IN[kind].includes(name) ? 1 : 0;
        expect({ requestId, name, count }).toEqual({ requestId, name, count: expected });
      }
    // The partner's requests are audited by the Social Fund alone, one event each.
    const byPartner = (name: string) => events[name]!.filter((e) => e.sub === partnerSub).length;
    expect(SUBGRAPHS.map(({ name }) => [name, byPartner(name)])).toEqual(
      SUBGRAPHS.map(({ name }) => [name, name === 'pensions' ? partnerRequests : 0]),
    );
    // Every other event in the register is a subject-directory lookup made for a write in
    // another agency, joined to that write's event by Jol's request id.
    const writesElsewhere = new Set(
      SUBGRAPHS.filter(({ name }) => name !== 'migration').flatMap(({ name }) =>
        events[name]!.filter((e) => sent.has(e.callerRequestId) || e.sub === partnerSub).map(
          (e) => e.requestId as string,
        ),
      ),
    );
    const unexplained = events.migration!.filter(
      (e) => !sent.has(e.callerRequestId) && !writesElsewhere.has(e.callerRequestId),
    );
    expect(unexplained).toEqual([]);
    for (const { name } of SUBGRAPHS.filter(({ name }) => name !== 'migration'))
      for (const event of events[name]!.filter(
        (e) => sent.get(e.callerRequestId) !== 'read' && sent.has(e.callerRequestId),
      ))
        expect({
          name,
          lookup: events.migration!.some((e) => e.callerRequestId === event.requestId),
        }).toEqual({ name, lookup: true });
  });

  it('stored one document for the duplicate partner submissions, whichever replica took them', async () => {
    expect(new Set(submitted.map((d) => d.documentId)).size).toBe(1);
    expect(
      await db('pensions')
        .collection('pension_exchange_documents')
        .countDocuments({ idempotencyKey: `replicas-${RUN}` }),
    ).toBe(1);
  });

  it('refuses on one replica a signed request the other accepted', async () => {
    const keys = signingKeysOf(jol.keys);
    for (const { name } of SUBGRAPHS) {
      const [a, b] = jol.system.replicaUrls[name]!;
      const body = JSON.stringify({ query: '{ _service { sdl } }' });
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${await jol.token('AUDITOR')}`,
        'x-purpose': 'AUDIT',
        'x-request-id': `replicas-${RUN}-replay-${name}`,
      };
      const signature = signRequest(keys, {
        target: name,
        method: 'POST',
        path: '/graphql',
        body,
        headers,
      });
      const request = { method: 'POST', headers: { ...headers, ...signature }, body };
      expect([name, (await fetch(a!, request)).status]).toEqual([name, 200]);
      const replayed = await fetch(b!, request);
      expect([name, replayed.status]).toEqual([name, 401]);
      expect((await readGraphQL(replayed)).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
