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

/** The agency store's nonce cache, shared by every replica of the subgraph on that database. */
export function createStoredNonces(connection: Connection): NonceStore & {
  model: SignatureNonceModel;
} {
  const model =
    (connection.models.SignatureNonce as SignatureNonceModel | undefined) ??
    connection.model<SignatureNonceRecord>('SignatureNonce', signatureNonceSchema);
  return {
    model,
    claim: async (nonce, keyId, expiresAt) => {
      try {
        await model.create({ _id: nonce, keyId, expiresAt });
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    },
  };
}
