import type { JolContext } from '@jol/kernel';
import { labourSubgraph } from './schema';

/** The labour service's models, bound to its own database. */
export const createLabourModels = labourSubgraph.createModels;
export type LabourModels = ReturnType<typeof createLabourModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export const createLabourLoaders = labourSubgraph.createLoaders;
export type LabourLoaders = ReturnType<typeof createLabourLoaders>;

export type LabourContext = JolContext<LabourLoaders, LabourModels>;
