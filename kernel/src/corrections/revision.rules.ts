import type { Model } from 'mongoose';
import type { JolContext } from '../context';
import type { Agency } from '@jol/schema';
import { writeRule } from '../access/shield';
import { pinOfRecord } from '../access/write-scope';
import type { RevisableRecord } from './revise-record';

/**
 * The rule of a correction or void: the same write decision as recording the record, for the
 * person the stored record is about (never a PIN the caller sends), so that only the owning
 * agency's officers, within whatever reach writes have, may change it.
 */
export function revisionWriteRule<TContext extends JolContext, TRecord extends RevisableRecord>(
  agency: Agency,
  recordsOf: (context: TContext) => Model<TRecord>,
) {
  return writeRule<{ id?: unknown }>(agency, (args, context) =>
    pinOfRecord(recordsOf(context as TContext) as never, args?.id),
  );
}
