import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for Jol's client-facing API schema (schema/api.graphql, written by `npm run compose`) and
 * the operations a system sends: the agency operations under src/operations and the partner
 * institutions' registered operations. Jol's custom scalars travel as JSON strings, so they are
 * typed `string`, in these formats:
 *
 * - `PIN`: 14 digits, first 1 or 2, digits 2-9 a calendar date DDMMYYYY (`10104196849287`);
 * - `Date`: a calendar date, ISO 8601 `YYYY-MM-DD` (`2025-03-01`);
 * - `CountryCode`: ISO 3166-1 alpha-2, upper case (`RU`, `KZ`, `TR`);
 * - `Region`: ISO 3166-2:KG (`KG-B`, `KG-C`, `KG-J`, `KG-N`, `KG-O`, `KG-T`, `KG-Y`, `KG-GB`,
 *   `KG-GO`).
 *
 * A scalar added to the graph without a line here fails the generation (`strictScalars`).
 */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/operations/*.graphql', '../gateway/src/partner-operations/operations/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        strictScalars: true,
        scalars: {
          PIN: { input: 'string', output: 'string' },
          Date: { input: 'string', output: 'string' },
          CountryCode: { input: 'string', output: 'string' },
          Region: { input: 'string', output: 'string' },
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
