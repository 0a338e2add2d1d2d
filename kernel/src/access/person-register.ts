import type { KeyObject } from 'node:crypto';
import DataLoader from 'dataloader';
import { parseIsoDate } from '../scalars/date';
import { issueServiceToken } from './service-identity';
import { subjectDirectoryUnavailable, type SubjectDirectoryRequest } from './subject-directory';

/**
 * The person register as Jol's own services ask it: whether a PIN names a registered person,
 * their birth date, and the countries of their recorded stays abroad. A subgraph asks it for a write whose caller may not read persons (a partner
 * institution), under the service identity (service-identity.ts) rather than as the caller, so
 * the answer decides the write and never reaches the caller beyond "no such person".
 */

export type RegisterAnswer =
  | { kind: 'registered'; birthDate: Date | null; stayCountries: readonly string[] }
  | { kind: 'unknown' };

export interface PersonRegister {
  /** The answer for one PIN, cached for the request; rejects with `subjectDirectoryUnavailable`. */
  find(pin: string): Promise<RegisterAnswer>;
}

export type PersonRegisterFactory = (request: SubjectDirectoryRequest) => PersonRegister;

/** A register for a subgraph that was given none: every question fails closed. */
export const unconfiguredPersonRegister: PersonRegister = {
  find: () => Promise.reject(subjectDirectoryUnavailable()),
};

/**
 * The owning agency's register: answers from its own store through `findPerson` and
 * `findStayCountries` (loaders).
 */
export function storePersonRegister(
  findPerson: (pin: string) => Promise<{ birthDate?: Date | null } | null | undefined>,
  findStayCountries: (pin: string) => Promise<readonly string[]>,
): PersonRegister {
  return {
    find: async (pin) => {
      const person = await findPerson(pin);
      if (!person) return { kind: 'unknown' };
      return {
        kind: 'registered',
        birthDate: person.birthDate ?? null,
        stayCountries: await findStayCountries(pin),
      };
    },
  };
}

export interface GatewayPersonRegisterOptions {
  /** The gateway's base URL; the register posts to `<url>/graphql`. */
  gatewayUrl: string;
  /** The services' private key (JOL_SERVICE_KEY) that signs the service token. */
  privateKey: KeyObject;
  /** The asking subgraph, named in the token's subject. */
  agency: string;
  /** The tokens' audience. @default 'jol' */
  audience?: string;
  /** How long one question may take before the write fails closed. @default 5000 */
  timeoutMs?: number;
  /** PINs asked in one request at most. @default 50 */
  maxBatchSize?: number;
  /** For tests. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** One alias per PIN, so that a batch is one request and one answer per PIN. */
export function registerQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$p${i}: PIN!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `s${i}: registeredSubject(pin: $p${i}) { birthDate stayCountries }`,
  ).join(' ');
  return `query PersonRegister(${variables}) { ${fields} }`;
}

interface RegisterBody {
  data?: Record<string, { birthDate?: unknown; stayCountries?: unknown } | null> | null;
  errors?: unknown[];
}

/** Reads one alias of the answer: any error or unexpected shape fails closed. */
function answerOf(body: RegisterBody, alias: string): RegisterAnswer {
  const subject = body.data?.[alias];
  if (subject === undefined) throw subjectDirectoryUnavailable();
  if (subject === null) return { kind: 'unknown' };
  const { birthDate, stayCountries } = subject;
  if (!Array.isArray(stayCountries) || !stayCountries.every((c) => typeof c === 'string'))
    throw subjectDirectoryUnavailable();
  if (birthDate === null) return { kind: 'registered', birthDate: null, stayCountries };
  if (typeof birthDate !== 'string') throw subjectDirectoryUnavailable();
  return { kind: 'registered', birthDate: parseIsoDate(birthDate), stayCountries };
}

/**
 * The register of the agencies that do not own it: asks the graph through the gateway under the
 * service identity (a fresh one-minute token, purpose WRITE_CHECK), passing the request's own id
 * so that the register's owner's audit event of the lookup names the request it was made for.
 * Questions of one request are batched and cached by a DataLoader; any answer but a clean one
 * (an error, a refusal, a timeout) fails closed.
 */
export function gatewayPersonRegister(
  options: GatewayPersonRegisterOptions,
): PersonRegisterFactory {
  const url = `${options.gatewayUrl.replace(/\/+$/, '')}/graphql`;
  const timeoutMs = options.timeoutMs ?? 5000;
  const fetchImpl = options.fetch ?? fetch;
  return ({ headers }) => {
    const forRequest = headers['x-request-id'];
    const ask = async (pins: readonly string[]): Promise<RegisterAnswer[]> => {
      let body: RegisterBody | null;
      try {
        const token = await issueServiceToken(options.privateKey, {
          role: 'SUBJECT_DIRECTORY',
          agency: options.agency,
          audience: options.audience,
        });
        const response = await fetchImpl(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-purpose': 'WRITE_CHECK',
            ...(typeof forRequest === 'string' ? { 'x-request-id': forRequest } : {}),
          },
          body: JSON.stringify({
            operationName: 'PersonRegister',
            query: registerQuery(pins.length),
            variables: Object.fromEntries(pins.map((pin, i) => [`p${i}`, pin])),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = response.status === 200 ? ((await response.json()) as RegisterBody) : null;
      } catch {
        throw subjectDirectoryUnavailable();
      }
      if (!body || typeof body !== 'object' || (body.errors ?? []).length > 0)
        throw subjectDirectoryUnavailable();
      return pins.map((_, i) => answerOf(body, `s${i}`));
    };
    // Same length and order as the PINs; a failed batch rejects every PIN in it.
    const loader = new DataLoader<string, RegisterAnswer>(ask, {
      maxBatchSize: options.maxBatchSize ?? 50,
    });
    return { find: (pin) => loader.load(pin) };
  };
}
