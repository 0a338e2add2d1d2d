import { createRecordVersionsLoader, defineEntity, type RecordVersionModel } from '@jol/kernel';
import { createContributionsByPinLoader } from './contribution.loader';
import { createContributionModel, type ContributionModel } from './contribution.model';
import { ContributionResolver, PersonContributionsResolver } from './contribution.resolver';
import { contributionRules } from './contribution.rules';

/** Contributions to the Social Fund, correctable with their versions. */
export const contributionEntity = defineEntity({
  resolvers: [PersonContributionsResolver, ContributionResolver],
  rules: [contributionRules],
  models: (connection) => ({ Contribution: createContributionModel(connection) }),
  loaders: (models: { Contribution: ContributionModel; RecordVersion: RecordVersionModel }) => ({
    contributionsByPin: createContributionsByPinLoader(models.Contribution),
    contributionVersions: createRecordVersionsLoader(models.RecordVersion, 'PensionContribution'),
  }),
});
