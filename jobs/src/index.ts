export * from './stats/refresh';
export * from './audit/audit-keys';
export * from './audit/checkpoint-log';
export * from './audit/cli';
export * from './audit/verify';
export * from './stats/register-export';
