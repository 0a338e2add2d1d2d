import { Types, type Schema } from 'mongoose';
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

/** A small seeded generator, so a failing case is the same on every run. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const text = () => String.fromCharCode(97 + int(26)).repeat(1 + int(3)) + String(int(1000));
  return { int, text, pick: <T>(values: readonly T[]) => values[int(values.length)]! };
}

interface PathType {
  instance: string;
  enumValues?: string[];
  options: { default?: unknown };
  schema?: Schema;
}

/** A random value for one path of the model, of the kind its schema says it holds. */
function valueFor(rng: ReturnType<typeof random>, type: PathType): unknown {
  if (type.enumValues && type.enumValues.length > 0) return rng.pick(type.enumValues);
  if (type.schema) {
    // A list of records: absent, or one to three of them.
    if (rng.int(3) === 0) return undefined;
    return Array.from({ length: 1 + rng.int(3) }, () =>
      Object.fromEntries(
        Object.entries(type.schema!.paths).map(([path, sub]) => [
          path,
          valueFor(rng, sub as unknown as PathType),
        ]),
      ),
    );
  }
  switch (type.instance) {
    case 'Number':
      return rng.int(1_000_000);
    case 'Date':
      return new Date(Date.UTC(2020, 0, 1) + rng.int(1e11));
    case 'ObjectId':
      return new Types.ObjectId();
    case 'Array':
      return Array.from({ length: rng.int(4) }, rng.text);
    default:
      // A label may be null; a required string never is.
      return type.options.default === null && rng.int(3) === 0 ? null : rng.text();
  }
}

const PATH_TYPES = Object.entries(auditEventSchema.paths) as unknown as [string, PathType][];
const randomEvent = (rng: ReturnType<typeof random>) =>
  Object.fromEntries(PATH_TYPES.map(([path, type]) => [path, valueFor(rng, type)]));

/** Whether two values of a path are the same record for the audit (none and [] alike). */
const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null) ||
  ([a, b].every((v) => v === undefined || (Array.isArray(v) && v.length === 0)) &&
    [a, b].some((v) => v === undefined));

describe('canonicalEvent over random events (generated from the model)', () => {
  const CASES = 200;

  it('changes whenever any one stored field but _id and hash takes another value', () => {
    const rng = random(15);
    for (let n = 0; n < CASES; n++) {
      const event = randomEvent(rng);
      for (const [path, type] of PATH_TYPES) {
        let value = valueFor(rng, type);
        while (sameValue(value, event[path])) value = valueFor(rng, type);
        const bytes = canonicalEvent({ ...event, [path]: value } as never);
        if (path === '_id' || path === 'hash') expect(bytes).toBe(canonicalEvent(event as never));
        else expect([path, bytes]).not.toEqual([path, canonicalEvent(event as never)]);
      }
    }
  });

  it('changes whenever one field of a revision or search takes another value', () => {
    const rng = random(16);
    for (let n = 0; n < CASES; n++) {
      const event = randomEvent(rng);
      for (const [path, type] of PATH_TYPES.filter(([, t]) => t.schema)) {
        const entries = event[path] as Record<string, unknown>[] | undefined;
        if (!entries) continue;
        for (const [field, sub] of Object.entries(type.schema!.paths)) {
          let value = valueFor(rng, sub as unknown as PathType);
          while (sameValue(value, entries[0]![field])) value = valueFor(rng, sub as never);
          const tampered = {
            ...event,
            [path]: [{ ...entries[0], [field]: value }, ...entries.slice(1)],
          };
          expect([path, field, canonicalEvent(tampered as never)]).not.toEqual([
            path,
            field,
            canonicalEvent(event as never),
          ]);
        }
      }
    }
  });

  it('does not depend on the order the store returns keys in', () => {
    const rng = random(17);
    const reversed = (record: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(record).reverse());
    for (let n = 0; n < CASES; n++) {
      const event = randomEvent(rng);
      const shuffled = reversed(event);
      for (const path of ['revisions', 'searches'])
        if (Array.isArray(shuffled[path]))
          shuffled[path] = (shuffled[path] as Record<string, unknown>[]).map(reversed);
      expect(canonicalEvent(shuffled as never)).toBe(canonicalEvent(event as never));
    }
  });
});
