import { generateKeyPairSync } from 'node:crypto';
import { checkpointDefect, signCheckpoint, type AuditCheckpoint } from './checkpoint';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const HEAD = { seq: 42, hash: 'ab'.repeat(32) };
const AT = new Date('2026-03-01T10:00:00.000Z');

describe('signed checkpoints', () => {
  const checkpoint = signCheckpoint(privateKey, 'labour', HEAD, AT);

  it("states the chain's head, the time and the key", () => {
    expect(checkpoint).toMatchObject({
      version: 1,
      service: 'labour',
      seq: 42,
      hash: HEAD.hash,
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(checkpointDefect(publicKey, 'labour', checkpoint)).toBeNull();
  });

  it.each<[string, Partial<AuditCheckpoint>]>([
    ['a lower seq', { seq: 41 }],
    ['another hash', { hash: 'cd'.repeat(32) }],
    ['another time', { at: '2026-03-01T10:00:00.001Z' }],
  ])('refuses a checkpoint rewritten to %s under the old signature', (_what, change) => {
    expect(checkpointDefect(publicKey, 'labour', { ...checkpoint, ...change })).toBe(
      'the signature does not verify',
    );
  });

  it("refuses another agency's checkpoint copied into this agency's log", () => {
    expect(checkpointDefect(publicKey, 'health', checkpoint)).toMatch(/names service labour/);
  });

  it('refuses a checkpoint signed with any other key, even one that names this key', () => {
    const other = generateKeyPairSync('ed25519');
    const forged = signCheckpoint(other.privateKey, 'labour', HEAD, AT);
    expect(checkpointDefect(publicKey, 'labour', forged)).toMatch(/not this key/);
    expect(checkpointDefect(publicKey, 'labour', { ...forged, keyId: checkpoint.keyId })).toBe(
      'the signature does not verify',
    );
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'checkpoint'],
    ['a negative seq', { ...checkpoint, seq: -1 }],
    ['a hash that is no digest', { ...checkpoint, hash: 'x' }],
    ['another version', { ...checkpoint, version: 2 }],
    ['no signature', { ...checkpoint, signature: undefined }],
  ])('refuses %s', (_what, value) => {
    expect(checkpointDefect(publicKey, 'labour', value)).not.toBeNull();
  });
});
