import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { REGION_CODES, type RegionCode, Sex } from '@jol/kernel';

/**
 * A statistical unit: the dimensions of one person as the person register held them at the
 * last refresh, kept by an agency for its own statistics. The agencies that do not keep the
 * register do not store sex, age, home region or destinations with their records; counting their records by those
 * dimensions joins them to this snapshot. It holds no names and is read only by the cube builder.
 */
export interface StatisticalUnitRecord {
  _id: Types.ObjectId;
  pin: string;
  sex: Sex;
  birthDate: Date;
  homeRegion: RegionCode;
  /** The country of the person's latest stay abroad; null if never abroad. */
  lastDestination: string | null;
  /** The day the person first came back from abroad; null if never returned. A returnee from then on. */
  firstReturnOn: Date | null;
  /** When the snapshot was taken from the register. */
  refreshedAt: Date;
}

export const statisticalUnitSchema = new Schema<StatisticalUnitRecord>(
  {
    pin: { type: String, required: true },
    sex: { type: String, enum: Object.values(Sex), required: true },
    birthDate: { type: Date, required: true },
    homeRegion: { type: String, enum: REGION_CODES, required: true },
    lastDestination: { type: String, default: null },
    firstReturnOn: { type: Date, default: null },
    refreshedAt: { type: Date, required: true },
  },
  { collection: 'statistical_units', versionKey: false },
);
statisticalUnitSchema.index({ pin: 1 }, { unique: true });

export type StatisticalUnitModel = Model<StatisticalUnitRecord>;

export function createStatisticalUnitModel(connection: Connection): StatisticalUnitModel {
  return connection.model<StatisticalUnitRecord>('StatisticalUnit', statisticalUnitSchema);
}

/** A stay as the person register records it; only these fields make a unit. */
export interface RegisterStay {
  departedOn: Date;
  returnedOn: Date | null;
  country: string;
}

export type StatisticalUnit = Omit<StatisticalUnitRecord, '_id'>;

/**
 * The unit of a registered person: the one derivation of the dimensions, used by the seed
 * generator and by the refresh alike, so that every agency counts a person in the same cell.
 */
export function statisticalUnitOf(
  person: { pin: string; sex: Sex; birthDate: Date; homeRegion: RegionCode },
  stays: readonly RegisterStay[],
  refreshedAt: Date,
): StatisticalUnit {
  let latest: RegisterStay | null = null;
  let firstReturnOn: Date | null = null;
  for (const stay of stays) {
    if (!latest || stay.departedOn > latest.departedOn) latest = stay;
    if (stay.returnedOn && (!firstReturnOn || stay.returnedOn < firstReturnOn)) {
      firstReturnOn = stay.returnedOn;
    }
  }
  return {
    pin: person.pin,
    sex: person.sex,
    birthDate: person.birthDate,
    homeRegion: person.homeRegion,
    lastDestination: latest?.country ?? null,
    firstReturnOn,
    refreshedAt,
  };
}

/**
 * Replaces an agency's units with a new snapshot: drops the collection (far cheaper than deleting
 * every document), recreates it with its index, inserts in batches. Not atomic: units are read
 * only by the cube builder, which runs after this, never by a query.
 */
export async function replaceStatisticalUnits(
  model: StatisticalUnitModel,
  units: readonly StatisticalUnit[],
  batchSize = 5_000,
): Promise<number> {
  await model.collection.drop().catch((error: { codeName?: string }) => {
    if (error.codeName !== 'NamespaceNotFound') throw error;
  });
  await model.createCollection();
  await model.createIndexes();
  for (let from = 0; from < units.length; from += batchSize) {
    await model.collection.insertMany(units.slice(from, from + batchSize) as object[], {
      ordered: false,
    });
  }
  return units.length;
}

/** An agency's units by PIN, for the cube builder. */
export async function loadStatisticalUnits(
  model: StatisticalUnitModel,
): Promise<Map<string, StatisticalUnit>> {
  const units = new Map<string, StatisticalUnit>();
  const cursor = model
    .find(
      {},
      {
        _id: 0,
        pin: 1,
        sex: 1,
        birthDate: 1,
        homeRegion: 1,
        lastDestination: 1,
        firstReturnOn: 1,
        refreshedAt: 1,
      },
    )
    .lean<StatisticalUnit>()
    .cursor({ batchSize: 5_000 });
  for await (const unit of cursor) units.set(unit.pin, unit);
  return units;
}

/** The distinct PINs among the records of several collections: the persons an agency holds. */
export async function distinctPins(
  models: readonly { distinct(field: 'pin'): PromiseLike<unknown[]> }[],
): Promise<Set<string>> {
  const lists = await Promise.all(models.map((model) => model.distinct('pin')));
  return new Set(lists.flat().map(String));
}
