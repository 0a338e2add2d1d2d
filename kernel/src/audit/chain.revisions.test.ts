import { createHash } from 'node:crypto';
import { GENESIS_HASH, hashEvent } from './chain';

const event = {
  seq: 7,
  at: new Date('2026-01-02T03:04:05.000Z'),
  service: 'pensions',
  requestId: 'r-1',
  callerRequestId: null,
  sub: 'officer-1',
  roles: ['PENSION_OFFICER'],
  agency: 'pensions',
  partner: null,
  purpose: 'PENSION_ASSESSMENT',
  operationType: 'mutation',
  callerOperationName: 'Void',
  callerOperationId: null,
  served: ['Mutation.voidInsurancePeriod'],
  refused: [],
  failed: [],
  pins: ['10101196512345'],
  outcome: 'ALLOWED' as const,
  prevHash: GENESIS_HASH,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('hashEvent and revisions', () => {
  it('hashes an event without revisions with a null in their place, empty or absent alike', () => {
    const bytes =
      '[7,"2026-01-02T03:04:05.000Z","pensions","r-1",null,"officer-1",["PENSION_OFFICER"],' +
      '"pensions",null,"PENSION_ASSESSMENT","mutation","Void",null,["Mutation.voidInsurancePeriod"],' +
      `[],[],["10101196512345"],null,"ALLOWED","${GENESIS_HASH}"]`;
    expect(hashEvent(event)).toBe(sha256(bytes));
    expect(hashEvent({ ...event, revisions: [] })).toBe(sha256(bytes));
  });

  it('covers the revisions: another reason, record or change is another hash', () => {
    const revision = {
      entity: 'InsurancePeriod',
      id: '0123456789abcdef01234567',
      version: 1,
      change: 'VOIDED' as const,
      reason: 'Entered in error',
    };
    const hashed = hashEvent({ ...event, revisions: [revision] });
    expect(hashed).not.toBe(hashEvent(event));
    for (const change of [
      { reason: 'Entered in error.' },
      { id: '0123456789abcdef01234568' },
      { change: 'CORRECTED' as const },
      { version: 2 },
    ]) {
      expect(hashEvent({ ...event, revisions: [{ ...revision, ...change }] })).not.toBe(hashed);
    }
  });
});

describe('hashEvent and searches', () => {
  const bytes = (searches: string) =>
    '[7,"2026-01-02T03:04:05.000Z","pensions","r-1",null,"officer-1",["PENSION_OFFICER"],' +
    '"pensions",null,"PENSION_ASSESSMENT","mutation","Void",null,["Mutation.voidInsurancePeriod"],' +
    `[],[],["10101196512345"],null,${searches}"ALLOWED","${GENESIS_HASH}"]`;

  it('leaves searches out when there are none, so older events keep their hash', () => {
    expect(hashEvent({ ...event, searches: [] })).toBe(sha256(bytes('')));
  });

  it('writes a search as a tuple, a search that listed nobody with an empty list', () => {
    const searches = [
      { name: 'Almaz', birthDate: null, region: null },
      { name: '', birthDate: '1990-01-01', region: 'KG-B', found: ['10101196512345'] },
    ];
    expect(hashEvent({ ...event, searches })).toBe(
      sha256(bytes('[["Almaz",null,null,[]],["","1990-01-01","KG-B",["10101196512345"]]],')),
    );
  });
});
