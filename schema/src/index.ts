import 'reflect-metadata';

export * from './build-subgraph-schema';
export * from './context';
export * from './errors';
export * from './format-error';
export * from './http';
export * from './loaders';
export * from './logger';
export * from './scalars';
export * from './store';
export * from './subgraph-server';
export * from './pagination';
export * from './emit-schema';
export * from './subgraphs';
export * from './compose/compose';
