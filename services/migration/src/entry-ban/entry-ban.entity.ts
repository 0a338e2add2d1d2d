import { defineEntity } from '@jol/kernel';
import { createEntryBansByPinLoader } from './entry-ban.loader';
import { createEntryBanModel, type EntryBanModel } from './entry-ban.model';
import { EntryBanResolver, PersonEntryBansResolver } from './entry-ban.resolver';
import { entryBanRules } from './entry-ban.rules';

/** Re-entry bans other countries imposed. */
export const entryBanEntity = defineEntity({
  resolvers: [PersonEntryBansResolver, EntryBanResolver],
  rules: [entryBanRules],
  models: (connection) => ({ EntryBan: createEntryBanModel(connection) }),
  loaders: (models: { EntryBan: EntryBanModel }) => ({
    entryBansByPin: createEntryBansByPinLoader(models.EntryBan),
  }),
});
