import 'reflect-metadata';
import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AgeBand, CountryCodeScalar, DateScalar, RegionScalar, Sex } from '@jol/kernel';
import { IndicatorDimension } from './indicator-dimension';
import { DEFAULT_PTABLE, describePerturbation, maxNoiseOf, noiseMoments } from './ptable';

/** What the API says about the noise, from the table itself so that the two cannot drift apart. */
export const PERTURBATION_DESCRIPTION = describePerturbation(DEFAULT_PTABLE);

/** The description of a measure's field on Indicators: what it counts, and its noise. */
export function measureFieldDescription(measure: { description: string }): string {
  return `${measure.description} Counts perturbed by the cell key method (D = ${maxNoiseOf(DEFAULT_PTABLE)}, V = ${noiseMoments(DEFAULT_PTABLE, DEFAULT_PTABLE.rows.length - 1).variance}; see IndicatorTable), withheld when perturbed below minCellSize.`;
}

/** What a table's values count. */
export enum IndicatorUnit {
  PERSONS = 'PERSONS',
  SHARE = 'SHARE',
}

registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  valuesConfig: {
    PERSONS: {
      description:
        'Persons; over a period of several years without a YEAR breakdown, the sum of the yearly counts (a person counts once per year).',
    },
    SHARE: { description: 'A share from 0 to 1 of two person counts, rounded to 4 places.' },
  },
});

/**
 * One cell of a table, a margin or the grand total. A dimension the table is not broken down by
 * is null; so is a dimension the row is totalled over (listed in `over`). In a dimension the
 * table is broken down by, null means "none" (a destination for a person never abroad).
 */
@Directive('@shareable')
@ObjectType({ description: 'One cell of an indicator table, or one of its totals.' })
export class IndicatorRow {
  @Field(() => RegionScalar, { nullable: true })
  region!: string | null;

  @Field(() => Sex, { nullable: true })
  sex!: Sex | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand!: AgeBand | null;

  @Field(() => CountryCodeScalar, { nullable: true })
  destination!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The sector of work abroad, as the employment records name it.',
  })
  sector!: string | null;

  @Field(() => [IndicatorDimension], {
    description: 'The dimensions this row is a total over: empty for a cell.',
  })
  over!: IndicatorDimension[];

  @Field(() => Float, {
    nullable: true,
    description: `The value; null when suppressed. ${PERTURBATION_DESCRIPTION} The noise follows from the persons counted (their cell key), so the same group shows the same value in every table and query. A margin or total is perturbed as a cell of its own: cells do not add up exactly to it. A share is taken of the two perturbed counts, capped at 1.`,
  })
  value!: number | null;

  @Field(() => Boolean, {
    description:
      'True when the value is withheld: it counts some persons but its perturbed count is below minCellSize, so it holds 1 to minCellSize-1+D persons (a count over several years: also when every year counts fewer than minCellSize; a share: when either count is withheld; children: when fewer than minCellSize parents are described). A published 0 means nobody.',
  })
  suppressed!: boolean;
}

@Directive('@shareable')
@ObjectType({
  description: `One measure of one agency, broken down and protected by disclosure control (the cell key method): every count carries noise, and a count of some persons perturbed below minCellSize is withheld (so a published count is 0 or at least minCellSize). ${PERTURBATION_DESCRIPTION} The same persons always get the same noise, so asking again, or another query holding the same group, shows the same value; differences between queries (another filter, breakdown or period) carry noise and do not reveal a withheld count. Margins and totals are perturbed on their own and are not the exact sums of the cells. Every indicators query is audited.`,
})
export class IndicatorTable {
  @Field(() => String, { description: 'The measure, as named in Indicators.' })
  measure!: string;

  @Field(() => String, { description: 'The agency whose records the measure counts.' })
  agency!: string;

  @Field(() => String)
  description!: string;

  @Field(() => IndicatorUnit)
  unit!: IndicatorUnit;

  @Field(() => [IndicatorDimension], { description: 'The breakdowns, slowest-varying first.' })
  dimensions!: IndicatorDimension[];

  @Field(() => [IndicatorRow], { description: 'The cells: every combination of the dimensions.' })
  rows!: IndicatorRow[];

  @Field(() => [IndicatorRow], {
    description: 'Totals over one dimension of a two-way table (row and column totals).',
  })
  margins!: IndicatorRow[];

  @Field(() => IndicatorRow, { description: 'The grand total.' })
  total!: IndicatorRow;

  @Field(() => Int, { description: 'K: a cell counting 1 to K-1 persons is withheld.' })
  minCellSize!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The last day the agency's statistics cover: events after it are not counted, a stock of its year is counted on it, and a filter reaching a later year is refused. Null before the first build.",
  })
  asOf!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When the statistics were last built, ISO 8601; null before the first build. They are rebuilt by a refresh (npm run stats:refresh), not on every write: records written since are not counted yet.',
  })
  refreshedAt!: string | null;
}
