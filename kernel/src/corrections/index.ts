export * from './reason';
export * from './record-version.model';
export * from './record-version.type';
export * from './record-version.loader';
export * from './revise-record';
export * from './revision.rules';
