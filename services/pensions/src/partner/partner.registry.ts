import type {
  PensionAgreementModel,
  PensionAgreementRecord,
  PensionPartnerModel,
  PensionPartnerRecord,
} from './partner.model';
import { PensionAgreementBenefit, PensionPartnerStatus } from './partner.type';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** The day before the EAEU agreement entered into force: the last day of periods left to older agreements. */
const BEFORE_EAEU = day('2020-12-31');

/**
 * The agreements the Social Fund exchanges pension data under. Facts and where they were checked:
 *
 * - EAEU-2019: signed 20 Dec 2019, in force 1 Jan 2021 for Armenia, Belarus, Kazakhstan, the
 *   Kyrgyz Republic and Russia. Each state assigns and pays for the service earned on its territory
 *   after entry into force; service earned before falls under national law and the CIS agreement of
 *   13 March 1992 (Art. 12). Periods are summed when one state's service is not enough.
 *   https://egov.kz/cms/en/articles/enpf/eaes-1 and https://www.gov.kz/situations/375/intro?lang=en
 * - CIS-1992: the Agreement on guarantees of the rights of CIS citizens in pension provision of
 *   13 March 1992: the state of residence pays, counting service in the USSR and the parties.
 *   Russia denounced it by federal law signed 11 June 2022, effective 1 January 2023.
 *   https://cis-legislation.com/document.fwx?rgn=7364,
 *   https://www.tellerreport.com/news/2022-06-11-putin-signed-the-law-on-the-denunciation-of-the-agreement-on-pension-rights-of-citizens-of-the-cis-countries.rJH3y4fY5.html,
 *   https://asiaplustj.info/en/news/world/20220525/russia-decides-to-refuse-to-pay-pensions-to-guest-workers-due-to-lack-of-money-in-the-budget
 * - KG-TR-2018: the social security agreement signed in Ankara on 9 April 2018, in force since
 *   1 November 2020 (Turkish Ministry of Labour and Social Security; the Social Fund's deputy chair
 *   in December 2020). Periods in both countries are summed. A 2025 press report says it "took
 *   effect in 2025"; the ministry's dated notice is kept. Whether periods before entry into force
 *   count is not stated in the sources checked; like other Turkish agreements it is taken to count
 *   them (no lower bound).
 *   https://www.csgb.gov.tr/digm/haberler/turkiye-ile-kirgizistan-arasinda-imzalanan-sosyal-guvenlik-anlasmasi-yururluge-girdi/,
 *   https://en.trend.az/casia/kyrgyzstan/3350533.html
 * - KG-KR-2015: a memorandum between the Social Fund and Korea's National Pension Service (signed
 *   30 July 2015, approved by Government order No. 579 of 2 December 2015): Kyrgyz workers claim
 *   their National Pension lump-sum refund through the Social Fund. No periods are summed.
 *   http://socfond.kg/kg/news/571-Kyrghyzstan-mienien-Korieia-ortosunda-piensiialyk-/,
 *   https://www.jjan.kr/articleAmp/20150730555736
 */
export const PENSION_AGREEMENTS: readonly PensionAgreementRecord[] = [
  {
    _id: 'EAEU-2019',
    title:
      'Agreement on pension provision for workers of the member states of the Eurasian Economic Union',
    signedOn: day('2019-12-20'),
    inForceFrom: day('2021-01-01'),
    parties: ['AM', 'BY', 'KG', 'KZ', 'RU'],
    benefit: PensionAgreementBenefit.TOTALIZATION,
    periodsFrom: day('2021-01-01'),
    periodsUntil: null,
    source: 'https://egov.kz/cms/en/articles/enpf/eaes-1',
  },
  {
    _id: 'CIS-1992',
    title:
      'Agreement on guarantees of the rights of citizens of the CIS member states in the field of pension provision',
    signedOn: day('1992-03-13'),
    inForceFrom: day('1992-03-13'),
    parties: ['AM', 'BY', 'KG', 'KZ', 'MD', 'RU', 'TJ', 'TM', 'UA', 'UZ'],
    benefit: PensionAgreementBenefit.RESIDENCE,
    periodsFrom: null,
    periodsUntil: null,
    source: 'https://cis-legislation.com/document.fwx?rgn=7364',
  },
  {
    _id: 'KG-TR-2018',
    title:
      'Agreement on social security between the Government of the Kyrgyz Republic and the Government of the Republic of Turkiye',
    signedOn: day('2018-04-09'),
    inForceFrom: day('2020-11-01'),
    parties: ['KG', 'TR'],
    benefit: PensionAgreementBenefit.TOTALIZATION,
    periodsFrom: null,
    periodsUntil: null,
    source:
      'https://www.csgb.gov.tr/digm/haberler/turkiye-ile-kirgizistan-arasinda-imzalanan-sosyal-guvenlik-anlasmasi-yururluge-girdi/',
  },
  {
    _id: 'KG-KR-2015',
    title:
      'Memorandum between the Social Fund of the Kyrgyz Republic and the National Pension Service of the Republic of Korea on the payment of pension benefits',
    signedOn: day('2015-07-30'),
    inForceFrom: day('2015-12-02'),
    parties: ['KG', 'KR'],
    benefit: PensionAgreementBenefit.LUMP_SUM_REFUND,
    periodsFrom: null,
    periodsUntil: null,
    source: 'http://socfond.kg/kg/news/571-Kyrghyzstan-mienien-Korieia-ortosunda-piensiialyk-/',
  },
];

/**
 * The partner institutions, real ones of Russia, Kazakhstan and Turkiye:
 *
 * - RU-SFR: the Pension and Social Insurance Fund of the Russian Federation (Social Fund of
 *   Russia), formed on 1 January 2023 by merging the Pension Fund and the Social Insurance Fund
 *   (https://sfr.gov.ru/en/press_center/~2023/12/22/276528). Knows persons by SNILS.
 * - KZ-GK: the State Corporation "Government for Citizens", which assigns and pays state pensions
 *   (it absorbed the State Centre for Pension Payments). Knows persons by IIN (12 digits).
 * - KZ-ENPF: the Unified Accumulative Pension Fund, which pays out pension savings, exported under
 *   the EAEU agreement (https://egov.kz/cms/en/articles/enpf/eaes-1).
 * - TR-SGK: the Social Security Institution (Sosyal Guvenlik Kurumu). Knows persons by the
 *   Turkish identity number (T.C. Kimlik No, 11 digits).
 */
export const PENSION_PARTNERS: readonly PensionPartnerRecord[] = [
  {
    _id: 'RU-SFR',
    country: 'RU',
    name: 'Social Fund of Russia',
    nativeName: 'Фонд пенсионного и социального страхования Российской Федерации',
    personIdName: 'SNILS',
    status: PensionPartnerStatus.ACTIVE,
    agreements: [
      { agreement: 'EAEU-2019', periodsFrom: null, periodsUntil: null, endedOn: null, note: null },
      {
        agreement: 'CIS-1992',
        periodsFrom: null,
        periodsUntil: BEFORE_EAEU,
        endedOn: day('2022-12-31'),
        note: 'Russia denounced the agreement with effect from 1 January 2023.',
      },
    ],
  },
  {
    _id: 'KZ-GK',
    country: 'KZ',
    name: 'State Corporation "Government for Citizens"',
    nativeName: 'НАО «Государственная корпорация «Правительство для граждан»',
    personIdName: 'IIN',
    status: PensionPartnerStatus.ACTIVE,
    agreements: [
      { agreement: 'EAEU-2019', periodsFrom: null, periodsUntil: null, endedOn: null, note: null },
      {
        agreement: 'CIS-1992',
        periodsFrom: null,
        periodsUntil: BEFORE_EAEU,
        endedOn: null,
        note: 'Service before 1 January 2021 (EAEU agreement, Art. 12).',
      },
    ],
  },
  {
    _id: 'KZ-ENPF',
    country: 'KZ',
    name: 'Unified Accumulative Pension Fund',
    nativeName: 'АО «Единый накопительный пенсионный фонд»',
    personIdName: 'IIN',
    status: PensionPartnerStatus.ACTIVE,
    agreements: [
      {
        agreement: 'EAEU-2019',
        periodsFrom: null,
        periodsUntil: null,
        endedOn: null,
        note: 'Export of pension savings.',
      },
    ],
  },
  {
    _id: 'TR-SGK',
    country: 'TR',
    name: 'Social Security Institution',
    nativeName: 'Sosyal Güvenlik Kurumu',
    personIdName: 'TCKN',
    status: PensionPartnerStatus.ACTIVE,
    agreements: [
      { agreement: 'KG-TR-2018', periodsFrom: null, periodsUntil: null, endedOn: null, note: null },
    ],
  },
];

/**
 * Writes the registry's reference data by code: running it twice changes nothing, and an edit here
 * reaches the store at the next start. A partner's status is only set when the partner is first
 * written: an operator's suspension in the store survives restarts.
 */
export async function ensurePartnerRegistry(models: {
  PensionAgreement: PensionAgreementModel;
  PensionPartner: PensionPartnerModel;
}): Promise<void> {
  await models.PensionAgreement.bulkWrite(
    PENSION_AGREEMENTS.map((agreement) => ({
      replaceOne: { filter: { _id: agreement._id }, replacement: agreement, upsert: true },
    })),
  );
  await models.PensionPartner.bulkWrite(
    PENSION_PARTNERS.map(({ _id, status, ...reference }) => ({
      updateOne: {
        filter: { _id },
        update: { $set: reference, $setOnInsert: { status } },
        upsert: true,
      },
    })),
  );
}
