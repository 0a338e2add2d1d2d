import type { SigningKeys } from '@jol/kernel';
import { createSigningFetcher, JolDataSource } from './data-source';
import { dedupeRepresentations, expandEntities, shareInFlight } from './subgraph-calls';

const KEYS: SigningKeys = [{ id: 'k', secret: 'subgraph-calls-test-secret-0123456789' }];
const ENTITIES =
  'query($representations:[_Any!]!){_entities(representations:$representations){...on Person{status}}}';

const person = (pin: string) => ({ __typename: 'Person', pin });

describe('dedupeRepresentations', () => {
  it('keeps each distinct representation once, in order of first occurrence', () => {
    const deduped = dedupeRepresentations({
      representations: [person('1'), person('2'), person('1'), person('3'), person('2')],
    });
    expect(deduped).toEqual({
      unique: [person('1'), person('2'), person('3')],
      indexOf: [0, 1, 0, 2, 1],
    });
  });
  it('gives nothing to do when no representation repeats or there are none', () => {
    expect(dedupeRepresentations({ representations: [person('1'), person('2')] })).toBeNull();
    expect(dedupeRepresentations({ pin: '1' })).toBeNull();
    expect(dedupeRepresentations(undefined)).toBeNull();
  });
});

describe('expandEntities', () => {
  it('answers every original representation, and repeats an entity error at each occurrence', () => {
    const deduped = dedupeRepresentations({
      representations: [person('1'), person('2'), person('1')],
    })!;
    const answer = {
      data: { _entities: [{ status: 'ABROAD' }, null] },
      errors: [
        { message: 'refused', path: ['_entities', 1, 'status'] },
        { message: 'elsewhere', path: ['other'] },
      ],
    };
    expect(expandEntities(answer, deduped)).toEqual({
      data: { _entities: [{ status: 'ABROAD' }, null, { status: 'ABROAD' }] },
      errors: [
        { message: 'refused', path: ['_entities', 1, 'status'] },
        { message: 'elsewhere', path: ['other'] },
      ],
    });
    const twice = { data: { _entities: [null, { status: 'HOME' }] }, errors: [] as object[] };
    twice.errors.push({ message: 'refused', path: ['_entities', 0] });
    expect(expandEntities(twice, deduped).errors).toEqual([
      { message: 'refused', path: ['_entities', 0] },
      { message: 'refused', path: ['_entities', 2] },
    ]);
  });
});

describe('shareInFlight', () => {
  it('sends identical queries of one request once, each sharer getting its own copy', async () => {
    const request = {};
    let calls = 0;
    const call = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { data: { person: { status: 'ABROAD' } } };
    };
    const [a, b] = await Promise.all([
      shareInFlight(request, 'same', call),
      shareInFlight(request, 'same', call),
    ]);
    expect(calls).toBe(1);
    expect(a).toEqual(b);
    (a.data.person as { status: string }).status = 'CHANGED';
    expect(b.data.person.status).toBe('ABROAD');
  });

  it('never shares between two incoming requests, even with the same subgraph request', async () => {
    const answers = ['caller A', 'caller B'];
    let calls = 0;
    const call = async () => {
      const mine = answers[calls++]!;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { data: { who: mine } };
    };
    const [a, b] = await Promise.all([
      shareInFlight({}, 'same', call),
      shareInFlight({}, 'same', call),
    ]);
    expect(calls).toBe(2);
    expect(a.data.who).toBe('caller A');
    expect(b.data.who).toBe('caller B');
  });

  it('sends the same request again once the first has answered', async () => {
    const request = {};
    let calls = 0;
    const call = async () => ({ data: { n: ++calls } });
    await shareInFlight(request, 'k', call);
    expect((await shareInFlight(request, 'k', call)).data.n).toBe(2);
  });
});

describe('JolDataSource', () => {
  /** A data source whose subgraph answers each representation with its PIN; what it was sent. */
  function source() {
    const sent: { representations?: { pin: string }[]; query: string }[] = [];
    const network = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as {
        query: string;
        variables?: { representations?: { pin: string }[] };
      };
      sent.push({ query: body.query, representations: body.variables?.representations });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const entities = body.variables?.representations?.map((r) => ({ pin: r.pin }));
      return new Response(
        JSON.stringify({ data: entities ? { _entities: entities } : { ok: 1 } }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    }) as unknown as typeof fetch;
    const dataSource = new JolDataSource({
      url: 'http://127.0.0.1:4002/graphql',
      fetcher: createSigningFetcher(KEYS, 'labour', network),
    });
    const run = (
      query: string,
      context: object,
      variables?: Record<string, unknown>,
    ): Promise<{ data?: Record<string, unknown> | null }> =>
      dataSource.process({
        kind: 'incoming operation',
        request: { query, variables, http: { method: 'POST', url: '', headers: new Headers() } },
        context,
        incomingRequestContext: {},
        pathInIncomingRequest: [],
      } as unknown as Parameters<JolDataSource['process']>[0]);
    return { run, sent };
  }

  it('asks for each distinct entity once and answers every occurrence in order', async () => {
    const { run, sent } = source();
    const answer = await run(
      ENTITIES,
      { forwarded: { authorization: 'Bearer a' } },
      { representations: [person('1'), person('2'), person('1'), person('1')] },
    );
    expect(sent.map((s) => s.representations)).toEqual([[person('1'), person('2')]]);
    expect(answer.data).toEqual({
      _entities: [{ pin: '1' }, { pin: '2' }, { pin: '1' }, { pin: '1' }],
    });
  });

  it('shares an identical query of one request, but sends every mutation', async () => {
    const { run, sent } = source();
    const context = { forwarded: { authorization: 'Bearer a', 'x-request-id': 'r1' } };
    await Promise.all([run('{ ok }', context), run('{ ok }', context)]);
    expect(sent).toHaveLength(1);
    await Promise.all([run('mutation { ok }', context), run('mutation { ok }', context)]);
    expect(sent).toHaveLength(3);
  });

  it('sends the same query for two callers twice', async () => {
    const { run, sent } = source();
    await Promise.all([
      run('{ ok }', { forwarded: { authorization: 'Bearer a', 'x-request-id': 'r1' } }),
      run('{ ok }', { forwarded: { authorization: 'Bearer b', 'x-request-id': 'r2' } }),
    ]);
    expect(sent).toHaveLength(2);
  });
});
