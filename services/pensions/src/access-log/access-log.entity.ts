import { accessLogReference, defineEntity, PersonAccessLog } from '@jol/kernel';
import { PensionsAccessLogResolver } from './access-log.resolver';
import { accessLogRules } from './access-log.rules';

/** The Social Fund's events in the access log migration owns; reached only by representations. */
export const accessLogEntity = defineEntity({
  resolvers: [PensionsAccessLogResolver],
  types: [PersonAccessLog],
  referenceResolvers: accessLogReference,
  rules: [accessLogRules],
});
