import { createAccessLogResolver } from '@jol/schema';

/** Health's own reads and writes of a person, as `PersonAccessLog.health`. */
export const HealthAccessLogResolver = createAccessLogResolver('health');
