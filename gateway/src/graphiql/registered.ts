import { parse, print } from 'graphql';
import KZ_ENPF from '../partner-operations/manifests/KZ-ENPF.json';
import KZ_GK from '../partner-operations/manifests/KZ-GK.json';
import RU_SFR from '../partner-operations/manifests/RU-SFR.json';
import TR_SGK from '../partner-operations/manifests/TR-SGK.json';

/** An operation registered for a partner institution, as its committed manifest lists it. */
export interface RegisteredOperation {
  id: string;
  name: string;
  body: string;
}

/**
 * Every operation registered for some partner, once (the same body has the same id in every
 * manifest). Read from the committed manifests, which the page is bundled with; a deployment
 * with manifests of its own still refuses whatever it did not register.
 */
export const REGISTERED_OPERATIONS: readonly RegisteredOperation[] = [
  ...new Map(
    [KZ_ENPF, KZ_GK, RU_SFR, TR_SGK]
      .flatMap((manifest) => manifest.operations)
      .map((op) => [op.id, { id: op.id, name: op.name, body: op.body }] as const),
  ).values(),
];

/** A document printed the way manifests store bodies, or null when it does not parse. */
function normalised(document: string): string | null {
  try {
    return print(parse(document));
  } catch {
    return null;
  }
}

/**
 * What GraphiQL sends for a request: a partner institution sends no document, so a document that
 * is a registered operation goes as its id (Apollo's persisted-query extension); anything else,
 * and every other role's request, goes as the document itself.
 */
export function requestBodyFor(
  params: { query: string; variables?: unknown; operationName?: string | null },
  partner: boolean,
  registered: readonly RegisteredOperation[] = REGISTERED_OPERATIONS,
): Record<string, unknown> {
  const text = partner ? normalised(params.query) : null;
  const operation = text === null ? undefined : registered.find((op) => op.body === text);
  if (!operation) return { ...params };
  return {
    operationName: operation.name,
    variables: params.variables ?? {},
    extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } },
  };
}
