import { SpanStatusCode, trace } from '@opentelemetry/api';
import { recordSpans } from '@jol/testkit/service';
import { redactText } from './redact-spans';

const PIN = '10712199154323';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJvZmZpY2VyLTEifQ.c2lnbmF0dXJl123456789012-_x';

describe('redactText', () => {
  it('masks PINs, other long digit runs, JWTs and bearer credentials, and nothing else', () => {
    expect(redactText(`query Person${PIN}`)).toBe('query Person[id]');
    expect(redactText('pin must be 14 digits; got "90712199154323"')).toBe(
      'pin must be 14 digits; got "[id]"',
    );
    expect(redactText('SNILS 11223344595, port 4002, 2025-03-01')).toBe(
      'SNILS [id], port 4002, 2025-03-01',
    );
    expect(redactText(`token ${TOKEN} refused`)).toBe('token [token] refused');
    expect(redactText('Authorization: Bearer opaque-secret; next')).toBe(
      'Authorization: Bearer [token]; next',
    );
    expect(redactText('find persons')).toBe('find persons');
  });
});

describe('RedactingSpanProcessor', () => {
  let recorder: ReturnType<typeof recordSpans>;
  beforeEach(() => {
    recorder = recordSpans();
  });
  afterEach(() => recorder.stop());

  it("keeps Jol's request id whole, even when its last group is all digits", () => {
    const requestId = '3f2b9c1e-8d4a-4b7e-9c21-802713649051';
    const span = trace.getTracer('test').startSpan('POST /graphql', {
      attributes: {
        'jol.request_id': requestId,
        // Anything else under that name is masked like any attribute.
        'jol.other_id': requestId,
      },
    });
    span.end();
    const lookalike = trace.getTracer('test').startSpan('POST /graphql', {
      attributes: { 'jol.request_id': `req-${PIN}` },
    });
    lookalike.end();
    const [exported, masked] = recorder.spans();
    expect(exported!.attributes).toEqual({
      'jol.request_id': requestId,
      'jol.other_id': '3f2b9c1e-8d4a-4b7e-9c21-[id]',
    });
    expect(masked!.attributes).toEqual({ 'jol.request_id': 'req-[id]' });
  });

  it('exports a span without query strings, headers, variables, PINs or tokens', () => {
    const span = trace.getTracer('test').startSpan(`query Person${PIN}`, {
      attributes: {
        'http.target': `/graphql?variables=%7B%22pin%22%3A%22${PIN}%22%7D`,
        'url.full': `http://127.0.0.1:4000/graphql?query=%7Bperson(pin%3A%22${PIN}%22)%7D#frag`,
        'url.query': `?variables=${PIN}`,
        'http.request.header.authorization': [`Bearer ${TOKEN}`],
        'graphql.variables.pin': PIN,
        'graphql.document': `{ person(pin: "${PIN}") { pin } }`,
        'graphql.source': 'query ($pin: PIN!) { person(pin: $pin) { pin } }',
        'db.query.text': '{"find":"?","filter":{"pin":"?"}}',
        'jol.pins': [PIN, 'none'],
        'http.response.status_code': 200,
      },
    });
    span.recordException(new Error(`no person ${PIN} for Bearer ${TOKEN}`));
    span.addEvent(`looked up ${PIN}`, { note: `by ${TOKEN}` });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `refused ${PIN}` });
    span.end();

    const [exported] = recorder.spans();
    expect(exported!.name).toBe('query Person[id]');
    expect(exported!.attributes).toEqual({
      'http.target': '/graphql',
      'url.full': 'http://127.0.0.1:4000/graphql',
      'graphql.source': 'query ($pin: PIN!) { person(pin: $pin) { pin } }',
      'db.query.text': '{"find":"?","filter":{"pin":"?"}}',
      'jol.pins': ['[id]', 'none'],
      'http.response.status_code': 200,
    });
    expect(exported!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'refused [id]' });
    expect(exported!.events.map((event) => [event.name, event.attributes])).toEqual([
      [
        'exception',
        expect.objectContaining({
          'exception.message': 'no person [id] for Bearer [token]',
        }),
      ],
      ['looked up [id]', { note: 'by [token]' }],
    ]);
    const text = JSON.stringify(exported!.events);
    expect(text).not.toContain(PIN);
    expect(text).not.toContain('c2lnbmF0dXJl');
    expect(exported!.spanContext().traceId).toBe(span.spanContext().traceId);
  });
});
