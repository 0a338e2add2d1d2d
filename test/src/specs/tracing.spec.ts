import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestSystem, type TestSystem } from '../system/test-system';
import { startOtlpReceiver, type ReceivedSpan } from '../tracing/otlp-receiver';

const PIN = '10712199154323';
const SERVER = 2;
const CLIENT = 3;

/** A caller's own W3C trace context: a fresh trace id and the caller's span id. */
function callerTraceparent() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, header: `00-${traceId}-${spanId}-01` };
}

/**
 * Tracing through the five real processes, each exporting OTLP to a receiver the spec runs: one
 * trace from the caller through the gateway, its signed calls and two subgraphs down to their
 * store commands; a malformed caller traceparent starts a trace of its own; no exported span
 * holds a PIN or a token.
 */
describe('traces exported by the running processes', () => {
  let jol: TestSystem;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  const tokens: string[] = [];

  /**
   * The spans of the caller's trace once the gateway's request and each agency's request in
   * `agencies` have been exported (a process ends its request's span after its store commands).
   */
  async function traceOf(
    caller: { traceId: string; spanId: string },
    agencies: string[],
  ): Promise<ReceivedSpan[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const spans = receiver.spans.filter((span) => span.traceId === caller.traceId);
      const served = (service: string) =>
        spans.some((span) => span.service === service && span.kind === SERVER);
      // The gateway's span of the caller's own request ends last (after any question an agency
      // asked the gateway meanwhile, a gateway span too): wait for the caller's child itself.
      const root = spans.some((span) => span.parentSpanId === caller.spanId);
      if ((root && served('gateway') && agencies.every(served)) || Date.now() > deadline)
        return spans;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The gateway's server span of the request answered with `requestId`. */
  async function gatewaySpanOf(requestId: string): Promise<ReceivedSpan | undefined> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const span = receiver.spans.find(
        (s) => s.service === 'gateway' && s.attributes['jol.request_id'] === requestId,
      );
      if (span || Date.now() > deadline) return span;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    jol = await startTestSystem('tracing', {
      env: {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        // A loaded CI machine can take long to take a batch: no span may be dropped for that
        // (the processor's timeout and the exporter's own, 10 s by default, after which the
        // batch is lost).
        OTEL_BSP_EXPORT_TIMEOUT: '30000',
        OTEL_EXPORTER_OTLP_TIMEOUT: '30000',
        OTEL_BSP_MAX_QUEUE_SIZE: '65536',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_POLL_MS: '100',
      },
    });
    const officer = await jol.token('MIGRATION_OFFICER');
    const subject = await jol.token('DATA_SUBJECT', { pin: PIN });
    tokens.push(officer, subject);
    const migration = await jol.as('MIGRATION_OFFICER');
    const registered = await migration(
      `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
      {
        input: {
          pin: PIN,
          nameCyrillic: { last: 'Жумабаева', first: 'Гулзат' },
          nameLatin: { last: 'Zhumabaeva', first: 'Gulzat' },
          birthDate: '1991-12-07',
          sex: 'FEMALE',
          homeRegion: 'KG-J',
          russianProficiency: 'FLUENT',
        },
      },
    );
    expect(registered.errors).toBeUndefined();
  });
  afterAll(async () => {
    await jol?.stop();
    await receiver?.stop();
    subscriber?.close();
  });

  let subscriber: Server | undefined;

  it('sends a subscriber its change event without any trace context of ours', async () => {
    const delivered: IncomingHttpHeaders[] = [];
    subscriber = createServer((req, res) => {
      delivered.push(req.headers);
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => subscriber!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/events`;
    const labour = await jol.as('LABOUR_OFFICER', { sub: 'labour-system' }, 'RETURNEE_SUPPORT');
    const subscribed = await labour(
      `mutation ($input: SubscribeToMigrationEventsInput!) {
        subscribeToMigrationEvents(input: $input) { subscription { id } } }`,
      { input: { events: ['PERSON_RETURNED'], url } },
    );
    expect(subscribed.errors).toBeUndefined();
    const migration = await jol.as('MIGRATION_OFFICER');
    const departed = await migration(
      `mutation ($input: RegisterDepartureInput!) { registerDeparture(input: $input) { id } }`,
      { input: { pin: PIN, departedOn: '2024-03-01', country: 'RU', purpose: 'WORK' } },
    );
    expect(departed.errors).toBeUndefined();
    const caller = callerTraceparent();
    const returned = await migration(
      `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }`,
      { input: { pin: PIN, returnedOn: '2025-10-01' } },
      { headers: { traceparent: caller.header } },
    );
    expect(returned.errors).toBeUndefined();
    const deadline = Date.now() + 60_000;
    while (delivered.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!['jol-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const traceHeaders = Object.keys(delivered[0]!).filter((name) =>
      ['traceparent', 'tracestate', 'baggage', 'b3', 'x-b3-traceid', 'uber-trace-id'].includes(
        name,
      ),
    );
    expect(traceHeaders).toEqual([]);
    // The request that caused the event was traced all the same.
    expect((await traceOf(caller, ['migration'])).length).toBeGreaterThan(0);
  });

  it('follows one read from the caller through the gateway and two subgraphs to their store', async () => {
    const caller = callerTraceparent();
    const subject = await jol.as('DATA_SUBJECT', { pin: PIN });
    const answer = await subject(
      `query ($pin: PIN!) { person(pin: $pin) { pin employment { employer } } }`,
      { pin: PIN },
      { headers: { traceparent: caller.header } },
    );
    expect(answer.errors).toBeUndefined();
    const spans = await traceOf(caller, ['migration', 'labour']);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    /** The chain of spans from `span` up to the caller's, as `service:kind:name`. */
    const ancestry = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain = [span];
      for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId)) chain.push(at);
      return chain;
    };

    // The gateway answered as a child of the caller's span.
    const gatewayServer = spans.find(
      (span) =>
        span.service === 'gateway' && span.kind === SERVER && span.parentSpanId === caller.spanId,
    );
    expect(gatewayServer?.attributes['jol.request_id']).toBe(answer.headers.get('x-request-id'));

    for (const agency of ['migration', 'labour']) {
      // Each subgraph's request is a child of the gateway's signed call to it...
      const server = spans.find((span) => span.service === agency && span.kind === SERVER);
      expect(server).toBeDefined();
      const call = byId.get(server!.parentSpanId);
      expect(call).toMatchObject({
        service: 'gateway',
        kind: CLIENT,
        name: `POST ${agency}`,
        attributes: { 'jol.subgraph': agency, 'http.response.status_code': 200 },
      });
      // ...and its store commands descend from it, up to the gateway's request and the caller.
      const commands = spans.filter(
        (span) => span.service === agency && span.attributes['db.system.name'] === 'mongodb',
      );
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) {
        const chain = ancestry(command);
        expect(chain).toContain(server);
        expect(chain).toContain(gatewayServer);
        expect(chain.at(-1)!.parentSpanId).toBe(caller.spanId);
      }
      // Every value in a store statement is written as `?`.
      for (const command of commands)
        expect(String(command.attributes['db.query.text'] ?? '')).not.toContain(PIN);
    }
    // Two signed calls, one per agency the plan needed: no duplicate trace context was sent.
    expect(
      spans
        .filter((span) => span.service !== 'gateway' && span.kind === SERVER)
        .map((s) => s.service)
        .sort(),
    ).toEqual(['labour', 'migration']);
  });

  it('follows a labour write through its question to the gateway and migration, in one trace', async () => {
    const caller = callerTraceparent();
    const officer = await jol.as('LABOUR_OFFICER');
    const written = await officer(
      `mutation ($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }`,
      {
        input: {
          pin: PIN,
          country: 'RU',
          employer: 'OOO Kazan Textile',
          sector: 'TEXTILES',
          formal: true,
          permitType: 'PATENT',
          permitNumber: '16-2100123',
          from: '2021-03-01',
          to: '2024-09-30',
        },
      },
      { headers: { traceparent: caller.header } },
    );
    expect(written.errors).toBeUndefined();
    const spans = await traceOf(caller, ['labour', 'migration']);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestry = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain = [span];
      for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId)) chain.push(at);
      return chain;
    };
    const labourServer = spans.find((span) => span.service === 'labour' && span.kind === SERVER)!;
    // Labour asks the gateway who the person is: the gateway's second request in this trace...
    const question = spans.find(
      (span) =>
        span.service === 'gateway' &&
        span.kind === SERVER &&
        byId.get(span.parentSpanId)?.service === 'labour',
    );
    expect(question).toBeDefined();
    expect(byId.get(question!.parentSpanId)!.kind).toBe(CLIENT);
    expect(ancestry(question!)).toContain(labourServer);
    // ...which migration answers from its store.
    const migrationServer = spans.find(
      (span) => span.service === 'migration' && span.kind === SERVER,
    )!;
    expect(ancestry(migrationServer)).toContain(question);
    const lookup = spans.find(
      (span) => span.service === 'migration' && span.name === 'find persons',
    );
    expect(ancestry(lookup!)).toContain(migrationServer);
    const stored = spans.find(
      (span) => span.service === 'labour' && span.name === 'insert employment_records',
    );
    expect(ancestry(stored!)).toContain(labourServer);
    expect(ancestry(stored!).at(-1)!.parentSpanId).toBe(caller.spanId);
  });

  it('starts a trace of its own for a malformed caller traceparent, and still answers', async () => {
    const subject = await jol.as('DATA_SUBJECT', { pin: PIN });
    for (const header of [
      '00-zz-1-01',
      `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`,
      'x'.repeat(600),
    ]) {
      const answer = await subject(
        `query ($pin: PIN!) { person(pin: $pin) { pin } }`,
        { pin: PIN },
        { headers: { traceparent: header } },
      );
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      const span = await gatewaySpanOf(answer.headers.get('x-request-id')!);
      expect(span?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span?.traceId).not.toBe('0'.repeat(32));
      expect(span?.parentSpanId).toBe('');
    }
  });

  it('exports no PIN and no token, whatever the caller put in names, URLs and values', async () => {
    const subject = await jol.as('DATA_SUBJECT', { pin: PIN });
    // A caller-chosen operation name holding the PIN, a literal PIN, a refused PIN in an error.
    await subject(`query Person${PIN} { person(pin: "${PIN}") { pin nameLatin { last } } }`);
    await subject(`query { person(pin: "2${PIN.slice(1)}") { pin } }`);
    await subject('query ($pin: PIN!) { person(pin: $pin) { pin } }', { pin: `9${PIN.slice(1)}` });
    // GraphQL over GET: the document and the variables are in the query string.
    const get = new URL(jol.graphqlUrl);
    get.searchParams.set('query', 'query ($pin: PIN!) { person(pin: $pin) { pin } }');
    get.searchParams.set('variables', JSON.stringify({ pin: PIN }));
    const token = await jol.token('DATA_SUBJECT', { pin: PIN });
    tokens.push(token);
    const answer = await fetch(get, {
      headers: {
        authorization: `Bearer ${token}`,
        'x-purpose': 'SELF_SERVICE',
        'apollo-require-preflight': 'true',
      },
    });
    expect(answer.status).toBe(200);
    await gatewaySpanOf(answer.headers.get('x-request-id')!);
    // Every process flushes what it holds before its exit.
    await jol.stop();
    const exported = receiver.bodies.join('\n');
    expect(receiver.spans.length).toBeGreaterThan(0);
    expect(exported).not.toContain(PIN);
    expect(exported).not.toContain(PIN.slice(1));
    for (const token of tokens) {
      expect(exported).not.toContain(token);
      expect(exported).not.toContain(token.split('.')[2]);
    }
    expect(exported).not.toContain(jol.keys.signingSecret);
  });
});
