export * from './context';
export * from './data-source';
export * from './gateway';
export * from './limits';
export * from './supergraph';
export * from './isolation/settings';
