import type { JolContext } from '@jol/kernel';
import { pensionsSubgraph } from './schema';

/** The Social Fund's models, bound to its own database. */
export const createPensionsModels = pensionsSubgraph.createModels;
export type PensionsModels = ReturnType<typeof createPensionsModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export const createPensionsLoaders = pensionsSubgraph.createLoaders;
export type PensionsLoaders = ReturnType<typeof createPensionsLoaders>;

export type PensionsContext = JolContext<PensionsLoaders, PensionsModels>;
