// What a `main.ts` loads before anything else: nothing here loads express, graphql or the store.
export { startTracing, type Tracing } from './start-tracing';
export { exitOnStartFailure } from '../settings';
export { RedactingSpanProcessor } from './redact-spans';
