import type { JolContext } from '@jol/kernel';
import { healthSubgraph } from './schema';

/** The health service's models, bound to its own database. */
export const createHealthModels = healthSubgraph.createModels;
export type HealthModels = ReturnType<typeof createHealthModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export const createHealthLoaders = healthSubgraph.createLoaders;
export type HealthLoaders = ReturnType<typeof createHealthLoaders>;

export type HealthContext = JolContext<HealthLoaders, HealthModels>;
