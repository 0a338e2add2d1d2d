import type { ClientSession, Types } from 'mongoose';
import { badUserInput, formatIsoDate, isDuplicateKeyError } from '@jol/kernel';
import type { PensionsModels } from '../context';
import type { InsurancePeriodLockModel, InsurancePeriodRecord } from './insurance-period.model';

/** A period about to be stored, already validated on its own. */
export type NewInsurancePeriod = Pick<
  InsurancePeriodRecord,
  'pin' | 'country' | 'from' | 'to' | 'type' | 'source'
>;

/**
 * Records one period of a person so that it never overlaps another of theirs, in any country,
 * even when two writes for the same person race: the loser retries and then sees the winner.
 */
export async function writeInsurancePeriod(
  models: PensionsModels,
  period: NewInsurancePeriod,
): Promise<InsurancePeriodRecord> {
  await ensureInsurancePeriodLock(models.InsurancePeriodLock, period.pin);
  return models.connection.transaction((session) =>
    insertInsurancePeriodInSession(models, period, session),
  );
}

/**
 * Creates the person's lock document outside any transaction, so that the first two writes for a
 * person race on updating it, a write conflict every server labels retryable, and never on
 * inserting it, which a server may report as a duplicate key that no transaction retries.
 */
export async function ensureInsurancePeriodLock(
  InsurancePeriodLock: InsurancePeriodLockModel,
  pin: string,
): Promise<void> {
  try {
    await InsurancePeriodLock.updateOne(
      { _id: pin },
      { $setOnInsert: { version: 0 } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Inside the caller's transaction: bumps the person's lock document, so that a concurrent writer
 * of the same person's periods gets a write conflict and its transaction retries. Call
 * `ensureInsurancePeriodLock` first, outside the transaction.
 */
export async function lockInsurancePeriods(
  models: Pick<PensionsModels, 'InsurancePeriodLock'>,
  pin: string,
  session: ClientSession,
): Promise<void> {
  await models.InsurancePeriodLock.updateOne(
    { _id: pin },
    { $inc: { version: 1 } },
    { upsert: true, session },
  );
}

/**
 * Inside the caller's transaction: takes the person's lock first, refuses a period that overlaps a
 * stored one, and inserts it. A P5000 calls it once per period in one transaction, after
 * `ensureInsurancePeriodLock`.
 */
export async function insertInsurancePeriodInSession(
  models: PensionsModels,
  period: NewInsurancePeriod,
  session: ClientSession,
): Promise<InsurancePeriodRecord> {
  await lockInsurancePeriods(models, period.pin, session);
  await refuseOverlap(models, period, session);
  const [created] = await models.InsurancePeriod.create([period], { session });
  return created.toObject();
}

/**
 * Inside the caller's transaction, after `lockInsurancePeriods`: refuses a period that shares a
 * day with a stored period of the person other than `except` (the period being corrected).
 */
export async function refuseOverlap(
  models: Pick<PensionsModels, 'InsurancePeriod'>,
  period: NewInsurancePeriod,
  session: ClientSession,
  except?: Types.ObjectId,
): Promise<void> {
  const clash = await models.InsurancePeriod.findOne(
    {
      pin: period.pin,
      from: { $lte: period.to },
      to: { $gte: period.from },
      ...(except ? { _id: { $ne: except } } : {}),
    },
    null,
    { session },
  )
    .sort({ from: 1 })
    .lean<InsurancePeriodRecord>();
  if (clash) throw overlapError(period, clash);
}

/** Describes a period for a message: its country, first day and last day. */
export function describePeriod(period: NewInsurancePeriod): string {
  return `${period.country} ${formatIsoDate(period.from)}..${formatIsoDate(period.to)}`;
}

/** Names both the refused period and the stored one it overlaps. */
export function overlapError(period: NewInsurancePeriod, stored: InsurancePeriodRecord) {
  return badUserInput(
    'period',
    describePeriod(period),
    `must not overlap the stored insurance period ${stored._id.toHexString()} ` +
      `(${describePeriod(stored)}, ${stored.type}, ${stored.source})`,
  );
}
