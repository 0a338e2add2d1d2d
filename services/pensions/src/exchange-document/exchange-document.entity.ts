import { defineEntity } from '@jol/kernel';
import {
  createExchangeDocumentByIdLoader,
  createExchangeDocumentsByCaseLoader,
} from './exchange-document.loader';
import { createExchangeDocumentModel, type ExchangeDocumentModel } from './exchange-document.model';
import {
  PensionExchangeCaseDocumentsResolver,
  PensionExchangeDocumentResolver,
} from './exchange-document.resolver';
import { exchangeDocumentRules } from './exchange-document.rules';

/** Documents exchanged with partner institutions. */
export const exchangeDocumentEntity = defineEntity({
  resolvers: [PensionExchangeDocumentResolver, PensionExchangeCaseDocumentsResolver],
  rules: [exchangeDocumentRules],
  models: (connection) => ({ ExchangeDocument: createExchangeDocumentModel(connection) }),
  loaders: (models: { ExchangeDocument: ExchangeDocumentModel }) => ({
    exchangeDocumentById: createExchangeDocumentByIdLoader(models.ExchangeDocument),
    exchangeDocumentsByCase: createExchangeDocumentsByCaseLoader(models.ExchangeDocument),
  }),
});
