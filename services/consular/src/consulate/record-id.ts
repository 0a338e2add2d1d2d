import { Types } from 'mongoose';
import { badUserInput, isRecordId } from '@jol/kernel';

/** Parses the id of a stored `what` as the API hands it out (24 hexadecimal digits). */
export function parseRecordId(what: string, value: unknown, field = 'id'): Types.ObjectId {
  if (!isRecordId(value)) {
    throw badUserInput(field, value, `must be a ${what} id of 24 hexadecimal digits`);
  }
  return new Types.ObjectId(value);
}
