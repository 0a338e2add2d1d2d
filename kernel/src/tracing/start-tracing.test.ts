import { ConfigError } from '../settings';
import { isSignedRequest, isWebhookDelivery, startTracing } from './start-tracing';

describe('startTracing', () => {
  it('stays off unless an OTLP exporter or endpoint is named, and when disabled or none', () => {
    expect(startTracing('labour', {}).enabled).toBe(false);
    expect(
      startTracing('labour', { OTEL_TRACES_EXPORTER: '', OTEL_SERVICE_NAME: '' }).enabled,
    ).toBe(false);
    expect(
      startTracing('labour', {
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }).enabled,
    ).toBe(false);
    expect(
      startTracing('labour', { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }).enabled,
    ).toBe(false);
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER must be otlp or none; got "zipkin"'],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json; got "grpc"',
    ],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1'],
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, 'OTEL_TRACES_SAMPLER must be one of the standard'],
    [{ OTEL_SDK_DISABLED: 'yes' }, 'OTEL_SDK_DISABLED must be true or false'],
  ])('refuses %j before anything starts', (env, message) => {
    expect(() => startTracing('labour', env)).toThrow(ConfigError);
    expect(() => startTracing('labour', env)).toThrow(message);
  });

  it('never quotes an endpoint, which may hold credentials', () => {
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'user:secret@collector:4318' };
    expect(() => startTracing('labour', env)).toThrow(
      /^OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http\(s\) URL$/,
    );
  });
});

describe('isSignedRequest', () => {
  it('finds the signature header in both forms undici gives headers', () => {
    expect(isSignedRequest({ headers: ['content-type', 'x', 'X-Jol-Signature', 's'] })).toBe(true);
    expect(
      isSignedRequest({ headers: ['x-jol-signature-note', 's', 'a', 'x-jol-signature'] }),
    ).toBe(false);
    expect(isSignedRequest({ headers: 'host: a\r\nx-jol-signature: s\r\n' })).toBe(true);
    expect(isSignedRequest({ headers: 'host: a\r\nx-other: x-jol-signature: s\r\n' })).toBe(false);
    expect(isSignedRequest({ headers: [] })).toBe(false);
  });
});

describe('isWebhookDelivery', () => {
  it('finds the delivery signature header in both forms undici gives headers', () => {
    expect(isWebhookDelivery({ headers: ['content-type', 'x', 'Jol-Signature', 't=1,v1=a'] })).toBe(
      true,
    );
    expect(isWebhookDelivery({ headers: 'host: a\r\njol-signature: t=1,v1=a\r\n' })).toBe(true);
    expect(isWebhookDelivery({ headers: ['x-jol-signature', 's'] })).toBe(false);
    expect(isWebhookDelivery({ headers: 'host: a\r\nx-jol-signature: s\r\n' })).toBe(false);
    expect(isWebhookDelivery({ headers: [] })).toBe(false);
  });
});
