export * from './client';
export * from './error-codes';
export * from './partner-client';
export * as operations from './generated/graphql';
