import { createAccessLogResolver } from '@jol/kernel';

/** The consular service's own reads and writes of a person, as `PersonAccessLog.consular`. */
export const ConsularAccessLogResolver = createAccessLogResolver('consular');
