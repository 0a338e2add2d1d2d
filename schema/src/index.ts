export * from './members';
export * from './subgraphs';
export * from './compose/compose';
