import type { JolContext } from '@jol/kernel';
import { consularSubgraph } from './schema';

/** The consular service's models, bound to its own database. */
export const createConsularModels = consularSubgraph.createModels;
export type ConsularModels = ReturnType<typeof createConsularModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export const createConsularLoaders = consularSubgraph.createLoaders;
export type ConsularLoaders = ReturnType<typeof createConsularLoaders>;

export type ConsularContext = JolContext<ConsularLoaders, ConsularModels>;
