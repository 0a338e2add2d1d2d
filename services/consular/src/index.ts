export * from './context';
export * from './schema';
export * from './server';
export * from './program';
export { Consulate, CONSULATES, consulatesIn, countryOfConsulate } from './consulate/consulate';
export type { AssistanceCaseRecord } from './assistance-case/assistance-case.model';
export { AssistanceCaseStatus, AssistanceType } from './assistance-case/assistance-case.type';
export type { ConsularRegistrationRecord } from './registration/registration.model';
