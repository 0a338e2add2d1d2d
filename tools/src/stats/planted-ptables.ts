import type { PerturbationTable } from '@jol/statistics';

/** A planted perturbation table that adds no noise: the harness must catch what it leaks. */
export const NO_NOISE_PTABLE: PerturbationTable = { resolution: 1, rows: [[[0, 1]]] };
