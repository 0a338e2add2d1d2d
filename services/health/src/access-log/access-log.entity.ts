import { accessLogReference, defineEntity, PersonAccessLog } from '@jol/kernel';
import { HealthAccessLogResolver } from './access-log.resolver';
import { accessLogRules } from './access-log.rules';

/** Health's events in the access log migration owns; reached only through representations. */
export const accessLogEntity = defineEntity({
  resolvers: [HealthAccessLogResolver],
  types: [PersonAccessLog],
  referenceResolvers: accessLogReference,
  rules: [accessLogRules],
});
