import { formatIsoDate } from '@jol/kernel';
import {
  coverageByCountry,
  coverageOf,
  decisionsCoveredBy,
  periodsCoveredBy,
  reliedOn,
  type CoverageWindow,
} from './partner.coverage';
import type { PensionAgreementRecord } from './partner.model';
import { PENSION_AGREEMENTS, PENSION_PARTNERS } from './partner.registry';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const span = (from: string, to: string, id = `${from}..${to}`) => ({
  id,
  from: day(from),
  to: day(to),
});
const shown = (periods: { from: Date; to: Date; coveredBy?: string }[]) =>
  periods.map(
    (p) =>
      `${formatIsoDate(p.from)}..${formatIsoDate(p.to)}${p.coveredBy ? ` ${p.coveredBy}` : ''}`,
  );

const AGREEMENTS = new Map(PENSION_AGREEMENTS.map((a) => [a._id, a]));
const agreement = (code: string) => AGREEMENTS.get(code)!;
const partner = (code: string) => PENSION_PARTNERS.find((p) => p._id === code)!;
const relied = (partnerCode: string, code: string) =>
  partner(partnerCode).agreements.find((a) => a.agreement === code)!;

describe('coverageOf', () => {
  it('takes the EAEU agreement from its entry into force, 2021-01-01, with no end', () => {
    expect(coverageOf(agreement('EAEU-2019'), relied('RU-SFR', 'EAEU-2019'))).toEqual({
      agreement: 'EAEU-2019',
      from: day('2021-01-01'),
      until: null,
    });
  });

  it("narrows the CIS agreement to a partner's bounds: service before 2021 for Kazakhstan", () => {
    expect(coverageOf(agreement('CIS-1992'), relied('KZ-GK', 'CIS-1992'))).toEqual({
      agreement: 'CIS-1992',
      from: null,
      until: day('2020-12-31'),
    });
  });

  it('covers nothing under a lump-sum refund, or when the bounds leave no day', () => {
    const none = { periodsFrom: null, periodsUntil: null };
    expect(coverageOf(agreement('KG-KR-2015'), none)).toBeNull();
    expect(
      coverageOf(agreement('EAEU-2019'), { periodsFrom: null, periodsUntil: day('2020-06-30') }),
    ).toBeNull();
  });
});

describe('reliedOn', () => {
  it("stops Russia's reliance on the CIS agreement after 2022-12-31", () => {
    const cis = relied('RU-SFR', 'CIS-1992');
    expect(reliedOn(cis, day('2022-12-31'))).toBe(true);
    expect(reliedOn(cis, day('2023-01-01'))).toBe(false);
    expect(reliedOn(relied('RU-SFR', 'EAEU-2019'), day('2099-01-01'))).toBe(true);
  });
});

describe('periodsCoveredBy', () => {
  const eaeu: CoverageWindow = { agreement: 'EAEU-2019', from: day('2021-01-01'), until: null };
  const cis: CoverageWindow = { agreement: 'CIS-1992', from: null, until: day('2020-12-31') };

  it('leaves out periods before the window and clips one that straddles its start', () => {
    const periods = [
      span('2015-01-01', '2015-12-31'),
      span('2020-07-01', '2021-06-30'),
      span('2023-01-01', '2023-03-31'),
    ];
    expect(shown(periodsCoveredBy([eaeu], periods))).toEqual([
      '2021-01-01..2021-06-30 EAEU-2019',
      '2023-01-01..2023-03-31 EAEU-2019',
    ]);
  });

  it('keeps the rest of a clipped period (its id, type...) and never mutates the input', () => {
    const input = [{ ...span('2020-07-01', '2021-06-30', 'p1'), type: 'EMPLOYMENT' }];
    const [clipped] = periodsCoveredBy([eaeu], input);
    expect(clipped).toMatchObject({ id: 'p1', type: 'EMPLOYMENT', from: day('2021-01-01') });
    expect(input[0]!.from).toEqual(day('2020-07-01'));
  });

  it('covers a period once across adjacent windows (CIS until 2020, EAEU from 2021)', () => {
    expect(shown(periodsCoveredBy([eaeu, cis], [span('2019-01-01', '2022-12-31')]))).toEqual([
      '2019-01-01..2022-12-31 CIS-1992, EAEU-2019',
    ]);
  });

  it('splits a period over two windows with a gap between them', () => {
    const early: CoverageWindow = { agreement: 'A', from: null, until: day('2010-12-31') };
    const late: CoverageWindow = { agreement: 'B', from: day('2012-01-01'), until: null };
    expect(shown(periodsCoveredBy([late, early], [span('2010-06-01', '2012-06-30')]))).toEqual([
      '2010-06-01..2010-12-31 A',
      '2012-01-01..2012-06-30 B',
    ]);
  });

  it('covers nothing without a window, and everything with an unbounded one', () => {
    const periods = [span('1995-01-01', '1995-12-31')];
    expect(periodsCoveredBy([], periods)).toEqual([]);
    expect(shown(periodsCoveredBy([{ agreement: 'T', from: null, until: null }], periods))).toEqual(
      ['1995-01-01..1995-12-31 T'],
    );
  });

  it('includes both bound days: a one-day period on the first covered day counts', () => {
    expect(shown(periodsCoveredBy([eaeu], [span('2021-01-01', '2021-01-01')]))).toEqual([
      '2021-01-01..2021-01-01 EAEU-2019',
    ]);
    expect(periodsCoveredBy([eaeu], [span('2020-12-31', '2020-12-31')])).toEqual([]);
  });
});

describe('coverageByCountry', () => {
  const on = day('2025-06-01');
  const byCountry = coverageByCountry(AGREEMENTS, PENSION_PARTNERS, on);

  it('sums Russian periods only under the EAEU agreement: Russia left the CIS one', () => {
    expect(byCountry.get('RU')).toEqual({
      windows: [{ agreement: 'EAEU-2019', from: day('2021-01-01'), until: null }],
      lumpSumOnly: [],
      ended: [{ agreement: 'CIS-1992', endedOn: day('2022-12-31') }],
    });
  });

  it('sums Kazakh periods under the CIS agreement before 2021 and the EAEU one after', () => {
    const kz = byCountry.get('KZ')!;
    expect(kz.ended).toEqual([]);
    expect(new Set(kz.windows.map((w) => w.agreement))).toEqual(new Set(['EAEU-2019', 'CIS-1992']));
  });

  it('sums Turkish periods without bounds, and no Korean ones (lump-sum refund)', () => {
    expect(byCountry.get('TR')?.windows).toEqual([
      { agreement: 'KG-TR-2018', from: null, until: null },
    ]);
    expect(byCountry.get('KR')).toEqual({ windows: [], lumpSumOnly: ['KG-KR-2015'], ended: [] });
    expect(byCountry.get('US')).toBeUndefined();
  });

  it('counts no agreement before its entry into force, and Russia still in the CIS one in 2022', () => {
    const before = coverageByCountry(AGREEMENTS, PENSION_PARTNERS, day('2020-06-01'));
    expect(before.get('RU')?.windows.map((w) => w.agreement)).toEqual(['CIS-1992']);
    expect(before.get('TR')?.windows).toEqual([]);
  });
});

describe('decisionsCoveredBy', () => {
  it('keeps decisions effective while the agreement applied to the partner', () => {
    const decisions = [
      { id: 1, effectiveOn: day('2020-06-01') },
      { id: 2, effectiveOn: day('2021-01-01') },
      { id: 3, effectiveOn: day('2023-05-01') },
    ];
    const eaeu: PensionAgreementRecord = agreement('EAEU-2019');
    expect(decisionsCoveredBy(eaeu, { endedOn: null }, decisions).map((d) => d.id)).toEqual([2, 3]);
    expect(
      decisionsCoveredBy(eaeu, { endedOn: day('2022-12-31') }, decisions).map((d) => d.id),
    ).toEqual([2]);
  });
});
