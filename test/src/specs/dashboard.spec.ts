import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * The analysts' dashboard in headless Chromium, with no network but the gateway, over seeded
 * persons: an analyst enters a token, picks measures and two breakdowns and runs them; the table,
 * the bar chart and the map show what the graph itself answers to the same question (asked here
 * directly, not through the page), withheld cells are marked, the view's URL restores it in a
 * fresh tab without the token, and CSV and PNG downloads work.
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const PERSONS = 1_500;
const YEAR = new Date().getUTCFullYear() - 1;

/** The regions' names as the page writes them, by ISO 3166-2:KG code (written out by hand). */
const REGION_NAMES: Record<string, string> = {
  'KG-GB': 'Bishkek',
  'KG-GO': 'Osh city',
  'KG-B': 'Batken',
  'KG-J': 'Jalal-Abad',
  'KG-Y': 'Issyk-Kul',
  'KG-N': 'Naryn',
  'KG-O': 'Osh',
  'KG-T': 'Talas',
  'KG-C': 'Chuy',
};
const SEX_NAMES: Record<string, string> = { FEMALE: 'Women', MALE: 'Men' };

interface Row {
  region: string | null;
  sex: string | null;
  year?: number | null;
  over: string[];
  value: number | null;
  suppressed: boolean;
}
interface Table {
  rows: Row[];
  margins: Row[];
  total: Row;
  asOf: string;
  minCellSize: number;
}

/** A published count as the page is expected to print it. */
function shown(row: Row): string {
  return row.suppressed ? 'withheld' : row.value!.toLocaleString('en-US');
}

function launchOptions() {
  return {
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
  };
}

describe('the analysts dashboard in a browser, with no network but the gateway', () => {
  let jol: TestSystem;
  let browser: Browser;
  let token: string;
  /** Every request a page tried to send anywhere but the gateway; each one was aborted. */
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  /** The graph's own answers, asked directly. */
  let byRegionAndSex: Record<'personsAbroad' | 'returns', Table>;
  let byRegion: Table;
  /** returns by year and region over the time series' default span (ten years). */
  let byYearAndRegion: Table;

  async function newContext(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    await context.route('**/*', async (route) => {
      if (new URL(route.request().url()).hostname === '127.0.0.1') await route.continue();
      else {
        foreignRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      }
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return { context, page };
  }

  /** The texts the chart's SVG draws, in document order. */
  const svgTexts = (page: Page, id: string) =>
    page.locator(`#${id} svg text`).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

  /** A measure's table as the page shows it: each row header with its cells. */
  const shownTable = (page: Page, measure: string) =>
    page
      .locator(`table[data-measure="${measure}"] tr`)
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.children).map((cell) => (cell.textContent ?? '').replace('▨ ', '')),
        ),
      );

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) ` +
          'or set CHROMIUM_PATH. This spec does not skip: the dashboard must be checked in a real browser.',
      );
    }
    jol = await startTestSystem('dashboard', { seedPersons: PERSONS });
    token = await jol.token('ANALYST');
    const analyst = await jol.as('ANALYST');
    const table = 'rows { ...R } margins { ...R } total { ...R } asOf minCellSize';
    const direct = await analyst<{
      twoWay: Record<'personsAbroad' | 'returns', Table>;
      oneWay: { returns: Table };
      trend: { returns: typeof byYearAndRegion };
    }>(
      `query Direct($year: Int!, $from: Int!) {
        twoWay: indicators(filter: { year: $year }, by: [REGION, SEX]) {
          personsAbroad { ${table} } returns { ${table} }
        }
        oneWay: indicators(filter: { year: $year }, by: [REGION]) { returns { ${table} } }
        trend: indicators(filter: { fromYear: $from, toYear: $year }, by: [YEAR, REGION]) {
          returns { ${table} }
        }
      }
      fragment R on IndicatorRow { region sex year over value suppressed }`,
      { year: YEAR, from: YEAR - 9 },
    );
    expect(direct.errors).toBeUndefined();
    byRegionAndSex = direct.data!.twoWay;
    byRegion = direct.data!.oneWay.returns;
    byYearAndRegion = direct.data!.trend.returns;
    browser = await chromium.launch(launchOptions());
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await jol?.stop();
  });

  it('withholds some cells of the seeded data, so that the page has some to mark', () => {
    for (const cells of [byRegionAndSex.returns.rows, byRegion.rows]) {
      expect(cells.filter((row) => row.suppressed).length).toBeGreaterThan(0);
      expect(cells.filter((row) => !row.suppressed && row.value! > 0).length).toBeGreaterThan(0);
    }
  });

  let sharedUrl: string;

  it('runs a view picked in the form and shows the graph’s figures in the table, chart and map', async () => {
    const { context, page } = await newContext();
    const response = await page.goto(`${jol.system.gatewayUrl}/dashboard`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

    await page.getByLabel('Token').fill(token);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="token-hint"]')?.textContent?.includes('ANALYST'),
    );
    await page.getByLabel('Purpose').selectOption('STATISTICS');
    await page.getByRole('checkbox', { name: 'Returns', exact: true }).check();
    await page.getByLabel('Measure charted').selectOption('returns');
    await page.getByLabel('First').selectOption('REGION');
    await page.getByLabel('Second').selectOption('SEX');
    await page.getByLabel('From', { exact: true }).selectOption(String(YEAR));
    await page.getByLabel('To', { exact: true }).selectOption(String(YEAR));

    // From the keyboard: the Show button is reached and pressed like any other control.
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST');
    await page.locator('#jd-show').focus();
    await page.keyboard.press('Enter');
    const request = await sent;
    expect(request.headers()['authorization']).toBe(`Bearer ${token}`);
    expect(request.headers()['x-purpose']).toBe('STATISTICS');
    await page.locator('table[data-measure="returns"]').waitFor({ timeout: 60_000 });

    // The table: every cell, margin and total, as the graph published it.
    for (const measure of ['personsAbroad', 'returns'] as const) {
      const expected = byRegionAndSex[measure];
      const rows = await shownTable(page, measure);
      expect(rows[0]).toEqual(['Region', 'Women', 'Men', 'Total']);
      const cell = (region: string | null, sex: string | null, over: string[]) =>
        shown(
          [...expected.rows, ...expected.margins, expected.total].find(
            (r) => r.region === region && r.sex === sex && r.over.join() === over.join(),
          )!,
        );
      const body = Object.keys(REGION_NAMES).map((code) => [
        REGION_NAMES[code],
        cell(code, 'FEMALE', []),
        cell(code, 'MALE', []),
        cell(code, null, ['SEX']),
      ]);
      expect(rows.slice(1, -1).sort()).toEqual(body.sort());
      expect(rows.at(-1)).toEqual([
        'Total',
        cell(null, 'FEMALE', ['REGION']),
        cell(null, 'MALE', ['REGION']),
        cell(null, null, ['REGION', 'SEX']),
      ]);
      const withheld = [...expected.rows, ...expected.margins, expected.total].filter(
        (r) => r.suppressed,
      ).length;
      await expect(
        page.locator(`table[data-measure="${measure}"] td[data-suppressed="true"]`).count(),
      ).resolves.toBe(withheld);
    }

    // The bar chart draws returns: a label per bar, "withheld" on each withheld cell.
    const expected = byRegionAndSex.returns;
    const barTexts = await svgTexts(page, 'jd-bar');
    expect(barTexts.filter((t) => t === 'withheld')).toHaveLength(
      expected.rows.filter((r) => r.suppressed).length,
    );
    for (const row of expected.rows) expect(barTexts).toContain(shown(row));
    const barDescription = await page.locator('#jd-bar').getAttribute('aria-label');
    for (const code of Object.keys(REGION_NAMES)) {
      const cells = ['FEMALE', 'MALE'].map((sex) =>
        expected.rows.find((r) => r.region === code && r.sex === sex)!,
      );
      expect(barDescription).toContain(
        `${REGION_NAMES[code]}: ${cells.map((r) => `${SEX_NAMES[r.sex!]} ${shown(r)}`).join(', ')}`,
      );
    }

    // The map: each region's name with its figure by region alone, withheld ones said so.
    const mapTexts = await svgTexts(page, 'jd-map');
    for (const row of byRegion.rows) {
      const at = mapTexts.indexOf(REGION_NAMES[row.region!]!);
      expect({ region: row.region, shown: mapTexts[at + 1] }).toEqual({
        region: row.region,
        shown: shown(row),
      });
    }
    const mapDescription = await page.locator('#jd-map').getAttribute('aria-label');
    for (const row of byRegion.rows) {
      expect(mapDescription).toContain(`${REGION_NAMES[row.region!]}: ${shown(row)}`);
    }

    // The time series: every year of its span, one line per region, withheld years said so.
    const trendDescription = await page.locator('#jd-trend').getAttribute('aria-label');
    for (let year = YEAR - 9; year <= YEAR; year += 1) {
      const points = Object.keys(REGION_NAMES).map((code) => {
        const cell = byYearAndRegion.rows.find((r) => r.year === year && r.region === code)!;
        return `${REGION_NAMES[code]} ${shown(cell)}`;
      });
      expect(trendDescription).toContain(`${year}: ${points.join(', ')}`);
    }

    // When the figures were built and how they are protected.
    await expect(page.getByTestId('as-of').innerText()).resolves.toContain(expected.asOf);
    const settings = await page.getByTestId('disclosure-settings').innerText();
    expect(settings).toContain(`K = ${expected.minCellSize}`);
    expect(settings).toContain('±2');

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // The link holds the view and never the token.
    sharedUrl = page.url();
    const search = new URL(sharedUrl).searchParams;
    expect(search.get('measures')).toBe('personsAbroad,returns');
    expect(search.get('chart')).toBe('returns');
    expect(search.get('by')).toBe('REGION,SEX');
    expect(search.get('year')).toBe(String(YEAR));
    expect(sharedUrl).not.toContain(token);
    expect(sharedUrl).not.toContain(token.slice(0, 20));

    // The token stays in this tab's session: nothing about it is left in localStorage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(token);

    // Downloads: the table as CSV (the gateway's export) and the map as PNG.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      'measure,agency,unit,kind,region,sex,age_band,destination,year,sector,value,suppressed,as_of',
    );
    for (const row of expected.rows) {
      expect(lines).toContain(
        `returns,migration,PERSONS,cell,${row.region},${row.sex},,,,,${row.value ?? ''},${row.suppressed},${expected.asOf}`,
      );
    }
    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: /^PNG of .* by region/ }).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.readUInt32BE(16)).toBeGreaterThan(400); // width, from the IHDR chunk
    await context.close();
  });

  it('restores the view from its URL in a fresh tab, which has no token until one is entered', async () => {
    const { context, page } = await newContext();
    const graphqlCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) graphqlCalls.push(r.url());
    });
    await page.goto(sharedUrl);
    await expect(page.getByLabel('Token').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('First').inputValue()).resolves.toBe('REGION');
    await expect(page.getByLabel('Second').inputValue()).resolves.toBe('SEX');
    await expect(
      page.getByRole('checkbox', { name: 'Returns', exact: true }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('checkbox', { name: 'Persons abroad', exact: true }).isChecked(),
    ).resolves.toBe(true);
    expect(graphqlCalls).toEqual([]);

    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('table[data-measure="returns"]').waitFor({ timeout: 60_000 });
    expect(
      await page.locator('table[data-measure="returns"] td[data-suppressed="true"]').count(),
    ).toBe(
      [
        ...byRegionAndSex.returns.rows,
        ...byRegionAndSex.returns.margins,
        byRegionAndSex.returns.total,
      ].filter((r) => r.suppressed).length,
    );
    expect(page.url()).toBe(sharedUrl);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-shared.png') });
    await context.close();

    expect(foreignRequests).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each(['/dashboard/missing.js', '/dashboard/index.html', '/dashboard/../package.json'])(
    'answers %s with a typed JSON 404',
    async (path) => {
      const response = await fetch(`${jol.system.gatewayUrl}${path}`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    },
  );
});
