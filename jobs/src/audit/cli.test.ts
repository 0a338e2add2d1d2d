import { checkpointKeyRequired } from './cli';

describe('checkpointKeyRequired', () => {
  it('holds a run given a public key, or in production, to the checkpoints', () => {
    expect(checkpointKeyRequired({ AUDIT_CHECKPOINT_PUBLIC_KEY: '/run/secrets/key' })).toBe(true);
    expect(checkpointKeyRequired({ NODE_ENV: 'production' })).toBe(true);
    expect(checkpointKeyRequired({ NODE_ENV: 'production', AUDIT_CHECKPOINT_PUBLIC_KEY: '' })).toBe(
      true,
    );
  });

  it('lets a development run without a key verify the links alone', () => {
    expect(checkpointKeyRequired({})).toBe(false);
    expect(checkpointKeyRequired({ NODE_ENV: 'development' })).toBe(false);
  });
});
