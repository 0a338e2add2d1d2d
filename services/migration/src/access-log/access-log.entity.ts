import { accessLogReference, defineEntity } from '@jol/kernel';
import { MigrationAccessLogResolver, PersonAccessLogResolver } from './access-log.resolver';
import { accessLogRules } from './access-log.rules';

/** `Person.accessLog`, which migration owns, and migration's own events in it. */
export const accessLogEntity = defineEntity({
  resolvers: [PersonAccessLogResolver, MigrationAccessLogResolver],
  referenceResolvers: accessLogReference,
  rules: [accessLogRules],
});
