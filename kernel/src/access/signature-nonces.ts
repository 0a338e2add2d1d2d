import { Schema, type Connection, type Model } from 'mongoose';
import type { NonceStore } from './signing';

/** A nonce a subgraph has accepted a signature with; removed by the store once it expires. */
export interface SignatureNonceRecord {
  _id: string;
  keyId: string;
  expiresAt: Date;
}

/**
 * The nonce is the document's `_id`: its uniqueness is the store's own primary key, which no
 * missing or late index build can weaken, and an insert of a used nonce fails atomically on every
 * replica. The TTL index lets the store forget nonces once no signature with them can be in time.
 */
export const signatureNonceSchema = new Schema<SignatureNonceRecord>(
  {
    _id: { type: String, required: true },
    keyId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'signature_nonces', versionKey: false },
);
signatureNonceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type SignatureNonceModel = Model<SignatureNonceRecord>;

const DUPLICATE_KEY = 11000;

/** Nonces inserted in one command at most. @default 200 */
export const MAX_NONCE_BATCH = 200;

interface PendingClaim {
  nonce: SignatureNonceRecord;
  resolve(claimed: boolean): void;
  reject(error: unknown): void;
}

/** The driver's per-document failures of an unordered insert, by index in the batch. */
function writeErrorsOf(error: unknown): Map<number, unknown> | null {
  const { writeErrors } = error as { writeErrors?: unknown };
  if (!writeErrors) return null;
  const list = (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as {
    index?: unknown;
    code?: unknown;
  }[];
  const failed = new Map<number, unknown>();
  for (const { index, code } of list) {
    if (typeof index !== 'number') return null;
    failed.set(index, code);
  }
  return failed;
}

/**
 * The agency store's nonce cache, shared by every replica of the subgraph on that database.
 * Claims that arrive while an insert is under way go together into the next one (unordered, so
 * each nonce succeeds or fails on its own): concurrent requests share a round trip, and a nonce
 * is still granted only when the store inserted it.
 */
export function createStoredNonces(
  connection: Connection,
  maxBatch = MAX_NONCE_BATCH,
): NonceStore & {
  model: SignatureNonceModel;
} {
  const model =
    (connection.models.SignatureNonce as SignatureNonceModel | undefined) ??
    connection.model<SignatureNonceRecord>('SignatureNonce', signatureNonceSchema);
  const pending: PendingClaim[] = [];
  let writing = false;

  const write = async (batch: PendingClaim[]) => {
    try {
      const result = await model.collection.insertMany(
        // The nonce is a string _id, which the collection's default typing does not foresee.
        batch.map((claim) => claim.nonce) as unknown as Parameters<
          typeof model.collection.insertMany
        >[0],
        { ordered: false },
      );
      if (result.insertedCount !== batch.length)
        throw new Error(`the store inserted ${result.insertedCount} of ${batch.length} nonces`);
      for (const claim of batch) claim.resolve(true);
    } catch (error) {
      const failed = writeErrorsOf(error);
      const inserted = (error as { result?: { insertedCount?: unknown } }).result?.insertedCount;
      // Only a complete account of the batch is trusted: else no claim is answered (503).
      if (!failed || inserted !== batch.length - failed.size) {
        for (const claim of batch) claim.reject(error);
        return;
      }
      batch.forEach((claim, i) => {
        if (!failed.has(i)) claim.resolve(true);
        else if (failed.get(i) === DUPLICATE_KEY) claim.resolve(false);
        else claim.reject(error);
      });
    }
  };

  const drain = async () => {
    writing = true;
    try {
      while (pending.length > 0) await write(pending.splice(0, maxBatch));
    } finally {
      writing = false;
    }
  };

  return {
    model,
    claim: (nonce, keyId, expiresAt) =>
      new Promise<boolean>((resolve, reject) => {
        pending.push({ nonce: { _id: nonce, keyId, expiresAt }, resolve, reject });
        if (!writing) void drain();
      }),
  };
}
