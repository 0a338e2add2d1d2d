import { createAccessLogResolver } from '@jol/kernel';

/** Labour's own events in a person's access log (`PersonAccessLog.labour`). */
export const LabourAccessLogResolver = createAccessLogResolver('labour');
