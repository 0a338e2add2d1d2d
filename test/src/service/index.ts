/**
 * The service tests' kit: a fresh database on the run's store, operations executed through a
 * subgraph's own Apollo Server, declarative refusal tests and the correctable-record suite. It is
 * imported by tests alone (`@jol/testkit/service`), so no production build carries it.
 */
export * from './subgraph';
export * from './refusals';
export * from './revisions';
export { recordSpans } from './record-spans';
