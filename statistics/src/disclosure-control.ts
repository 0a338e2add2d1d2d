import { minCellSizeFromEnv } from './min-cell-size';
import { checkPerturbationTable, DEFAULT_PTABLE, type PerturbationTable } from './ptable';

/**
 * How indicator tables are protected.
 *
 * `cellKey`, what the API publishes: every count (cell, margin, total) is perturbed by the cell
 * key method from the records it counts, and a count of some persons perturbed below K is
 * withheld. The differencing harness (`npm run stats:attack`: 39 overlapping queries over every
 * measure, an attacker who knows the table and what withholding implies) decided how: with small
 * cells perturbed and published, 7 of 806 small groups of 5,000 persons were pinned down exactly
 * (a published 1 can only be 1 to 3, and differences with extreme noise close that range); with
 * cells of 1 to K-1 true persons withheld, 2 were (a withheld cell is then known to hold at most
 * K-1, and a total published 2 high left two withheld nines no room); withheld on the perturbed
 * count, none was: a withheld cell may hold up to K-1+D, a published count as low as K-D.
 * Complementary suppression is not needed any more: a withheld cell worked out from perturbed
 * totals carries their noise.
 *
 * `suppression`, the method before: small cells and complements withheld per table, no noise.
 * Not reachable from configuration; kept for the harness, which measures it as the baseline.
 */
export type DisclosureControl =
  | {
      method: 'cellKey';
      minCellSize: number;
      ptable: PerturbationTable;
      /**
       * Which cells are withheld: `suppress`, those of 1 to K-1 persons; `suppressPerturbed`,
       * those of some persons whose perturbed count is below K (or, over several years, of 1 to
       * K-1 persons in every year); `perturb`, none (small cells perturbed and published).
       */
      smallCells: 'suppress' | 'suppressPerturbed' | 'perturb';
    }
  | { method: 'suppression'; minCellSize: number };

/** The control the API applies: the cell key method with the published table, K from the env. */
export function disclosureControlFromEnv(env: NodeJS.ProcessEnv = process.env): DisclosureControl {
  return {
    method: 'cellKey',
    minCellSize: minCellSizeFromEnv(env),
    ptable: checkPerturbationTable(DEFAULT_PTABLE),
    smallCells: 'suppressPerturbed',
  };
}
