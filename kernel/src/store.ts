import mongoose, { type Connection } from 'mongoose';

export interface StoreOptions {
  /** A MongoDB connection string; any MongoDB-wire server. */
  uri: string;
  /** The agency's own database on that server. */
  dbName: string;
  /** Emit the driver's command events (tests count them). @default false */
  monitorCommands?: boolean;
}

/** The database an agency uses: `MONGODB_DB` when set, else `jol_<agency>`. */
export function agencyDatabase(agency: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.MONGODB_DB ?? `jol_${agency}`;
}

/** Opens a dedicated connection for one agency's database (never mongoose's global one). */
export async function connectStore({
  uri,
  dbName,
  monitorCommands = false,
}: StoreOptions): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    // Collections and indexes are made by ensureIndexes, one after another, before the first
    // write. Mongoose's own creation fires for every model at once as it is compiled, racing the
    // first writes; on the embedded store a `create` racing an insert that creates the same
    // collection deadlocks the whole server (its DDL lock against the insert's transaction).
    autoCreate: false,
    autoIndex: false,
    monitorCommands,
  });
  await connection.asPromise();
  return connection;
}

/** Creates the collections and indexes every model declares, before the first write. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) {
    await model.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
    await model.createIndexes();
  }
}
