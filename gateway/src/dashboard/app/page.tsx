import {
  StrictMode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import { createRoot } from 'react-dom/client';
import './page.css';
import {
  csvSearch,
  dashboardRequests,
  type DashboardData,
  type GraphQLRequest,
  type IndicatorRow,
  type IndicatorTable,
} from '../query';
import { REGIONS } from '../regions';
import { crossTab, dimensionName, formatValue, labelOf } from '../tables';
import {
  AGE_BANDS,
  DIMENSIONS,
  FIRST_YEAR,
  parseView,
  SEXES,
  viewToSearch,
  type DashboardView,
  type Dimension,
} from '../view';
import {
  barOption,
  echarts,
  mapOption,
  measureTitle,
  trendOption,
  withheldExplanation,
  type ChartOption,
} from './charts';
import { chartPng, saveBlob } from './download';

/** Filled in at build time (bundle.ts): the graph's measures, the purposes, the noise. */
declare const JOL_MEASURES: readonly { name: string; agency: string; description: string }[];
declare const JOL_PURPOSES: readonly { purpose: string; roles: readonly string[] }[];
declare const JOL_NOISE: { maxNoise: number; variance: number; text: string };

/** The credentials live in sessionStorage only, as in GraphiQL: gone when the tab closes. */
const TOKEN_KEY = 'jol.dashboard.token';
const PURPOSE_KEY = 'jol.dashboard.purpose';
const DEFAULT_PURPOSE = 'STATISTICS';

const MEASURE_NAMES = JOL_MEASURES.map((m) => m.name);
const AGENCIES = [...new Set(JOL_MEASURES.map((m) => m.agency))];
const LAST_YEAR = new Date().getUTCFullYear();
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => LAST_YEAR - i);
const VIEW_CONTEXT = {
  measures: MEASURE_NAMES,
  defaultMeasures: MEASURE_NAMES.includes('personsAbroad')
    ? ['personsAbroad']
    : MEASURE_NAMES.slice(0, 1),
  lastYear: LAST_YEAR,
  regions: REGIONS.map((r) => r.code),
};

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

type Result =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; view: DashboardView; data: DashboardData | null; errors: GraphQLError[] };

/** The roles a token claims, read without verification: a hint for the user only. */
function describeToken(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) return token ? 'not a JWT' : '';
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      roles?: unknown;
      exp?: unknown;
    };
    const roles = Array.isArray(claims.roles) ? claims.roles.join(', ') : 'no roles';
    const expires =
      typeof claims.exp === 'number'
        ? `, expires ${new Date(claims.exp * 1000).toLocaleTimeString()}`
        : '';
    return `${roles}${expires}`;
  } catch {
    return 'not a JWT';
  }
}

function headersOf(token: string, purpose: string): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (purpose) headers['X-Purpose'] = purpose;
  return headers;
}

interface Answer {
  data?: {
    table?: Record<string, IndicatorTable | null> | null;
    map?: DashboardData['map'];
    trend?: DashboardData['trend'];
  } | null;
  errors?: GraphQLError[];
}

/** Sends a view's requests together and merges their answers; the same error is shown once. */
async function runView(view: DashboardView, token: string, purpose: string): Promise<Result> {
  const post = async (request: GraphQLRequest): Promise<Answer> => {
    try {
      const response = await fetch(new URL('graphql', document.baseURI), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headersOf(token, purpose) },
        body: JSON.stringify(request),
      });
      return (await response.json()) as Answer;
    } catch {
      return {
        errors: [{ message: 'The gateway could not be reached.', extensions: { code: 'NETWORK' } }],
      };
    }
  };
  const answers = await Promise.all(dashboardRequests(view, MEASURE_NAMES).map(post));
  const data: DashboardData = { table: {}, map: null, trend: null };
  const errors = new Map<string, GraphQLError>();
  for (const answer of answers) {
    Object.assign(data.table, answer.data?.table ?? {});
    data.map = answer.data?.map ?? data.map;
    data.trend = answer.data?.trend ?? data.trend;
    for (const error of answer.errors ?? []) errors.set(error.message, error);
  }
  const any = Object.keys(data.table).length > 0 || data.map || data.trend;
  return { state: 'done', view, data: any ? data : null, errors: [...errors.values()] };
}

/** An ECharts chart in a figure, drawn as SVG, with its own PNG download. */
function Chart({
  id,
  title,
  option,
  fileName,
  note,
}: {
  id: string;
  title: string;
  option: ChartOption | null;
  fileName: string;
  /** A line under the chart: where its data or shapes come from. */
  note?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (chart.current && option) chart.current.setOption(option, true);
    else chart.current?.clear();
  }, [option]);
  const download = async () => {
    if (chart.current) saveBlob(await chartPng(chart.current), fileName);
  };
  return (
    <figure className="jd-figure" aria-labelledby={`${id}-title`}>
      <figcaption className="jd-figure-head">
        <span id={`${id}-title`}>{title}</span>
        <button
          type="button"
          className="jd-button"
          onClick={() => void download()}
          disabled={!option}
        >
          PNG<span className="jd-visually-hidden"> of {title}</span>
        </button>
      </figcaption>
      <div ref={element} id={id} className="jd-chart" role="img" />
      {note && <p className="jd-note">{note}</p>}
    </figure>
  );
}

function Cell({
  table,
  row,
  header,
}: {
  table: IndicatorTable;
  row: IndicatorRow | undefined;
  header?: boolean;
}) {
  if (!row) return <td className="jd-num jd-none">–</td>;
  const withheld = row.suppressed || row.value === null;
  const total = row.over.length > 0;
  const className = [
    'jd-num',
    withheld ? 'jd-withheld' : table.unit === 'PERSONS' && row.value !== 0 ? 'jd-perturbed' : '',
    total || header ? 'jd-total' : '',
  ].join(' ');
  const title = withheld
    ? withheldExplanation(table, JOL_NOISE.maxNoise)
    : table.unit === 'SHARE'
      ? 'share of two perturbed counts'
      : row.value === 0
        ? 'nobody: zero is never perturbed'
        : `perturbed: within ±${JOL_NOISE.maxNoise} of the true count`;
  return (
    <td className={className} title={title} data-suppressed={withheld ? 'true' : undefined}>
      {withheld ? (
        <>
          <span aria-hidden="true">▨ </span>withheld
        </>
      ) : (
        formatValue(table, row)
      )}
    </td>
  );
}

function TableView({ table }: { table: IndicatorTable }) {
  const tab = crossTab(table);
  const twoWay = tab.columnDimension !== null;
  const rowName = (key: string) => (tab.rowDimension ? labelOf(tab.rowDimension, key) : 'Total');
  return (
    <table className="jd-table" data-measure={table.measure}>
      <caption>
        {measureTitle(table.measure)}{' '}
        <small>
          ({table.agency}, {table.unit === 'SHARE' ? 'share' : 'persons'})
        </small>
      </caption>
      <thead>
        <tr>
          <th scope="col">{tab.rowDimension ? dimensionName(tab.rowDimension) : ''}</th>
          {twoWay ? (
            tab.columnKeys.map((key) => (
              <th scope="col" key={key}>
                {labelOf(tab.columnDimension!, key)}
              </th>
            ))
          ) : (
            <th scope="col">Value</th>
          )}
          {twoWay && <th scope="col">Total</th>}
        </tr>
      </thead>
      <tbody>
        {tab.rowDimension &&
          tab.rowKeys.map((rowKey) => (
            <tr key={rowKey}>
              <th scope="row">{rowName(rowKey)}</th>
              {tab.columnKeys.map((columnKey) => (
                <Cell key={columnKey} table={table} row={tab.cell(rowKey, columnKey)} />
              ))}
              {twoWay && <Cell table={table} row={tab.rowTotal(rowKey)} />}
            </tr>
          ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {twoWay &&
            tab.columnKeys.map((key) => (
              <Cell key={key} table={table} row={tab.columnTotal(key)} />
            ))}
          <Cell table={table} row={tab.total} header />
        </tr>
      </tfoot>
    </table>
  );
}

function Disclosure({ tables }: { tables: IndicatorTable[] }) {
  const agencies = new Map<string, IndicatorTable>();
  for (const table of tables) if (!agencies.has(table.agency)) agencies.set(table.agency, table);
  const minCell = Math.max(...tables.map((t) => t.minCellSize));
  return (
    <section className="jd-disclosure" aria-labelledby="jd-disclosure-title">
      <h2 id="jd-disclosure-title">About these figures</h2>
      <dl className="jd-asof" data-testid="as-of">
        {[...agencies.values()].map((table) => (
          <div key={table.agency}>
            <dt>{table.agency}</dt>
            <dd>
              as of <strong>{table.asOf ?? 'not built yet'}</strong>
              {table.refreshedAt && (
                <small> (built {table.refreshedAt.slice(0, 16).replace('T', ' ')} UTC)</small>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p data-testid="disclosure-settings">
        Disclosure control: the cell key method. Every count carries noise of at most ±
        {JOL_NOISE.maxNoise} (variance {JOL_NOISE.variance}); zero stays zero. A count of some
        persons perturbed below K = {minCell} is withheld. Margins and totals are perturbed on their
        own, so cells need not add up to them.
      </p>
      <ul className="jd-legend">
        <li>
          <span className="jd-swatch jd-withheld">▨ withheld</span>{' '}
          {`counts 1 to ${minCell - 1 + JOL_NOISE.maxNoise} persons`}
        </li>
        <li>
          <span className="jd-swatch jd-perturbed">123</span> perturbed count (within ±
          {JOL_NOISE.maxNoise})
        </li>
        <li>
          <span className="jd-swatch jd-total">123</span> total or margin, perturbed separately
        </li>
      </ul>
    </section>
  );
}

function Controls({
  draft,
  setDraft,
  onSubmit,
}: {
  draft: DashboardView;
  setDraft(view: DashboardView): void;
  onSubmit(event: FormEvent): void;
}) {
  const update = (change: Partial<DashboardView>) => {
    const next = { ...draft, ...change };
    if (!next.measures.includes(next.focus)) next.focus = next.measures[0] ?? next.focus;
    if (next.fromYear > next.toYear) next.toYear = next.fromYear;
    if (next.trendFrom > next.toYear) next.trendFrom = next.toYear;
    setDraft(next);
  };
  const toggleMeasure = (name: string, on: boolean) => {
    const measures = on
      ? MEASURE_NAMES.filter((m) => m === name || draft.measures.includes(m))
      : draft.measures.filter((m) => m !== name);
    if (measures.length > 0) update({ measures });
  };
  const setBreakdown = (index: 0 | 1, value: string) => {
    const by = [...draft.by];
    if (value === '') by.splice(index);
    else by[index] = value as Dimension;
    update({ by: [...new Set(by)].slice(0, 2) });
  };
  const yearSelect = (
    id: string,
    label: string,
    value: number,
    change: (year: number) => void,
    min = FIRST_YEAR,
  ) => (
    <div className="jd-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => change(Number(e.target.value))}>
        {YEARS.filter((y) => y >= min).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="jd-controls" onSubmit={onSubmit} aria-label="What to show">
      <fieldset>
        <legend>Measures</legend>
        <div className="jd-measures">
          {AGENCIES.map((agency) => (
            <div key={agency} role="group" aria-labelledby={`jd-agency-${agency}`}>
              <h3 id={`jd-agency-${agency}`}>{agency}</h3>
              {JOL_MEASURES.filter((m) => m.agency === agency).map((m) => (
                <label key={m.name} className="jd-check" title={m.description}>
                  <input
                    type="checkbox"
                    name="measure"
                    value={m.name}
                    checked={draft.measures.includes(m.name)}
                    onChange={(e) => toggleMeasure(m.name, e.target.checked)}
                  />
                  {measureTitle(m.name)}
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Period</legend>
        <div className="jd-row">
          {yearSelect('jd-from', 'From', draft.fromYear, (fromYear) => update({ fromYear }))}
          {yearSelect('jd-to', 'To', draft.toYear, (toYear) => update({ toYear }), draft.fromYear)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Filters</legend>
        <div className="jd-field">
          <label htmlFor="jd-region">Region</label>
          <select
            id="jd-region"
            value={draft.region ?? ''}
            onChange={(e) => update({ region: e.target.value || null })}
          >
            <option value="">All regions</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </div>
        <div className="jd-row">
          <div className="jd-field">
            <label htmlFor="jd-sex">Sex</label>
            <select
              id="jd-sex"
              value={draft.sex ?? ''}
              onChange={(e) => update({ sex: e.target.value || null })}
            >
              <option value="">Both</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {labelOf('SEX', s)}
                </option>
              ))}
            </select>
          </div>
          <div className="jd-field">
            <label htmlFor="jd-age">Age band</label>
            <select
              id="jd-age"
              value={draft.ageBand ?? ''}
              onChange={(e) => update({ ageBand: e.target.value || null })}
            >
              <option value="">All ages</option>
              {AGE_BANDS.map((a) => (
                <option key={a} value={a}>
                  {labelOf('AGE_BAND', a)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="jd-field">
          <label htmlFor="jd-destination">Destination (country code)</label>
          <input
            id="jd-destination"
            value={draft.destination ?? ''}
            maxLength={2}
            pattern="[A-Za-z]{2}"
            placeholder="any, or RU, KZ, TR…"
            onChange={(e) => update({ destination: e.target.value.toUpperCase() || null })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Breakdowns (up to two)</legend>
        <div className="jd-row">
          <div className="jd-field">
            <label htmlFor="jd-by1">First</label>
            <select
              id="jd-by1"
              value={draft.by[0] ?? ''}
              onChange={(e) => setBreakdown(0, e.target.value)}
            >
              <option value="">None</option>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {dimensionName(d)}
                </option>
              ))}
            </select>
          </div>
          <div className="jd-field">
            <label htmlFor="jd-by2">Second</label>
            <select
              id="jd-by2"
              value={draft.by[1] ?? ''}
              disabled={draft.by.length === 0}
              onChange={(e) => setBreakdown(1, e.target.value)}
            >
              <option value="">None</option>
              {DIMENSIONS.filter((d) => d !== draft.by[0]).map((d) => (
                <option key={d} value={d}>
                  {dimensionName(d)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Charts</legend>
        <div className="jd-field">
          <label htmlFor="jd-focus">Measure charted</label>
          <select
            id="jd-focus"
            value={draft.focus}
            onChange={(e) => update({ focus: e.target.value })}
          >
            {draft.measures.map((m) => (
              <option key={m} value={m}>
                {measureTitle(m)}
              </option>
            ))}
          </select>
        </div>
        {yearSelect('jd-trend-from', 'Time series from', draft.trendFrom, (trendFrom) =>
          update({ trendFrom }),
        )}
      </fieldset>
      <button type="submit" className="jd-button jd-primary" id="jd-show">
        Show
      </button>
    </form>
  );
}

function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [purpose, setPurpose] = useState(
    () => sessionStorage.getItem(PURPOSE_KEY) ?? DEFAULT_PURPOSE,
  );
  const [draft, setDraft] = useState(() => parseView(location.search, VIEW_CONTEXT));
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const credentials = useRef({ token, purpose });
  credentials.current = { token, purpose };

  useEffect(() => {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  }, [token]);
  useEffect(() => {
    sessionStorage.setItem(PURPOSE_KEY, purpose);
  }, [purpose]);

  const show = useCallback(async (view: DashboardView) => {
    const { token: current, purpose: declared } = credentials.current;
    if (!current) {
      setResult({
        state: 'done',
        view,
        data: null,
        errors: [
          {
            message: 'Paste an analyst token into the Token field first.',
            extensions: { code: 'NO_TOKEN' },
          },
        ],
      });
      return;
    }
    setResult({ state: 'loading' });
    setResult(await runView(view, current, declared));
  }, []);

  // A shared link opens on its view; with a token already in this tab, it is shown at once.
  useEffect(() => {
    const canonical = viewToSearch(draft);
    if (location.search !== canonical) history.replaceState(null, '', canonical);
    if (credentials.current.token) void show(draft);
    const onPop = () => {
      const view = parseView(location.search, VIEW_CONTEXT);
      setDraft(view);
      void show(view);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
    // Once, on load: later views come from the form.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const search = viewToSearch(draft);
    if (location.search !== search) history.pushState(null, '', search);
    void show(draft);
  };

  const downloadCsv = async () => {
    if (result.state !== 'done') return;
    const response = await fetch(
      new URL(`indicators.csv${csvSearch(result.view)}`, document.baseURI),
      {
        headers: headersOf(token, purpose),
      },
    );
    if (!response.ok) {
      setResult({
        ...result,
        errors: [{ message: `The CSV export was refused (HTTP ${response.status}).` }],
      });
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    saveBlob(await response.blob(), name ?? 'jol-indicators.csv');
  };

  const done = result.state === 'done' ? result : null;
  const tables = useMemo(
    () =>
      done?.data?.table
        ? done.view.measures
            .map((m) => done.data!.table[m] as IndicatorTable | null | undefined)
            .filter((t): t is IndicatorTable => !!t)
        : [],
    [done],
  );
  const focusTable = tables.find((t) => t.measure === done?.view.focus) ?? null;
  // Some measures have a breakdown of their own (destination, sector) whatever `by` says.
  const ownBreakdown =
    focusTable && focusTable.dimensions.some((d) => !done?.view.by.includes(d as Dimension))
      ? focusTable.dimensions.map((d) => dimensionName(d).toLowerCase()).join(' and ')
      : null;
  const mapTable = done?.data?.map?.focus ?? null;
  const trendTable = done?.data?.trend?.focus ?? null;
  const options = useMemo(
    () => ({
      bar: focusTable ? barOption(focusTable, JOL_NOISE.maxNoise) : null,
      map: mapTable ? mapOption(mapTable, JOL_NOISE.maxNoise) : null,
      trend: trendTable ? trendOption(trendTable, JOL_NOISE.maxNoise) : null,
    }),
    [focusTable, mapTable, trendTable],
  );
  const period = done
    ? done.view.fromYear === done.view.toYear
      ? `${done.view.fromYear}`
      : `${done.view.fromYear}–${done.view.toYear}`
    : '';
  const focusTitle = done ? measureTitle(done.view.focus) : '';
  const by = done?.view.by.map((d) => dimensionName(d).toLowerCase()).join(' and ');

  return (
    <div className="jd-app">
      <header className="jd-bar">
        <form
          className="jd-credentials"
          onSubmit={(e) => e.preventDefault()}
          aria-label="Credentials"
        >
          <h1 className="jd-title">Jol indicators</h1>
          <div className="jd-field jd-token">
            <label htmlFor="jd-token">Token</label>
            <input
              id="jd-token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="Bearer token (JWT) of an ANALYST"
              value={token}
              aria-describedby="jd-token-hint"
              onChange={(e) => setToken(e.target.value.trim().replace(/^Bearer\s+/i, ''))}
            />
            <small id="jd-token-hint" className="jd-hint" data-testid="token-hint">
              {describeToken(token) || 'kept in this tab only, never in the link'}
            </small>
          </div>
          <button type="button" className="jd-button" onClick={() => setToken('')}>
            Forget
          </button>
          <div className="jd-field">
            <label htmlFor="jd-purpose">Purpose</label>
            <select id="jd-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              {JOL_PURPOSES.map(({ purpose: value, roles }) => (
                <option key={value} value={value}>
                  {value} ({roles.join(', ')})
                </option>
              ))}
            </select>
          </div>
        </form>
        <a className="jd-link" href="graphiql">
          GraphiQL
        </a>
      </header>
      <div className="jd-body">
        <Controls draft={draft} setDraft={setDraft} onSubmit={submit} />
        <main className="jd-main" aria-busy={result.state === 'loading'}>
          <div role="status" aria-live="polite" className="jd-status" data-testid="status">
            {result.state === 'idle' && 'Choose what to show, paste a token and press Show.'}
            {result.state === 'loading' && 'Loading…'}
            {done && done.data && `${focusTitle}, ${period}${by ? `, by ${by}` : ''}`}
          </div>
          {done && done.errors.length > 0 && (
            <div role="alert" className="jd-errors">
              {done.errors.map((error, i) => (
                <p key={i}>
                  {error.message}
                  {error.extensions?.code && <code> {error.extensions.code}</code>}
                </p>
              ))}
            </div>
          )}
          {tables.length > 0 && (
            <>
              <Disclosure tables={[...tables, ...(mapTable ? [mapTable] : [])]} />
              <div className="jd-charts">
                <Chart
                  id="jd-bar"
                  title={`${focusTitle}, ${period}`}
                  option={options.bar}
                  fileName={`jol-${done!.view.focus}-bar.png`}
                />
                <Chart
                  id="jd-map"
                  title={`${focusTitle} by region, ${period}`}
                  option={options.map}
                  fileName={`jol-${done!.view.focus}-map.png`}
                  note={
                    (ownBreakdown
                      ? `This measure is counted by ${ownBreakdown} only: it has no figure by region. `
                      : '') +
                    'Boundaries: Natural Earth (public domain), simplified. Bishkek and Osh city are drawn as circles.'
                  }
                />
                <Chart
                  id="jd-trend"
                  title={`${focusTitle} by year, ${done!.view.trendFrom}–${done!.view.toYear}`}
                  option={options.trend}
                  fileName={`jol-${done!.view.focus}-years.png`}
                />
              </div>
              <section aria-labelledby="jd-tables-title" className="jd-tables">
                <div className="jd-figure-head">
                  <h2 id="jd-tables-title">Tables, {period}</h2>
                  <button type="button" className="jd-button" onClick={() => void downloadCsv()}>
                    Download CSV
                  </button>
                </div>
                {tables.map((table) => (
                  <TableView key={table.measure} table={table} />
                ))}
              </section>
            </>
          )}
        </main>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The dashboard needs an element with id "root" in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
