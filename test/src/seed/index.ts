export * from './person-seed';
export * from './gateway-writer';
