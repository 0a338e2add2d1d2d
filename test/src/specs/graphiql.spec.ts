import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

/** Debian's package; CI installs it (.ci/run), nothing is downloaded by playwright-core. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(REPO_ROOT, 'test-artifacts', 'graphiql.png');

/** Text as Monaco renders it: non-breaking spaces between tokens, one line per element. */
function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

describe('GraphiQL in a browser, with no network but the gateway', () => {
  let jol: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page tried to send anywhere but the gateway; each one was aborted. */
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) ` +
          'or set CHROMIUM_PATH. This spec does not skip: GraphiQL must be checked in a real browser.',
      );
    }
    jol = await startTestSystem('graphiql');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Routed on the context, so that requests from Monaco's workers are caught as well.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') {
        await route.continue();
      } else {
        foreignRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      }
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await jol?.stop();
  });

  it('runs the analyst indicators example from the page and shows the result', async () => {
    const token = await jol.token('ANALYST');
    const pageResponse = await page.goto(`${jol.system.gatewayUrl}/graphiql`);
    expect(pageResponse?.status()).toBe(200);
    expect(pageResponse?.headers()['content-security-policy']).toContain("default-src 'self'");

    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
    await queryEditor.waitFor({ state: 'visible', timeout: 30_000 });

    await page.locator('#jol-token').fill(token);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="token-hint"]')?.textContent?.includes('ANALYST'),
    );
    const example = page.locator('#jol-examples optgroup[label="ANALYST"] option').first();
    await page.locator('#jol-examples').selectOption((await example.getAttribute('value'))!);
    await page.locator('#jol-purpose').selectOption('STATISTICS');
    await page.waitForFunction(() =>
      document.querySelector('.graphiql-query-editor')?.textContent?.includes('indicators'),
    );

    const sent = page.waitForRequest(
      (request) =>
        request.url().endsWith('/graphql') &&
        request.postData()?.includes('query Indicators') === true,
    );
    const answered = page.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') &&
        r.request().postData()?.includes('query Indicators') === true,
    );
    await page.locator('.graphiql-execute-button').click();
    const request = await sent;
    expect(request.headers()['authorization']).toBe(`Bearer ${token}`);
    expect(request.headers()['x-purpose']).toBe('STATISTICS');

    const response = page.locator('.graphiql-response');
    // The whole answer, as the page received it: statistics of the four agencies in one result
    // (an empty store gives zeros); the editor renders only its first lines.
    const body = (await (await answered).json()) as {
      data?: { indicators: Record<string, { total?: { value: number | null } }> };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    for (const measure of ['personsAbroad', 'employedAbroad', 'activeTbCases', 'insuredAbroad']) {
      expect({ measure, total: body.data?.indicators[measure]?.total?.value }).toEqual({
        measure,
        total: 0,
      });
    }
    await page.waitForFunction(
      () =>
        /"fromYear":\s*2025/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    const result = normalise(await response.innerText());
    expect(result).toMatch(/"indicators": \{ "filter": \{ "fromYear": 2025, "toYear": 2025 \}/);
    expect(result).not.toContain('"errors"');

    // The schema explorer reads the same introspection the analyst's token allows.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).waitFor();

    // The token stays in this tab's session: nothing about it is left in localStorage.
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem('jol.graphiql.token'),
      local: JSON.stringify({ ...localStorage }),
    }));
    expect(stored.session).toBe(token);
    expect(stored.local).not.toContain(token);

    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(foreignRequests).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the API closed to the public page: no token, no answer', async () => {
    const response = await fetch(`${jol.graphqlUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
  });
});
