import { defineMeasures, IndicatorUnit } from '@jol/statistics';

const BY_COUNTRY =
  'counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person';

/**
 * Consular measures, in the order of their fields on `Indicators`: assistance cases by country
 * (DESTINATION) and type, each type a measure of its own, so that the cell key method perturbs
 * each (country, type) cell as it does every other cube's.
 */
export const consularMeasures = defineMeasures('consular', {
  assistanceCases: {
    description: `Persons with a consular assistance case opened in the year, of any type, once per year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'assistanceCases',
  },
  legalAidCases: {
    description: `Persons given legal aid abroad (accused, convicted or sued) in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'legalAidCases',
  },
  detentionCases: {
    description: `Persons detained or imprisoned abroad with a case opened in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'detentionCases',
  },
  hospitalisationCases: {
    description: `Persons hospitalised abroad with a case opened in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'hospitalisationCases',
  },
  deathsAbroad: {
    description: `Deaths abroad with a case opened in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'deathsAbroad',
  },
  repatriationCases: {
    description: `Persons (or remains) repatriated with a case opened in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'repatriationCases',
  },
  lostDocumentsCases: {
    description: `Persons who lost their documents abroad, with a case opened in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'lostDocumentsCases',
  },
  labourExploitationCases: {
    description: `Persons exploited at work or trafficked abroad, with a case opened in the year; ${BY_COUNTRY}.`,
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'labourExploitationCases',
  },
});

/** Cube measures the consular build counts. */
export const CONSULAR_CUBE = consularMeasures.cube;

/** Every measure of the agency: what the differencing harness attacks. */
export const CONSULAR_MEASURES = consularMeasures.list;
