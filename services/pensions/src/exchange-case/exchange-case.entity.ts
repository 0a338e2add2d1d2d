import { defineEntity } from '@jol/kernel';
import {
  createExchangeCaseByIdLoader,
  createExchangeCasesByPinLoader,
} from './exchange-case.loader';
import {
  createExchangeCaseModel,
  createForeignIdBindingModel,
  type ExchangeCaseModel,
} from './exchange-case.model';
import { PensionExchangeCaseResolver } from './exchange-case.resolver';
import { exchangeCaseRules } from './exchange-case.rules';

/** Exchange cases with partner institutions, and the foreign ids bound to them. */
export const exchangeCaseEntity = defineEntity({
  resolvers: [PensionExchangeCaseResolver],
  rules: [exchangeCaseRules],
  models: (connection) => ({
    ExchangeCase: createExchangeCaseModel(connection),
    ForeignIdBinding: createForeignIdBindingModel(connection),
  }),
  loaders: (models: { ExchangeCase: ExchangeCaseModel }) => ({
    exchangeCaseById: createExchangeCaseByIdLoader(models.ExchangeCase),
    exchangeCasesByPin: createExchangeCasesByPinLoader(models.ExchangeCase),
  }),
});
