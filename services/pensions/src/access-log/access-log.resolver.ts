import { createAccessLogResolver } from '@jol/schema';

/** The Social Fund's own events in a person's access log (`PersonAccessLog.pensions`). */
export const PensionsAccessLogResolver = createAccessLogResolver('pensions');
