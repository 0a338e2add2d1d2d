import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { TrailRevision } from '../access/trail';

export type AuditOutcome = 'ALLOWED' | 'DENIED';

/** One request's person-level reads and writes in one subgraph; never updated once written. */
export interface AuditEventRecord {
  _id: Types.ObjectId;
  /** Position in this subgraph's chain, from 1. */
  seq: number;
  at: Date;
  service: string;
  requestId: string;
  sub: string;
  roles: string[];
  agency: string | null;
  purpose: string | null;
  operation: string;
  fields: string[];
  pins: string[];
  outcome: AuditOutcome;
  /** Records corrected or voided, with the officer's reason; absent when the request made none. */
  revisions?: TrailRevision[];
  prevHash: string;
  hash: string;
}

export const auditEventSchema = new Schema<AuditEventRecord>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    service: { type: String, required: true },
    requestId: { type: String, required: true },
    sub: { type: String, required: true },
    roles: { type: [String], required: true },
    agency: { type: String, default: null },
    purpose: { type: String, default: null },
    operation: { type: String, required: true },
    fields: { type: [String], required: true },
    pins: { type: [String], required: true },
    outcome: { type: String, enum: ['ALLOWED', 'DENIED'], required: true },
    revisions: {
      type: [
        {
          _id: false,
          entity: { type: String, required: true },
          id: { type: String, required: true },
          version: { type: Number, required: true },
          change: { type: String, enum: ['CORRECTED', 'VOIDED'], required: true },
          reason: { type: String, required: true },
        },
      ],
      default: undefined,
    },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_events', versionKey: false },
);
auditEventSchema.index({ pins: 1, at: -1 });

export type AuditEventModel = Model<AuditEventRecord>;

export function createAuditEventModel(connection: Connection): AuditEventModel {
  return connection.model<AuditEventRecord>('AuditEvent', auditEventSchema);
}
