export * from './contact-reader';
export * from './contacts-params';
export * from './endpoints';
export * from './fields';
export * from './schemas';
export * from './stages';
export * from './value-forms';
