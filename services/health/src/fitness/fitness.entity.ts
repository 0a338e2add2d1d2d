import { defineEntity } from '@jol/kernel';
import { PersonFitnessResolver } from './fitness.resolver';
import { fitnessRules } from './fitness.rules';

/** Fitness for work abroad, read from screenings, TB cases and consents. */
export const fitnessEntity = defineEntity({
  resolvers: [PersonFitnessResolver],
  rules: [fitnessRules],
});
