export { connect, sqlitePath, type Db } from './connect';
export { migrateToLatest } from './migrate';
export type * from './schema';
