export { connect, sqlitePath, type Db, type ConnectOptions } from './connect';
export { migrateToLatest } from './migrate';
export { isPostgres, dialectOf, type Dialect } from './dialect';
export type * from './schema';
