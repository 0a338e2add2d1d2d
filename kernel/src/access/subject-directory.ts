import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import { parseIsoDate } from '../scalars/date';

/**
 * The subject directory: how a subgraph learns the facts that scope a write about a person (does
 * the person exist, their home region, their birth date) without opening another agency's
 * database. The agency that keeps the person register owns those facts; it answers from its own
 * store, and every other agency asks the graph for them through the gateway, as the caller.
 */

/** The scope facts of one registered person. */
export interface SubjectFacts {
  homeRegion: string | null;
  birthDate: Date | null;
  /**
   * The caller's purpose does not read the birth date (`birthDate` is then null): dates a write
   * gives cannot be checked against it, so such a write is refused naming why.
   */
  birthDateWithheld?: true;
}

/**
 * What the directory says about a PIN: the person's facts; `unknown` when no person has the PIN;
 * `refused` when the caller may not learn about the person (out of their region, or not a person
 * their role and purpose reach). A region-scoped caller is `refused` for an unknown PIN too.
 */
export type SubjectAnswer =
  { kind: 'known'; facts: SubjectFacts } | { kind: 'unknown' } | { kind: 'refused' };

export interface SubjectDirectory {
  /** The answer for one PIN, cached for the request; rejects with `subjectDirectoryUnavailable`. */
  find(pin: string): Promise<SubjectAnswer>;
}

/** What a directory is built from: the request it serves, once per request. */
export interface SubjectDirectoryRequest {
  headers: Record<string, string | string[] | undefined>;
  /** The request's own loaders (the owning agency answers from its store through them). */
  loaders: unknown;
}

export type SubjectDirectoryFactory = (request: SubjectDirectoryRequest) => SubjectDirectory;

/** The directory could not be asked: the write is refused and nothing is written (fail closed). */
export function subjectDirectoryUnavailable(): GraphQLError {
  return new GraphQLError(
    'The person register could not be reached to check the person; nothing was written, try again later',
    { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } },
  );
}

/** A directory for a subgraph that was given none: every question fails closed. */
export const unconfiguredSubjectDirectory: SubjectDirectory = {
  find: () => Promise.reject(subjectDirectoryUnavailable()),
};

/**
 * The owning agency's directory: answers from its own store through `findPerson` (a per-request
 * loader), so that the scope facts of a write are read like any other of its records.
 */
export function storeSubjectDirectory(
  findPerson: (
    pin: string,
  ) => Promise<{ homeRegion?: string | null; birthDate?: Date | null } | null | undefined>,
): SubjectDirectory {
  return {
    find: async (pin) => {
      const person = await findPerson(pin);
      if (!person) return { kind: 'unknown' };
      return {
        kind: 'known',
        facts: { homeRegion: person.homeRegion ?? null, birthDate: person.birthDate ?? null },
      };
    },
  };
}

export interface GatewaySubjectDirectoryOptions {
  /** The gateway's base URL (`http://gateway:4000`); the directory posts to `<url>/graphql`. */
  gatewayUrl: string;
  /** How long one question may take before the write fails closed. @default 5000 */
  timeoutMs?: number;
  /** PINs asked in one request at most. @default 50 */
  maxBatchSize?: number;
  /** For tests. @default globalThis.fetch */
  fetch?: typeof fetch;
}

const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

interface GatewayBody {
  data?: Record<string, { homeRegion?: unknown; birthDate?: unknown } | null> | null;
  errors?: { path?: unknown[] }[];
}

/** One alias per PIN, so that a batch is one request and one answer per PIN. */
export function directoryQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$p${i}: PIN!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `s${i}: person(pin: $p${i}) { homeRegion birthDate }`,
  ).join(' ');
  return `query SubjectDirectory(${variables}) { ${fields} }`;
}

/**
 * Reads one alias of the gateway's answer. Any error at or under the alias (the lookup refused, or
 * a scope field refused) makes the answer `refused`: a fact the caller may not read is not used.
 */
function answerOf(body: GatewayBody, alias: string): SubjectAnswer {
  const errors = (body.errors ?? []).filter((e) => Array.isArray(e.path) && e.path[0] === alias);
  // The birth date alone refused (a purpose that does not name persons): the scope still holds,
  // and the birth date is withheld rather than guessed.
  const isBirthDate = (e: { path?: unknown[] }) =>
    e.path!.length === 2 && e.path![1] === 'birthDate';
  if (errors.some((e) => !isBirthDate(e))) return { kind: 'refused' };
  const birthDateWithheld = errors.length > 0;
  const person = body.data?.[alias];
  if (person === undefined) throw subjectDirectoryUnavailable();
  if (person === null) return birthDateWithheld ? { kind: 'refused' } : { kind: 'unknown' };
  const { homeRegion, birthDate } = person;
  if (typeof homeRegion !== 'string') return { kind: 'refused' };
  if (birthDateWithheld)
    return { kind: 'known', facts: { homeRegion, birthDate: null, birthDateWithheld } };
  if (typeof birthDate !== 'string') return { kind: 'refused' };
  return { kind: 'known', facts: { homeRegion, birthDate: parseIsoDate(birthDate) } };
}

/**
 * The directory of the agencies that do not own the person register: asks the graph through the
 * gateway, as the caller (their bearer token, declared purpose and request id), so that the
 * register's owner decides and audits the lookup like any read of that caller. The caller learns
 * nothing from it directly; a write the caller may not see the person for is refused. Questions of
 * one request are batched and cached by a DataLoader.
 */
export function gatewaySubjectDirectory(
  options: GatewaySubjectDirectoryOptions,
): SubjectDirectoryFactory {
  const url = `${options.gatewayUrl.replace(/\/+$/, '')}/graphql`;
  const timeoutMs = options.timeoutMs ?? 5000;
  const fetchImpl = options.fetch ?? fetch;
  return ({ headers }) => {
    const authorization = single(headers.authorization);
    const purpose = single(headers['x-purpose']);
    const requestId = single(headers['x-request-id']);
    const ask = async (pins: readonly string[]): Promise<SubjectAnswer[]> => {
      if (!authorization) return pins.map(() => ({ kind: 'refused' }));
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization,
            ...(purpose ? { 'x-purpose': purpose } : {}),
            ...(requestId ? { 'x-request-id': requestId } : {}),
          },
          body: JSON.stringify({
            operationName: 'SubjectDirectory',
            query: directoryQuery(pins.length),
            variables: Object.fromEntries(pins.map((pin, i) => [`p${i}`, pin])),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw subjectDirectoryUnavailable();
      }
      // The gateway refuses the caller as a whole (token expired meanwhile, purpose not theirs).
      if (response.status === 401 || response.status === 403)
        return pins.map(() => ({ kind: 'refused' }));
      if (response.status !== 200) throw subjectDirectoryUnavailable();
      const body = (await response.json().catch(() => null)) as GatewayBody | null;
      if (!body || typeof body !== 'object') throw subjectDirectoryUnavailable();
      return pins.map((_, i) => answerOf(body, `s${i}`));
    };
    // Same length and order as the PINs; a failed batch rejects every PIN in it.
    const loader = new DataLoader<string, SubjectAnswer>(ask, {
      maxBatchSize: options.maxBatchSize ?? 50,
    });
    return { find: (pin) => loader.load(pin) };
  };
}

/** A URL a request can be sent to: http(s), a host, nothing around it. */
function isHttpUrl(text: string): boolean {
  if (text !== text.trim() || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The directory of a subgraph from its environment: `JOL_GATEWAY_URL` (the gateway the subgraph
 * asks) and `JOL_SUBJECT_DIRECTORY_TIMEOUT_MS` (default 5000). Without a gateway URL there is no
 * directory and every write about a person fails closed.
 */
export function subjectDirectoryFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): SubjectDirectoryFactory | undefined {
  const gatewayUrl = env.JOL_GATEWAY_URL;
  if (!gatewayUrl) return undefined;
  if (!isHttpUrl(gatewayUrl))
    throw new Error('JOL_GATEWAY_URL must be an http:// or https:// URL of the gateway');
  const timeout = Number(env.JOL_SUBJECT_DIRECTORY_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout <= 0)
    throw new Error('JOL_SUBJECT_DIRECTORY_TIMEOUT_MS must be a positive number of milliseconds');
  return gatewaySubjectDirectory({ gatewayUrl, timeoutMs: timeout });
}
