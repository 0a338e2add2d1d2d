import { registerEnumType } from 'type-graphql';

/** A health-certificate status for work abroad: never a diagnosis. */
export enum FitnessForWorkAbroad {
  FIT = 'FIT',
  NOT_FIT = 'NOT_FIT',
  UNDETERMINED = 'UNDETERMINED',
}
registerEnumType(FitnessForWorkAbroad, {
  name: 'FitnessForWorkAbroad',
  description: 'Fitness for work abroad as a health certificate states it; it names no diagnosis.',
  valuesConfig: {
    FIT: {
      description:
        'The latest TB and HIV screenings are both negative and less than 12 months old, and no TB case is active.',
    },
    NOT_FIT: { description: 'A TB case is active, or the latest TB screening is positive.' },
    UNDETERMINED: { description: 'Neither: screenings are missing, old or inconclusive.' },
  },
});
