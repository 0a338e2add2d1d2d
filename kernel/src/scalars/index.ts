export * from './pin';
export * from './date';
export * from './country-code';
export * from './region';
export * from './sex';
export * from './age-band';
