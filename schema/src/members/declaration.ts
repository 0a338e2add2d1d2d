import type { AggregateClass, Agency, DataClass, Purpose } from './index';

/**
 * The vocabulary a member of the federation declares itself in (see ./index.ts): the kernel reads
 * the composed tables, never a member's file.
 */

/** A subgraph a member runs: its name in the supergraph, the agency behind it, its local port. */
export interface SubgraphDeclaration {
  name: string;
  agency: string;
  port: number;
  /**
   * Routes besides /graphql that the gateway calls on the subgraph, signed like /graphql, by what
   * they are for. @default none
   */
  signedRoutes?: { readonly refusalAudit?: string };
}

/** A kind of person-level data a member brings. */
export interface DataClassDeclaration {
  description: string;
  /**
   * The class is the exchange with partner institutions abroad: the reads of a role limited to its
   * partner cases (`partnerCasesOnly`) are of this class, and its inbox is decided by it.
   */
  partnerExchange?: true;
}

export interface RolePolicy {
  purposes: readonly Purpose[];
  /** Person-level data the role may read. */
  reads: readonly DataClass[];
  /** The agency whose data the role may write, if any. */
  writes: Agency | null;
  /** The role reads only the person named by the token's `pin` claim. */
  ownRecordOnly?: true;
  /** Aggregate data the role may read (see AGGREGATE_CLASSES); none when absent. */
  aggregates?: readonly AggregateClass[];
  /**
   * The role reads only persons who have an exchange case with the institution its token's
   * `partner` claim names (the subject's `partners`).
   */
  partnerCasesOnly?: true;
  /**
   * Data classes the role may write although it writes no agency's data: a partner institution's
   * exchange messages. Held to `partnerCasesOnly` like its reads.
   */
  submits?: readonly DataClass[];
}

export interface PurposePolicy {
  /** Why the purpose needs these classes and no others: the reviewer's reason, kept beside it. */
  why: string;
  /** Person-level data the purpose needs; a role declaring it reads the intersection with its own. */
  reads: readonly DataClass[];
  /**
   * Person-level data the purpose may change: a writer declaring it writes only these classes of
   * its agency's data (see WRITE_CLASSES), and a submitting role only these of its submits.
   */
  writes: readonly DataClass[];
  /** Aggregate data the purpose needs; none when absent. */
  aggregates?: readonly AggregateClass[];
}

/** A change event a member's subgraph emits: the class a subscriber must read to hear of it. */
export interface ChangeEventDeclaration {
  dataClass: DataClass;
  description: string;
}

/**
 * What the federation-wide roles read of a member's data: the data subject (their own record, for
 * SELF_SERVICE), the auditor (AUDIT); what the subject may change of it (their own consents).
 * The analyst reads aggregates only, which a member declares with its measures.
 */
export interface FederationReadsDeclaration {
  subject: readonly DataClass[];
  subjectWrites?: readonly DataClass[];
  auditor?: readonly DataClass[];
}
