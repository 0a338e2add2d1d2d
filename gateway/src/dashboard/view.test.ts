import { filterOf, parseView, viewToSearch, type ViewContext } from './view';

const CONTEXT: ViewContext = {
  measures: ['personsAbroad', 'returns', 'activeTbCases'],
  defaultMeasures: ['personsAbroad'],
  lastYear: 2026,
  regions: ['KG-GB', 'KG-GO', 'KG-B', 'KG-C', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y'],
};

describe('the dashboard view in the URL', () => {
  it('defaults to the first measure, the last full year, no filter and no breakdown', () => {
    expect(parseView('', CONTEXT)).toEqual({
      measures: ['personsAbroad'],
      focus: 'personsAbroad',
      fromYear: 2025,
      toYear: 2025,
      region: null,
      sex: null,
      ageBand: null,
      destination: null,
      by: [],
      trendFrom: 2016,
    });
  });

  it('reads every part of a view and writes it back unchanged', () => {
    const search =
      '?measures=personsAbroad,returns&chart=returns&from=2020&to=2024&region=KG-O&sex=FEMALE&ageBand=AGE_15_29&destination=RU&by=REGION,SEX&trendFrom=2010';
    const view = parseView(search, CONTEXT);
    expect(view).toEqual({
      measures: ['personsAbroad', 'returns'],
      focus: 'returns',
      fromYear: 2020,
      toYear: 2024,
      region: 'KG-O',
      sex: 'FEMALE',
      ageBand: 'AGE_15_29',
      destination: 'RU',
      by: ['REGION', 'SEX'],
      trendFrom: 2010,
    });
    expect(viewToSearch(view)).toBe(search);
  });

  it('drops what is not a valid choice instead of sending it on', () => {
    const view = parseView(
      '?measures=personsAbroad,person{pin},returns,returns&chart=pin&year=1999&region=KG-X&sex=OTHER&ageBand=AGE_1&destination=RUS&by=REGION,SEX,YEAR,PIN&trendFrom=2030',
      CONTEXT,
    );
    expect(view).toMatchObject({
      measures: ['personsAbroad', 'returns'],
      focus: 'personsAbroad',
      fromYear: 2025,
      toYear: 2025,
      region: null,
      sex: null,
      ageBand: null,
      destination: null,
      by: ['REGION', 'SEX'],
      trendFrom: 2016,
    });
  });

  it('refuses a period that ends before it starts or reaches past the current year', () => {
    expect(parseView('?from=2024&to=2020', CONTEXT)).toMatchObject({
      fromYear: 2025,
      toYear: 2025,
    });
    expect(parseView('?year=2027', CONTEXT)).toMatchObject({ fromYear: 2025, toYear: 2025 });
  });

  it('never writes anything but the view: no token, whatever else the URL held', () => {
    const view = parseView('?measures=returns&token=eyJhbGciOi&access_token=x', CONTEXT);
    const search = viewToSearch(view);
    expect(search).toBe('?measures=returns&year=2025&trendFrom=2016');
    expect(search).not.toMatch(/token|eyJ/);
  });

  it('turns a view into the IndicatorFilter the graph takes', () => {
    const view = parseView('?from=2020&to=2024&region=KG-N&destination=kz', CONTEXT);
    expect(filterOf(view)).toEqual({
      fromYear: 2020,
      toYear: 2024,
      region: 'KG-N',
      destination: 'KZ',
    });
    expect(filterOf(view, { fromYear: 2024, toYear: 2024 })).toEqual({
      year: 2024,
      region: 'KG-N',
      destination: 'KZ',
    });
  });
});
