import type { ApolloServer } from '@apollo/server';
import type { Request, Response } from 'express';
import {
  getNamedType,
  isObjectType,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { bindAccessLine, ErrorCode, requestIdOf, type Caller, type Logger } from '@jol/kernel';
import { createGatewayContext, type GatewayContext } from './context';

/**
 * `GET /indicators.csv?filter=<json>&by=region,sex&measures=personsAbroad,departures`: the
 * indicators of the graph as CSV (RFC 4180), for the spreadsheets analysts already use. It runs
 * one `indicators` operation through the gateway's own Apollo Server with the caller's context, so
 * the token, X-Purpose, access rules, audit and disclosure control are exactly those of the
 * GraphQL endpoint: a withheld cell has an empty value and `suppressed` true.
 */

/** The columns, in order; every table fills the dimensions it has. */
export const CSV_COLUMNS = [
  'measure',
  'agency',
  'unit',
  'kind',
  'region',
  'sex',
  'age_band',
  'destination',
  'year',
  'sector',
  'value',
  'suppressed',
  'as_of',
] as const;

const DIMENSION_COLUMNS = {
  REGION: 'region',
  SEX: 'sex',
  AGE_BAND: 'age_band',
  DESTINATION: 'destination',
  YEAR: 'year',
  SECTOR: 'sector',
} as const;
type Dimension = keyof typeof DIMENSION_COLUMNS;

/** The names the `by` parameter accepts for each dimension, besides the enum value itself. */
const BY_NAMES: Record<string, Dimension> = {
  region: 'REGION',
  sex: 'SEX',
  ageband: 'AGE_BAND',
  age_band: 'AGE_BAND',
  destination: 'DESTINATION',
  year: 'YEAR',
};

interface CsvRow {
  region: string | null;
  sex: string | null;
  ageBand: string | null;
  destination: string | null;
  year: number | null;
  sector: string | null;
  over: Dimension[];
  value: number | null;
  suppressed: boolean;
}

interface CsvTable {
  measure: string;
  agency: string;
  unit: string;
  dimensions: Dimension[];
  rows: CsvRow[];
  margins: CsvRow[];
  total: CsvRow;
  /** The last day the agency's statistics cover (YYYY-MM-DD); null before its first build. */
  asOf: string | null;
}

const ROW = 'region sex ageBand destination year sector over value suppressed';
const TABLE = `measure agency unit dimensions asOf rows { ${ROW} } margins { ${ROW} } total { ${ROW} }`;

/** Quotes a field when RFC 4180 requires it: a comma, a double quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * One line per cell, then margins, then the total of each table. A dimension a row is totalled
 * over reads TOTAL; in a dimension the table has, an empty value of the data (no destination)
 * reads NONE; dimensions the table does not have are empty. `as_of` repeats the table's asOf on
 * every line, so that a line copied elsewhere still says which day it counts up to.
 */
export function indicatorsToCsv(tables: readonly CsvTable[]): string {
  let csv = csvLine(CSV_COLUMNS);
  for (const table of tables) {
    const lines: Array<[string, CsvRow]> = [
      ...table.rows.map((row) => ['cell', row] as [string, CsvRow]),
      ...table.margins.map((row) => ['margin', row] as [string, CsvRow]),
      ['total', table.total],
    ];
    for (const [kind, row] of lines) {
      const values: Record<(typeof DIMENSION_COLUMNS)[Dimension], string | number | null> = {
        region: row.region,
        sex: row.sex,
        age_band: row.ageBand,
        destination: row.destination,
        year: row.year,
        sector: row.sector,
      };
      const cells = Object.fromEntries(
        (Object.entries(DIMENSION_COLUMNS) as Array<[Dimension, keyof typeof values]>).map(
          ([dimension, column]) => {
            if (!table.dimensions.includes(dimension)) return [column, ''];
            if (row.over.includes(dimension)) return [column, 'TOTAL'];
            const value = values[column];
            return [column, value === null ? 'NONE' : String(value)];
          },
        ),
      );
      csv += csvLine(
        CSV_COLUMNS.map((column) => {
          switch (column) {
            case 'measure':
              return table.measure;
            case 'agency':
              return table.agency;
            case 'unit':
              return table.unit;
            case 'kind':
              return kind;
            case 'value':
              return row.value === null ? '' : String(row.value);
            case 'suppressed':
              return String(row.suppressed);
            case 'as_of':
              return table.asOf ?? '';
            default:
              return cells[column] ?? '';
          }
        }),
      );
    }
  }
  return csv;
}

/** The measures of `Indicators` in the supergraph: its fields of type IndicatorTable. */
export function indicatorMeasures(schema: GraphQLSchema | undefined): string[] {
  const type = schema?.getType('Indicators');
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields())
    .filter((field) => getNamedType(field.type).name === 'IndicatorTable')
    .map((field) => field.name);
}

class CsvRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function listParam(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new CsvRequestError(
      400,
      ErrorCode.BAD_USER_INPUT,
      `${name} must be given once, comma-separated`,
    );
  }
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function filterParam(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  const refuse = () =>
    new CsvRequestError(
      400,
      ErrorCode.BAD_USER_INPUT,
      'filter must be a JSON object such as {"year":2025,"region":"KG-O"}',
    );
  if (typeof value !== 'string' || value.length > 2_000) throw refuse();
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refuse();
    return parsed as Record<string, unknown>;
  } catch {
    throw refuse();
  }
}

/**
 * The `by` parameter as dimensions. Names are looked up as own keys only: `constructor` or
 * `__proto__` would otherwise find Object.prototype's and reach GraphQL as a dimension.
 */
export function byParam(value: unknown): Dimension[] | undefined {
  return listParam(value, 'by')?.map((name) => {
    const lower = name.toLowerCase();
    const dimension = Object.hasOwn(BY_NAMES, lower)
      ? BY_NAMES[lower]
      : Object.hasOwn(DIMENSION_COLUMNS, name)
        ? (name as Dimension)
        : undefined;
    if (!dimension) {
      throw new CsvRequestError(
        400,
        ErrorCode.BAD_USER_INPUT,
        `by must list region, sex, age_band, destination or year; got ${JSON.stringify(name)}`,
      );
    }
    return dimension;
  });
}

function measuresParam(value: unknown, known: readonly string[]): string[] {
  const asked = listParam(value, 'measures') ?? [...known];
  if (asked.length === 0)
    throw new CsvRequestError(
      400,
      ErrorCode.BAD_USER_INPUT,
      'measures must name at least one measure',
    );
  for (const measure of asked) {
    if (!known.includes(measure)) {
      throw new CsvRequestError(
        400,
        ErrorCode.BAD_USER_INPUT,
        `measures must be among ${known.join(', ')}; got ${JSON.stringify(measure)}`,
      );
    }
  }
  return [...new Set(asked)];
}

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.OVERLOADED]: 503,
};

/** The HTTP status of a failed operation: the first error's code decides, else a bad gateway. */
function statusOf(errors: readonly GraphQLFormattedError[]): number {
  for (const error of errors) {
    const status = STATUS[String(error.extensions?.code)];
    if (status) return status;
  }
  return 502;
}

export interface IndicatorsCsvOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The schema the gateway serves, for the list of measures. */
  schema: () => GraphQLSchema | undefined;
  log: Logger;
}

/** The route's handler; it runs behind the same authentication middleware as /graphql. */
export function createIndicatorsCsvHandler(options: IndicatorsCsvOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const measures = measuresParam(req.query.measures, indicatorMeasures(options.schema()));
      const filter = filterParam(req.query.filter);
      const by = byParam(req.query.by);
      const query = `query IndicatorsCsv($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
  indicators(filter: $filter, by: $by) { ${measures.map((m) => `${m} { ${TABLE} }`).join(' ')} }
}`;
      const contextValue: GatewayContext = {
        ...createGatewayContext(
          requestIdOf(res),
          req.headers,
          options.log,
          (res.locals.caller as Caller) ?? null,
        ),
        ownOperation: true,
      };
      bindAccessLine(contextValue, res);
      const response = await options.apollo.executeOperation(
        { query, variables: { filter, by }, operationName: 'IndicatorsCsv' },
        { contextValue },
      );
      if (response.body.kind !== 'single')
        throw new Error('incremental responses are not used in Jol');
      const { data, errors } = response.body.singleResult;
      const indicators = (data as { indicators?: Record<string, CsvTable | null> } | null)
        ?.indicators;
      const tables = measures.map((measure) => indicators?.[measure] ?? null);
      if (errors?.length || tables.some((table) => table === null)) {
        const all = errors ?? [];
        // A refusal of the heavy-operation pool says when to come back.
        const retryAfter = response.http.headers.get('retry-after');
        if (retryAfter) res.setHeader('Retry-After', retryAfter);
        res.status(statusOf(all)).json({ errors: all });
        return;
      }
      const scope =
        filter?.year ?? (filter?.fromYear ? `${filter.fromYear}-${filter.toYear}` : 'last-year');
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader(
          'Content-Disposition',
          `attachment; filename="jol-indicators-${String(scope).replace(/[^0-9a-z-]/gi, '')}.csv"`,
        )
        .send(indicatorsToCsv(tables as CsvTable[]));
    } catch (error) {
      if (error instanceof CsvRequestError) {
        res
          .status(error.status)
          .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
        return;
      }
      options.log.error({ err: error }, 'indicators CSV failed');
      res.status(500).json({
        errors: [
          {
            message: 'The indicators could not be exported',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          },
        ],
      });
    }
  };
}
