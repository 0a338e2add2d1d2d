import { randomUUID } from 'node:crypto';
import {
  unconfiguredSubjectDirectory,
  type SubjectDirectory,
  type SubjectDirectoryFactory,
} from './access/subject-directory';
import {
  unconfiguredPersonRegister,
  type PersonRegister,
  type PersonRegisterFactory,
} from './access/person-register';
import { CALLER_OPERATION_NAME_HEADER } from './access/signing';
import { createAccessTrail, type AccessTrail } from './access/trail';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './change-events/webhook-settings';
import type { Logger } from './logger';

/** Who is calling, as the verified token says. Filled by the access layer; null when anonymous. */
export interface Caller {
  sub: string;
  roles: string[];
  agency?: string;
  region?: string;
  partner?: string;
  pin?: string;
  /**
   * The office of the agency the holder works at (a post abroad, a branch): an agency that keeps
   * records by office holds such a caller to its own office's records (see decideOffice).
   */
  office?: string;
}

/** What every resolver of every subgraph receives: one per request, never shared. */
export interface JolContext<TLoaders = unknown, TModels = unknown> {
  /** Jol's id for the request: the gateway's (its signature covers it), or a fresh one. */
  requestId: string;
  /** The `X-Request-Id` the caller chose, as the gateway passed it on: a label, never an id. */
  callerRequestId: string | null;
  /**
   * The name the caller gave its operation, as the gateway passed it on under its signature (null:
   * an anonymous operation), never the name the gateway's query planner gave its part of it.
   * Undefined for an operation run in-process (tests, tools), whose document is the caller's own.
   */
  callerOperationName?: string | null;
  log: Logger;
  /** Batched readers, fresh for this request. */
  loaders: TLoaders;
  /** The agency's mongoose models, for writes and queries no loader fits. */
  models: TModels;
  caller: Caller | null;
  purpose: string | null;
  /** What the access rules allowed and refused in this request; the audit writes it. */
  access: AccessTrail;
  /** Who the persons this request writes about are: existence, home region, birth date. */
  directory: SubjectDirectory;
  /** Where this subgraph may deliver change events (subscriptions are checked against it). */
  webhooks: WebhookSettings;
  /**
   * The person register under Jol's service identity (existence, birth date), for writes whose
   * caller may not read persons; see person-register.ts.
   */
  register: PersonRegister;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a well-formed `X-Request-Id` and replaces anything else with a fresh UUID. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** The header by which the gateway passes on the request id its caller chose. */
export const CALLER_REQUEST_ID_HEADER = 'x-caller-request-id';

/** A caller's own request id, kept as a label when well-formed; null otherwise. */
export function callerRequestIdFrom(header: unknown): string | null {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : null;
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** A caller's operation name as the gateway passed it on, kept when a GraphQL name; else null. */
export function callerOperationNameFrom(header: unknown): string | null {
  return typeof header === 'string' && OPERATION_NAME.test(header) ? header : null;
}

export interface ContextInput<TLoaders, TModels> {
  headers: Record<string, string | string[] | undefined>;
  /**
   * Whether the headers are those of a request whose gateway signature was verified: only then
   * does the context take the caller's operation name from them.
   * @default false
   */
  signed?: boolean;
  log: Logger;
  models: TModels;
  createLoaders: (models: TModels) => TLoaders;
  caller?: Caller | null;
  /** The subgraph's subject directory; without one, every question fails closed. */
  directory?: SubjectDirectoryFactory;
  /** @default DEFAULT_WEBHOOK_SETTINGS: no host allowed, so no subscription can be made */
  webhooks?: WebhookSettings;
  /** The subgraph's person register; without one, every question fails closed. */
  register?: PersonRegisterFactory;
}

/** Builds a request's context: its id, a child logger that carries it, and fresh loaders. */
export function createRequestContext<TLoaders, TModels>(
  input: ContextInput<TLoaders, TModels>,
): JolContext<TLoaders, TModels> {
  const requestId = requestIdFrom(input.headers['x-request-id']);
  const purpose = input.headers['x-purpose'];
  const loaders = input.createLoaders(input.models);
  return {
    requestId,
    callerRequestId: callerRequestIdFrom(input.headers[CALLER_REQUEST_ID_HEADER]),
    ...(input.signed
      ? {
          callerOperationName: callerOperationNameFrom(input.headers[CALLER_OPERATION_NAME_HEADER]),
        }
      : {}),
    log: input.log.child({ requestId }),
    loaders,
    models: input.models,
    caller: input.caller ?? null,
    purpose: typeof purpose === 'string' && purpose !== '' ? purpose : null,
    access: createAccessTrail(),
    directory:
      input.directory?.({ headers: input.headers, loaders }) ?? unconfiguredSubjectDirectory,
    webhooks: input.webhooks ?? DEFAULT_WEBHOOK_SETTINGS,
    register: input.register?.({ headers: input.headers, loaders }) ?? unconfiguredPersonRegister,
  };
}
