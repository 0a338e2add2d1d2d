export * from './context';
export * from './data-source';
export * from './gateway';
export * from './limits';
export * from './supergraph';
export * from './isolation/settings';
export { EXAMPLE_OPERATIONS, SAMPLE_PIN, type ExampleOperation } from './graphiql/examples';
export { REGISTERED_OPERATIONS, requestBodyFor } from './graphiql/registered';
