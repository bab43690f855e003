export * from './contacts-params';
export * from './endpoints';
export * from './fields';
export * from './schemas';
export * from './stages';
export * from './relay-headers';
export * from './retry-after';
