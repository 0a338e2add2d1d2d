import DataLoader from 'dataloader';

/**
 * A loader for records that are unique by key. The batch function keeps DataLoader's contract:
 * one result per key, in the order of the keys, null for a key that matched nothing. `sameKey`
 * maps a key asked for to the form `keyOf` gives (a record id in either case to lower case).
 */
export function createOneByKeyLoader<T>(
  find: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (record: T) => string,
  sameKey: (key: string) => string = (key) => key,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<string, T>();
    for (const record of await find(keys)) byKey.set(keyOf(record), record);
    return keys.map((key) => byKey.get(sameKey(key)) ?? null);
  });
}

/**
 * A loader for the records that share a key (all episodes of one PIN, say). One result per key,
 * in the order of the keys; a key that matched nothing gets an empty list. Records keep the order
 * `find` returned them in.
 */
export function createManyByKeyLoader<T>(
  find: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (record: T) => string,
  sameKey: (key: string) => string = (key) => key,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<string, T[]>();
    for (const record of await find(keys)) {
      const key = keyOf(record);
      const list = byKey.get(key);
      if (list) list.push(record);
      else byKey.set(key, [record]);
    }
    return keys.map((key) => byKey.get(sameKey(key)) ?? []);
  });
}
