import { allow, readRule, writeRule, type AccessRules } from '@jol/kernel';

export const entryBanRules: AccessRules = {
  Person: { entryBans: readRule('Person.entryBans') },
  EntryBan: allow,
  Mutation: { recordEntryBan: writeRule('migration') },
};
