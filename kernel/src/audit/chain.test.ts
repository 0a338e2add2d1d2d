import { Types } from 'mongoose';
import { auditEventSchema, type AuditEventRecord } from './audit-event.model';
import { canonicalEvent, GENESIS_HASH, hashEvent, HASHED_FIELDS } from './chain';

/** Every path the model stores, read from the mongoose schema itself (not from chain.ts). */
const STORED_PATHS = Object.keys(auditEventSchema.paths);

const EVENT: Omit<AuditEventRecord, 'hash'> = {
  _id: new Types.ObjectId(),
  seq: 7,
  at: new Date('2026-03-01T10:00:00.000Z'),
  service: 'labour',
  requestId: '0b5e3a52-5f0f-4d4e-9f0a-1d3c0e2b7a11',
  callerRequestId: 'caller-label',
  sub: 'officer-1',
  roles: ['LABOUR_OFFICER'],
  agency: 'labour',
  partner: null,
  purpose: 'EMPLOYMENT_SERVICES',
  operationType: 'query',
  callerOperationName: 'Read',
  callerOperationId: null,
  served: ['Person.employment'],
  refused: ['Person.skills'],
  failed: [],
  pins: ['10503199012345'],
  outcome: 'PARTIAL',
  prevHash: GENESIS_HASH,
};

/** A different value of the same kind, whatever the path holds. */
function changed(value: unknown, path = ''): unknown {
  if (typeof value === 'number') return value + 1;
  if (value instanceof Date) return new Date(value.getTime() + 1);
  if (Array.isArray(value)) return [...value, 'Person.extra'];
  if (typeof value === 'string') return `${value}x`;
  if (value === null) return 'x';
  // A field stored only when it has something (revisions, searches): give it something.
  if (value === undefined && path === 'searches')
    return [{ name: 'Almaz', birthDate: '1990-01-01', region: null }];
  if (value === undefined)
    return [{ entity: 'Record', id: 'a'.repeat(24), version: 1, change: 'VOIDED', reason: 'x' }];
  throw new Error(`no change defined for ${String(value)}`);
}

describe('canonicalEvent', () => {
  it('hashes every stored field of the model but _id and hash', () => {
    expect([...HASHED_FIELDS].sort()).toEqual(
      STORED_PATHS.filter((path) => path !== '_id' && path !== 'hash').sort(),
    );
  });

  it.each(STORED_PATHS.filter((path) => path !== '_id' && path !== 'hash'))(
    'changes when %s changes',
    (path) => {
      const event = EVENT as unknown as Record<string, unknown>;
      const tampered = { ...event, [path]: changed(event[path], path) };
      expect(canonicalEvent(tampered as never)).not.toBe(canonicalEvent(EVENT));
      expect(hashEvent(tampered as never)).not.toBe(hashEvent(EVENT));
    },
  );

  it('does not depend on _id, so a copied event keeps its hash', () => {
    expect(hashEvent({ ...EVENT, _id: new Types.ObjectId() } as never)).toBe(hashEvent(EVENT));
  });

  it('tells a value apart from the next field (no ambiguous concatenation)', () => {
    const shifted = { ...EVENT, served: ['Person.employment', 'Person.skills'], refused: [] };
    expect(hashEvent(shifted)).not.toBe(hashEvent(EVENT));
  });
});
