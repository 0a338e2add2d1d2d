import { accessLogReference, defineEntity, PersonAccessLog } from '@jol/kernel';
import { LabourAccessLogResolver } from './access-log.resolver';
import { accessLogRules } from './access-log.rules';

/** Labour's events in the access log migration owns; reached only through representations. */
export const accessLogEntity = defineEntity({
  resolvers: [LabourAccessLogResolver],
  types: [PersonAccessLog],
  referenceResolvers: accessLogReference,
  rules: [accessLogRules],
});
