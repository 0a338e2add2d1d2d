import { buildSchema } from 'graphql';
import { byParam, csvField, indicatorMeasures, indicatorsToCsv } from './indicators-csv';

const row = (fields: Record<string, unknown>) => ({
  region: null,
  sex: null,
  ageBand: null,
  destination: null,
  year: null,
  sector: null,
  over: [],
  value: null,
  suppressed: false,
  ...fields,
});

describe('indicators as CSV', () => {
  it('quotes fields as RFC 4180 says: commas, double quotes, line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('writes cells, margins and the total, withheld values empty, CRLF line ends', () => {
    const csv = indicatorsToCsv([
      {
        measure: 'personsAbroad',
        agency: 'migration',
        unit: 'PERSONS',
        dimensions: ['REGION', 'SEX'],
        rows: [
          row({ region: 'KG-O', sex: 'FEMALE', value: 40 }),
          row({ region: 'KG-O', sex: 'MALE', suppressed: true }),
        ],
        margins: [row({ region: 'KG-O', over: ['SEX'], value: 47 })],
        total: row({ over: ['REGION', 'SEX'], value: 47 }),
        asOf: '2025-12-31',
      },
      {
        measure: 'activeTbCases',
        agency: 'health',
        unit: 'PERSONS',
        dimensions: ['DESTINATION'],
        rows: [row({ destination: 'RU', value: 12 }), row({ destination: null, value: 30 })],
        margins: [],
        total: row({ over: ['DESTINATION'], value: 42 }),
        asOf: null,
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'measure,agency,unit,kind,region,sex,age_band,destination,year,sector,value,suppressed,as_of',
      'personsAbroad,migration,PERSONS,cell,KG-O,FEMALE,,,,,40,false,2025-12-31',
      'personsAbroad,migration,PERSONS,cell,KG-O,MALE,,,,,,true,2025-12-31',
      'personsAbroad,migration,PERSONS,margin,KG-O,TOTAL,,,,,47,false,2025-12-31',
      'personsAbroad,migration,PERSONS,total,TOTAL,TOTAL,,,,,47,false,2025-12-31',
      'activeTbCases,health,PERSONS,cell,,,,RU,,,12,false,',
      'activeTbCases,health,PERSONS,cell,,,,NONE,,,30,false,',
      'activeTbCases,health,PERSONS,total,,,,TOTAL,,,42,false,',
      '',
    ]);
  });

  it('finds the measures in the schema: the fields of Indicators that are tables', () => {
    const schema = buildSchema(`
      type Query { indicators: Indicators }
      type Indicators { key: String! personsAbroad: IndicatorTable activeTbCases: IndicatorTable }
      type IndicatorTable { measure: String }
    `);
    expect(indicatorMeasures(schema)).toEqual(['personsAbroad', 'activeTbCases']);
    expect(indicatorMeasures(undefined)).toEqual([]);
  });

  it('reads `by` by the names it lists, and no name Object.prototype has', () => {
    expect(byParam('region, AGE_BAND,ageBand')).toEqual(['REGION', 'AGE_BAND', 'AGE_BAND']);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect(() => byParam(name)).toThrow(
        `by must list region, sex, age_band, destination or year; got "${name}"`,
      );
  });
});
