import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { AuditOutcome, TrailRevision, TrailSearch } from '../access/trail';

export type { AuditOutcome };

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ALLOWED', 'PARTIAL', 'DENIED', 'FAILED'];

/**
 * One request's person-level reads and writes in one subgraph; never updated once written. Labels
 * the caller chose (`callerRequestId`, `callerOperationName`, `callerOperationId`) are kept apart
 * from what Jol itself established.
 */
export interface AuditEventRecord {
  _id: Types.ObjectId;
  /** Position in this subgraph's chain, from 1. */
  seq: number;
  at: Date;
  service: string;
  /** The id Jol gave the request (the gateway's), which joins its events across subgraphs. */
  requestId: string;
  /** The `X-Request-Id` the caller sent, if any: a label, not an identifier. */
  callerRequestId: string | null;
  sub: string;
  roles: string[];
  agency: string | null;
  /** The partner institution's code (`partner` claim) for a partner's request. */
  partner: string | null;
  purpose: string | null;
  /** query or mutation, as the document says; webhook for a change event's delivery. */
  operationType: string | null;
  callerOperationName: string | null;
  /** The registered operation's id a partner sent, when it was refused. */
  callerOperationId: string | null;
  /** Schema coordinates whose data was handed out (or written). */
  served: string[];
  /** Schema coordinates refused for at least one person. */
  refused: string[];
  /** Writes that were allowed but stored nothing. */
  failed: string[];
  pins: string[];
  /** Records the request corrected or voided, with the officer's reason; absent when none. */
  revisions?: TrailRevision[];
  /** Searches for persons the request asked, with their criteria; absent when none. */
  searches?: TrailSearch[];
  outcome: AuditOutcome;
  prevHash: string;
  hash: string;
}

const label = { type: String, default: null };

export const auditEventSchema = new Schema<AuditEventRecord>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    service: { type: String, required: true },
    requestId: { type: String, required: true },
    callerRequestId: label,
    sub: { type: String, required: true },
    roles: { type: [String], required: true },
    agency: label,
    partner: label,
    purpose: label,
    operationType: label,
    callerOperationName: label,
    callerOperationId: label,
    served: { type: [String], required: true },
    refused: { type: [String], required: true },
    failed: { type: [String], required: true },
    pins: { type: [String], required: true },
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
    searches: {
      type: [
        {
          _id: false,
          // What was typed, possibly nothing (required would refuse an empty string).
          name: { type: String, default: '' },
          birthDate: { type: String, default: null },
          region: { type: String, default: null },
          found: { type: [String], default: undefined },
        },
      ],
      default: undefined,
    },
    outcome: { type: String, enum: AUDIT_OUTCOMES, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_events', versionKey: false },
);
auditEventSchema.index({ pins: 1, seq: -1 });

export type AuditEventModel = Model<AuditEventRecord>;

export function createAuditEventModel(connection: Connection): AuditEventModel {
  return connection.model<AuditEventRecord>('AuditEvent', auditEventSchema);
}
