/** The benchmarks' indicators query: every measure of the four agencies, with two breakdowns. */
const ROW = 'region sex ageBand destination year sector over value suppressed';
const TABLE = `measure agency unit dimensions minCellSize rows { ${ROW} } margins { ${ROW} } total { ${ROW} }`;
export const MEASURES = [
  'personsAbroad',
  'departures',
  'returns',
  'entryBans',
  'womenShareAbroad',
  'aged15To29ShareAbroad',
  'childrenWithParentAbroad',
  'destinations',
  'employedAbroad',
  'employmentAbroadBySector',
  'formalEmploymentShare',
  'reintegrationEnrolments',
  'reintegrationCompletions',
  'tbScreenedReturnees',
  'activeTbCases',
  'returneeShareOfActiveTb',
  'insuredAbroad',
  'voluntaryContributors',
  'personsWithTotalizedPeriods',
];
export const INDICATORS_QUERY = `query Bench($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
  indicators(filter: $filter, by: $by) { ${MEASURES.map((m) => `${m} { ${TABLE} }`).join(' ')} }
}`;
