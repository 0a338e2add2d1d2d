import { createServer, type Server } from 'node:http';
import { fetch } from 'undici';
import type { AddressInfo } from 'node:net';
import {
  createWebhookAgent,
  INTERNAL_ADDRESS,
  isInternalAddress,
  webhookLookup,
} from './webhook-address';

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('%s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '93.184.216.34',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('%s is not', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});

describe('webhookLookup', () => {
  const lookUp = (allowed: string[], all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      webhookLookup(allowed)('localhost', { all }, (error, address) => resolve({ error, address })),
    );

  it('refuses a name that resolves to this machine, in both forms of the callback', async () => {
    for (const all of [false, true]) {
      const { error } = await lookUp(['localhost'], all);
      expect(error?.code).toBe(INTERNAL_ADDRESS);
      expect(error?.message).toBe('localhost resolves to an address webhooks are not delivered to');
    }
  });

  it('lets an internal address through when the allow-list names it', async () => {
    const { error, address } = await lookUp(['localhost', '127.0.0.1', '::1'], false);
    expect(error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(address);
    const every = await lookUp(['localhost', '127.0.0.1', '::1'], true);
    expect(every.error).toBeNull();
    expect(Array.isArray(every.address)).toBe(true);
  });
});

describe('createWebhookAgent', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('does not connect to an allowed name that resolves internally; the check is the connection', async () => {
    const agent = createWebhookAgent(['localhost']);
    const failure = await fetch(`http://localhost:${port}/`, { dispatcher: agent }).catch(
      (error: { cause?: { code?: unknown } }) => error,
    );
    expect((failure as { cause?: { code?: unknown } }).cause?.code).toBe(INTERNAL_ADDRESS);
    expect(hits).toBe(0);
    await agent.close();
  });

  it('connects where the allow-list names the address itself', async () => {
    const agent = createWebhookAgent(['localhost', '127.0.0.1', '::1']);
    const response = await fetch(`http://localhost:${port}/`, { dispatcher: agent });
    expect(response.status).toBe(204);
    expect(hits).toBe(1);
    await agent.close();
  });
});
