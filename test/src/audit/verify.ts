import {
  connectStore,
  createAuditEventModel,
  SUBGRAPHS,
  verifyAuditChain,
  type ChainVerification,
} from '@jol/schema';

export interface ChainReport extends ChainVerification {
  service: string;
  database: string;
}

/** Verifies the audit chain of every subgraph's database; one report per chain. */
export async function verifyAllAuditChains(
  mongodbUri: string,
  databasePrefix = 'jol',
): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const { name } of SUBGRAPHS) {
    const database = `${databasePrefix}_${name}`;
    const connection = await connectStore({ uri: mongodbUri, dbName: database });
    try {
      reports.push({
        service: name,
        database,
        ...(await verifyAuditChain(createAuditEventModel(connection))),
      });
    } finally {
      await connection.close();
    }
  }
  return reports;
}
