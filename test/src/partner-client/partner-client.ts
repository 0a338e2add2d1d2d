import { randomUUID } from 'node:crypto';

/** The parts of an Apollo persisted query manifest a client needs: each operation's name and id. */
export interface PartnerManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: string }[];
}

/** A GraphQL error the gateway or the Social Fund answered with, by its stable code. */
export class PartnerExchangeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly requestId: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'PartnerExchangeError';
  }
}

/** No answer in time: the request may or may not have been processed. */
export class PartnerTimeoutError extends Error {
  constructor(readonly requestId: string) {
    super(`no answer to request ${requestId} in time`);
    this.name = 'PartnerTimeoutError';
  }
}

export interface ExchangePeriod {
  country: string;
  from: string;
  to: string;
  type: string;
  years: number;
  months: number;
  days: number;
}

export interface ExchangeDocument {
  documentId: string;
  caseId?: string;
  type?: string;
  version: number;
  status: 'RECEIVED' | 'ACKNOWLEDGED' | 'REJECTED' | 'INVALIDATED';
  rejectionReasons?: string[];
  idempotencyKey?: string | null;
  reminders?: number;
  periods?: ExchangePeriod[];
  [field: string]: unknown;
}

export interface PartnerClientOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** The institution's bearer token (role PARTNER, `partner` claim). */
  token: string;
  /** The institution's persisted query manifest, as the Social Fund published it. */
  manifest: PartnerManifest;
  /** How long to wait for an answer. @default 10000 */
  timeoutMs?: number;
  /** The HTTP client; tests inject one that loses answers. @default fetch */
  fetch?: typeof fetch;
}

/**
 * What a partner institution's system (here, the Social Fund of Russia's) needs to exchange
 * pension data with the Kyrgyz Social Fund through Jol: its token and its manifest, nothing else.
 * It never sends a GraphQL document, only the id of a registered operation, with a fresh
 * X-Request-Id per request for both sides' logs.
 */
export class PartnerClient {
  private readonly ids: Map<string, string>;
  private readonly fetchImpl: typeof fetch;
  /** The X-Request-Id of the last request sent. */
  lastRequestId = '';

  constructor(private readonly options: PartnerClientOptions) {
    if (options.manifest.format !== 'apollo-persisted-query-manifest')
      throw new Error('the manifest is not an apollo-persisted-query-manifest');
    this.ids = new Map(options.manifest.operations.map((op) => [op.name, op.id]));
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Runs a registered operation by name; an operation not in the manifest is never sent. */
  async run<T>(operationName: string, variables: Record<string, unknown> = {}): Promise<T> {
    const sha256Hash = this.ids.get(operationName);
    if (!sha256Hash) throw new Error(`${operationName} is not in this institution's manifest`);
    const requestId = randomUUID();
    this.lastRequestId = requestId;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 10_000);
    let response: Response;
    try {
      response = await this.fetchImpl(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.options.token}`,
          'x-purpose': 'PENSION_EXCHANGE',
          'x-request-id': requestId,
        },
        body: JSON.stringify({
          operationName,
          variables,
          extensions: { persistedQuery: { version: 1, sha256Hash } },
        }),
        signal: controller.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError')
        throw new PartnerTimeoutError(requestId);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const [first] = body.errors ?? [];
    if (first) {
      throw new PartnerExchangeError(
        first.extensions?.code ?? 'UNKNOWN',
        first.message,
        response.status,
        requestId,
      );
    }
    return body.data as T;
  }

  async partners() {
    return (
      await this.run<{
        pensionPartners: { code: string; agreements: { agreement: { code: string } }[] }[];
      }>('PensionPartners')
    ).pensionPartners;
  }

  async openCase(input: { pin: string; foreignId: string; agreement: string }) {
    return (
      await this.run<{ openPensionExchangeCase: { caseId: string; foreignId: string } }>(
        'OpenExchangeCase',
        { input },
      )
    ).openPensionExchangeCase;
  }

  async findCases(pin: string) {
    return (
      await this.run<{ pensionExchangeCases: { caseId: string }[] }>('FindExchangeCases', { pin })
    ).pensionExchangeCases;
  }

  async readCase(caseId: string) {
    return (
      await this.run<{
        pensionExchangeCase: { caseId: string; documents: ExchangeDocument[] } | null;
      }>('ReadExchangeCase', { caseId })
    ).pensionExchangeCase;
  }

  async kyrgyzPeriods(caseId: string) {
    const data = await this.run<{
      pensionExchangeCase: { kyrgyzPeriods: ExchangePeriod[] } | null;
    }>('ReadKyrgyzPeriods', { caseId });
    return data.pensionExchangeCase?.kyrgyzPeriods ?? null;
  }

  async decisions(caseId: string) {
    const data = await this.run<{
      pensionExchangeCase: { decisions: Record<string, unknown>[] } | null;
    }>('ReadDecisions', { caseId });
    return data.pensionExchangeCase?.decisions ?? null;
  }

  /** The institution's notices after `after`, oldest first, and the cursor for the next call. */
  async inbox(after: number, first = 50) {
    return (
      await this.run<{
        pensionExchangeInbox: {
          notices: {
            seq: number;
            type: string;
            caseId: string;
            documentId: string;
            occurredAt: string;
          }[];
          cursor: number;
          hasMore: boolean;
        };
      }>('ReadInbox', { after, first })
    ).pensionExchangeInbox;
  }

  /** Sends a P5000 once: under a key of its own, which a retry must reuse. */
  async submitPeriods(input: {
    caseId: string;
    pin: string;
    foreignId: string;
    periods: ExchangePeriod[];
    idempotencyKey: string;
  }): Promise<ExchangeDocument> {
    return (
      await this.run<{ submitPensionExchangePeriods: ExchangeDocument }>('SubmitPeriods', { input })
    ).submitPensionExchangePeriods;
  }

  /**
   * Sends a P5000 and, when no answer comes, sends the very same message again under the same
   * idempotency key: the Social Fund answers with the first result and stores nothing twice.
   */
  async submitPeriodsReliably(
    input: { caseId: string; pin: string; foreignId: string; periods: ExchangePeriod[] },
    attempts = 3,
  ): Promise<{ document: ExchangeDocument; attempts: number }> {
    const idempotencyKey = `sfr-${randomUUID()}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return {
          document: await this.submitPeriods({ ...input, idempotencyKey }),
          attempts: attempt,
        };
      } catch (error) {
        if (!(error instanceof PartnerTimeoutError) || attempt >= attempts) throw error;
      }
    }
  }

  async invalidate(documentId: string, reason: string) {
    return (
      await this.run<{ invalidatePensionExchangeDocument: ExchangeDocument }>(
        'InvalidateDocument',
        { input: { documentId, reason } },
      )
    ).invalidatePensionExchangeDocument;
  }

  async remind(caseId: string, documentId?: string) {
    return (
      await this.run<{ remindPensionExchangeDocument: ExchangeDocument }>('RemindDocument', {
        input: { caseId, documentId },
      })
    ).remindPensionExchangeDocument;
  }

  async acknowledge(documentId: string) {
    return (
      await this.run<{ acknowledgePensionExchangeDocument: ExchangeDocument }>(
        'AcknowledgeDocument',
        { input: { documentId } },
      )
    ).acknowledgePensionExchangeDocument;
  }
}
