import { createAccessLogResolver } from '@jol/kernel';

/** Health's own reads and writes of a person, as `PersonAccessLog.health`. */
export const HealthAccessLogResolver = createAccessLogResolver('health');
