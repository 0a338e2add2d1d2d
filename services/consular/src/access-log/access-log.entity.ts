import { accessLogReference, defineEntity, PersonAccessLog } from '@jol/kernel';
import { ConsularAccessLogResolver } from './access-log.resolver';
import { accessLogRules } from './access-log.rules';

/** Consular events in the access log migration owns; reached only through representations. */
export const accessLogEntity = defineEntity({
  resolvers: [ConsularAccessLogResolver],
  types: [PersonAccessLog],
  referenceResolvers: accessLogReference,
  rules: [accessLogRules],
});
