import 'reflect-metadata';
import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AgeBand } from '../scalars/age-band';
import { CountryCodeScalar } from '../scalars/country-code';
import { DateScalar } from '../scalars/date';
import { RegionScalar } from '../scalars/region';
import { Sex } from '../scalars/sex';
import { IndicatorDimension } from './indicator-dimension';

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

  @Field(() => String, { nullable: true, description: 'A LabourSector value.' })
  sector!: string | null;

  @Field(() => [IndicatorDimension], {
    description: 'The dimensions this row is a total over: empty for a cell.',
  })
  over!: IndicatorDimension[];

  @Field(() => Float, {
    nullable: true,
    description: 'The value; null when suppressed.',
  })
  value!: number | null;

  @Field(() => Boolean, {
    description:
      'True when the value is withheld: it counts fewer than minCellSize persons, or it would let a withheld value be worked out from the totals of this table.',
  })
  suppressed!: boolean;
}

@Directive('@shareable')
@ObjectType({
  description:
    'One measure of one agency, broken down and protected by disclosure control: no cell reveals fewer than minCellSize persons, and no withheld cell can be worked out from the totals of this table. Each table is protected on its own: comparing the tables of different queries (another filter, breakdown or period) is not guarded against, and every indicators query is audited.',
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
