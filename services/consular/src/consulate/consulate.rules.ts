import { chain, rule } from 'graphql-shield';
import { coordinateOf, decideOffice, isRecordId, writeRule, type JolContext } from '@jol/kernel';
import type { ConsularContext } from '../context';

/** Records a consulate holds, read by id: whose each is, and which post holds it. */
interface HeldRecords {
  findById(id: string, projection: Record<string, 0 | 1>): { lean(): PromiseLike<unknown> };
}

/**
 * A write that opens a record at the consulate its input names: a consular officer, for a purpose
 * that writes the record's class, about a person in reach, at their own post when their token
 * names one. The post is checked only once the officer is granted, so that an outsider learns
 * nothing of it.
 */
export function openAtConsulateRule() {
  const granted = writeRule('consular');
  const atOwnPost = rule({ cache: 'no_cache' })(
    (_parent, args: { input: { pin: string; consulate: string } }, context: JolContext, info) =>
      decideOffice(context, coordinateOf(info), args.input.pin, args.input.consulate),
  );
  return chain(granted, atOwnPost);
}

/**
 * A write that names a stored record by id: granted as the record's person's write, then held to
 * the officer's post: another post's record, or an id naming none, is refused alike. The record is
 * read once for both decisions (the two rules of a field get the same arguments object).
 */
export function heldRecordRules(records: (context: ConsularContext) => HeldRecords) {
  type Held = { pin: string; consulate: string } | null;
  const read = new WeakMap<object, Promise<Held>>();
  const heldFor = (args: { input: { id: unknown } }, context: JolContext): Promise<Held> => {
    let held = read.get(args);
    if (!held) {
      const id = args.input.id;
      held = isRecordId(id)
        ? // A query runs again each time it is awaited: settled once into a promise.
          (Promise.resolve(
            records(context as ConsularContext)
              .findById(id, { _id: 0, pin: 1, consulate: 1 })
              .lean(),
          ) as Promise<Held>)
        : Promise.resolve(null);
      read.set(args, held);
    }
    return held;
  };
  const granted = writeRule<{ input: { id: unknown } }>(
    'consular',
    async (args, context) => (await heldFor(args, context))?.pin ?? null,
  );
  const atOwnPost = rule({ cache: 'no_cache' })(async (
    _parent,
    args: { input: { id: unknown } },
    context: JolContext,
    info,
  ) => {
    const record = await heldFor(args, context);
    return decideOffice(context, coordinateOf(info), record?.pin, record?.consulate ?? null);
  });
  return chain(granted, atOwnPost);
}
