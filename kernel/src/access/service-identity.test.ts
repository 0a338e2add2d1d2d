import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createTokenVerifier } from './jwt';
import { issueServiceToken, serviceKeysFromEnv } from './service-identity';

const pem = (key: KeyObject, type: 'pkcs8' | 'spki') =>
  key.export({ type, format: 'pem' }).toString();

describe('the service identity', () => {
  const services = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  let idp: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let jwksPath: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    idp = pair.privateKey;
    jwksPath = join(mkdtempSync(join(tmpdir(), 'jol-service-')), 'jwks.json');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp', alg: 'EdDSA' };
    writeFileSync(jwksPath, JSON.stringify({ keys: [jwk] }));
  });

  const verifier = (servicePublicKey?: KeyObject) =>
    createTokenVerifier({ jwksPath, servicePublicKey });

  /** A token of issuer `iss` signed by `key` (the identity provider's, or a service key). */
  const signed = (
    key: KeyObject | typeof idp,
    iss: string,
    claims: JWTPayload = { roles: ['SUBJECT_DIRECTORY'] },
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'idp' })
      .setSubject('service:pensions')
      .setIssuer(iss)
      .setAudience('jol')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);

  it('turns a token minted with the services key into the service caller', async () => {
    const token = await issueServiceToken(services.privateKey, {
      role: 'SUBJECT_DIRECTORY',
      agency: 'pensions',
    });
    expect(await verifier(services.publicKey)(token)).toStrictEqual({
      sub: 'service:pensions',
      roles: ['SUBJECT_DIRECTORY'],
      agency: 'pensions',
    });
  });

  it.each<[string, () => Promise<string>, KeyObject | undefined]>([
    [
      'a service token where no public key is configured',
      () => issueServiceToken(services.privateKey, { role: 'SUBJECT_DIRECTORY', agency: 'x' }),
      undefined,
    ],
    [
      'a service token signed with another key',
      () => issueServiceToken(other.privateKey, { role: 'SUBJECT_DIRECTORY', agency: 'x' }),
      services.publicKey,
    ],
    [
      "the identity provider's token naming a service role",
      () => signed(idp, 'jol'),
      services.publicKey,
    ],
    [
      "the identity provider's key signing as the services' issuer",
      () => signed(idp, 'jol-service'),
      services.publicKey,
    ],
    [
      'a service token carrying an officer role',
      () => signed(services.privateKey, 'jol-service', { roles: ['PENSION_OFFICER'] }),
      services.publicKey,
    ],
    [
      'a service token widened by a region, PIN or partner claim',
      () =>
        signed(services.privateKey, 'jol-service', {
          roles: ['SUBJECT_DIRECTORY'],
          partner: 'RU-SFR',
        }),
      services.publicKey,
    ],
    [
      'a service token widened by an office claim',
      () =>
        signed(services.privateKey, 'jol-service', {
          roles: ['SUBJECT_DIRECTORY'],
          office: 'RU_MOSCOW',
        }),
      services.publicKey,
    ],
  ])('refuses %s', async (_case, token, key) => {
    await expect(verifier(key)(await token())).rejects.toMatchObject({
      message: 'The token is not valid',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses an identity provider configured with the services issuer', () => {
    expect(() => createTokenVerifier({ jwksPath, issuer: 'jol-service' })).toThrow(
      'JWT_ISSUER must not be "jol-service"',
    );
  });

  it('reads the keys from the environment, deriving the public key, never printing one', () => {
    const keys = serviceKeysFromEnv({ JOL_SERVICE_KEY: pem(services.privateKey, 'pkcs8') });
    expect(keys.publicKey!.equals(services.publicKey)).toBe(true);
    expect(serviceKeysFromEnv({})).toEqual({});
    expect(() => serviceKeysFromEnv({ JOL_SERVICE_KEY: 'not a key' })).toThrow(
      'JOL_SERVICE_KEY must be an Ed25519 private key in PEM',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPem = pem(rsa.privateKey, 'pkcs8');
    expect(() => serviceKeysFromEnv({ JOL_SERVICE_KEY: rsaPem })).toThrow(
      /^JOL_SERVICE_KEY must be an Ed25519 private key in PEM$/,
    );
    expect(() =>
      serviceKeysFromEnv({
        JOL_SERVICE_KEY: pem(services.privateKey, 'pkcs8'),
        JOL_SERVICE_PUBLIC_KEY: pem(other.publicKey, 'spki'),
      }),
    ).toThrow('JOL_SERVICE_PUBLIC_KEY is not the public key of JOL_SERVICE_KEY');
  });
});
