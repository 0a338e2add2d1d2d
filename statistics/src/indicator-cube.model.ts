import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The agency's indicator cube: persons counted per measure, year and person dimensions, built from
 * its own records by `npm run stats:refresh` (and by the seed generator). Indicator queries read
 * only this, so their cost follows the number of cells, not the number of records.
 */
export interface IndicatorCellRecord {
  /** `<build>|<measure>|<year>|<region>|<sex>|<ageBand>|<destination>|<category>`: unique and stable. */
  _id: string;
  build: string;
  measure: string;
  year: number;
  region: string;
  sex: string;
  ageBand: string;
  destination: string | null;
  /** A measure's own breakdown (the sector of a job); null for most measures. */
  category: string | null;
  /** Distinct persons in the cell that year. */
  persons: number;
  /** The sum of their record keys modulo KEY_SPACE (see record-key.ts): the cell key's source. */
  keySum: number;
}

export const indicatorCellSchema = new Schema<IndicatorCellRecord>(
  {
    _id: { type: String, required: true },
    build: { type: String, required: true },
    measure: { type: String, required: true },
    year: { type: Number, required: true },
    region: { type: String, required: true },
    sex: { type: String, required: true },
    ageBand: { type: String, required: true },
    destination: { type: String, default: null },
    category: { type: String, default: null },
    persons: { type: Number, required: true, min: 1 },
    keySum: { type: Number, required: true, min: 0 },
  },
  { collection: 'indicator_cells', versionKey: false },
);
// Every query matches one build, some measures and a span of years before grouping.
indicatorCellSchema.index({ build: 1, measure: 1, year: 1 });

export type IndicatorCellModel = Model<IndicatorCellRecord>;

export function createIndicatorCellModel(connection: Connection): IndicatorCellModel {
  return connection.model<IndicatorCellRecord>('IndicatorCell', indicatorCellSchema);
}

/** One build of the cube; queries read the newest. */
export interface IndicatorBuildRecord {
  _id: string;
  /** The last day the build covers: stocks of its year are counted on it. */
  asOf: Date;
  builtAt: Date;
  cells: number;
  /** True for builds whose cells carry key sums; older builds are not published from. */
  keyed?: boolean;
}

export const indicatorBuildSchema = new Schema<IndicatorBuildRecord>(
  {
    _id: { type: String, required: true },
    asOf: { type: Date, required: true },
    builtAt: { type: Date, required: true },
    cells: { type: Number, required: true },
    keyed: { type: Boolean, default: false },
  },
  { collection: 'indicator_builds', versionKey: false },
);
indicatorBuildSchema.index({ builtAt: -1 });

export type IndicatorBuildModel = Model<IndicatorBuildRecord>;

export function createIndicatorBuildModel(connection: Connection): IndicatorBuildModel {
  return connection.model<IndicatorBuildRecord>('IndicatorBuild', indicatorBuildSchema);
}

/** The models of an agency's cube, as its models object holds them. */
export interface IndicatorCubeModels {
  IndicatorCell: IndicatorCellModel;
  IndicatorBuild: IndicatorBuildModel;
}

export function createIndicatorCubeModels(connection: Connection): IndicatorCubeModels {
  return {
    IndicatorCell: createIndicatorCellModel(connection),
    IndicatorBuild: createIndicatorBuildModel(connection),
  };
}
