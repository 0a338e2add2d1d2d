/** The ids the API hands out for stored records: MongoDB ObjectIds as 24 hexadecimal digits. */
const RECORD_ID = /^[0-9a-f]{24}$/i;

/** Whether `value` can name a stored record at all; anything else names none. */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value);
}

/** A record id in the one form stored records give it (`toHexString`, lower case). */
export const recordIdKey = (id: string): string => id.toLowerCase();
