import type { LabourSector } from '@jol/labour';
import type { PersonRecord } from '@jol/migration';
import { Sex, type RegionCode } from '@jol/kernel';
import type { Random } from './random';

/**
 * Names of people, employers, skills and medical facilities. Common Kyrgyz given names and surnames, each in Cyrillic with its passport-style Latin
 * transliteration (BGN/PCGN-like: ж zh, ч ch, ы y, ай ai). Surnames take -ов/-ова (-ov/-ova) or
 * -ев/-ева (-ev/-eva) by sex; patronymics take the Kyrgyz form "<father's name> уулу" (son of)
 * or "кызы" (daughter of), written as two words as in Kyrgyz passports.
 */

type Spelling = readonly [cyrillic: string, latin: string];
export type PersonName = PersonRecord['nameCyrillic'];

export const MALE_GIVEN_NAMES: readonly Spelling[] = [
  ['Азамат', 'Azamat'],
  ['Айбек', 'Aibek'],
  ['Айдар', 'Aidar'],
  ['Адилет', 'Adilet'],
  ['Алмаз', 'Almaz'],
  ['Асылбек', 'Asylbek'],
  ['Бакыт', 'Bakyt'],
  ['Бактыбек', 'Baktybek'],
  ['Бекзат', 'Bekzat'],
  ['Бектур', 'Bektur'],
  ['Данияр', 'Daniiar'],
  ['Жоомарт', 'Zhoomart'],
  ['Жыргалбек', 'Zhyrgalbek'],
  ['Замир', 'Zamir'],
  ['Канат', 'Kanat'],
  ['Кубанычбек', 'Kubanychbek'],
  ['Максат', 'Maksat'],
  ['Марат', 'Marat'],
  ['Мелис', 'Melis'],
  ['Мирлан', 'Mirlan'],
  ['Нурбек', 'Nurbek'],
  ['Нурлан', 'Nurlan'],
  ['Нурсултан', 'Nursultan'],
  ['Руслан', 'Ruslan'],
  ['Самат', 'Samat'],
  ['Талант', 'Talant'],
  ['Темирлан', 'Temirlan'],
  ['Тилек', 'Tilek'],
  ['Улан', 'Ulan'],
  ['Урмат', 'Urmat'],
  ['Чынгыз', 'Chyngyz'],
  ['Элдияр', 'Eldiiar'],
  ['Эрлан', 'Erlan'],
  ['Эрмек', 'Ermek'],
];

export const FEMALE_GIVEN_NAMES: readonly Spelling[] = [
  ['Айгуль', 'Aigul'],
  ['Айдай', 'Aidai'],
  ['Айжан', 'Aizhan'],
  ['Айнура', 'Ainura'],
  ['Айпери', 'Aiperi'],
  ['Айсулуу', 'Aisuluu'],
  ['Акмарал', 'Akmaral'],
  ['Асель', 'Asel'],
  ['Бактыгуль', 'Baktygul'],
  ['Бермет', 'Bermet'],
  ['Бурул', 'Burul'],
  ['Венера', 'Venera'],
  ['Гулзат', 'Gulzat'],
  ['Гульмира', 'Gulmira'],
  ['Гульнара', 'Gulnara'],
  ['Динара', 'Dinara'],
  ['Жазгуль', 'Zhazgul'],
  ['Жылдыз', 'Zhyldyz'],
  ['Зарина', 'Zarina'],
  ['Камила', 'Kamila'],
  ['Каныкей', 'Kanykei'],
  ['Мадина', 'Madina'],
  ['Мээрим', 'Meerim'],
  ['Назгуль', 'Nazgul'],
  ['Нургуль', 'Nurgul'],
  ['Нуриза', 'Nuriza'],
  ['Перизат', 'Perizat'],
  ['Салтанат', 'Saltanat'],
  ['Толгонай', 'Tolgonai'],
  ['Чолпон', 'Cholpon'],
  ['Элнура', 'Elnura'],
  ['Эльвира', 'Elvira'],
];

/** Surname stems and the ending they take: -ов/-ova or -ев/-eva. */
export const SURNAME_STEMS: ReadonlyArray<
  readonly [cyrillic: string, latin: string, ending: 'ov' | 'ev']
> = [
  ['Абдрахман', 'Abdrakhman', 'ov'],
  ['Абдыкадыр', 'Abdykadyr', 'ov'],
  ['Асан', 'Asan', 'ov'],
  ['Бообек', 'Boobek', 'ov'],
  ['Жапар', 'Zhapar', 'ov'],
  ['Ибраим', 'Ibraim', 'ov'],
  ['Исак', 'Isak', 'ov'],
  ['Кадыр', 'Kadyr', 'ov'],
  ['Касым', 'Kasym', 'ov'],
  ['Мамат', 'Mamat', 'ov'],
  ['Мамыт', 'Mamyt', 'ov'],
  ['Медер', 'Meder', 'ov'],
  ['Момун', 'Momun', 'ov'],
  ['Мукаш', 'Mukash', 'ov'],
  ['Орозбек', 'Orozbek', 'ov'],
  ['Осмон', 'Osmon', 'ov'],
  ['Садык', 'Sadyk', 'ov'],
  ['Султан', 'Sultan', 'ov'],
  ['Сыдык', 'Sydyk', 'ov'],
  ['Токтогул', 'Toktogul', 'ov'],
  ['Усуп', 'Usup', 'ov'],
  ['Эшим', 'Eshim', 'ov'],
  ['Акматали', 'Akmatali', 'ev'],
  ['Али', 'Ali', 'ev'],
  ['Баки', 'Baki', 'ev'],
  ['Бейшенали', 'Beishenali', 'ev'],
  ['Жумаба', 'Zhumaba', 'ev'],
  ['Осмонали', 'Osmonali', 'ev'],
  ['Сатыбалди', 'Satybaldi', 'ev'],
  ['Табылди', 'Tabyldi', 'ev'],
  ['Турдуба', 'Turduba', 'ev'],
];

const ENDINGS = {
  ov: { [Sex.MALE]: ['ов', 'ov'], [Sex.FEMALE]: ['ова', 'ova'] },
  ev: { [Sex.MALE]: ['ев', 'ev'], [Sex.FEMALE]: ['ева', 'eva'] },
} as const;

const PATRONYMIC_WORD = { [Sex.MALE]: ['уулу', 'uulu'], [Sex.FEMALE]: ['кызы', 'kyzy'] } as const;

/** A person's full name in both scripts: surname by sex, given name, patronymic from the father. */
export function drawName(random: Random, sex: Sex): { cyrillic: PersonName; latin: PersonName } {
  const [stemCy, stemLa, ending] = random.pick(SURNAME_STEMS);
  const [endCy, endLa] = ENDINGS[ending][sex];
  const [firstCy, firstLa] = random.pick(
    sex === Sex.FEMALE ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES,
  );
  const [fatherCy, fatherLa] = random.pick(MALE_GIVEN_NAMES);
  const [wordCy, wordLa] = PATRONYMIC_WORD[sex];
  return {
    cyrillic: { last: stemCy + endCy, first: firstCy, patronymic: `${fatherCy} ${wordCy}` },
    latin: { last: stemLa + endLa, first: firstLa, patronymic: `${fatherLa} ${wordLa}` },
  };
}

/** Company forms and name parts for employers in Russia and Kazakhstan, written in Cyrillic. */
const CYRILLIC_COMPANY_FORMS: Readonly<Record<string, readonly string[]>> = {
  RU: ['ООО', 'ООО', 'ИП', 'АО'],
  KZ: ['ТОО', 'ТОО', 'ИП', 'АО'],
};
const CYRILLIC_NAME_PARTS = [
  'Строй',
  'Монтаж',
  'Сервис',
  'Торг',
  'Транс',
  'Агро',
  'Текстиль',
  'Пром',
  'Снаб',
  'Инвест',
  'Альфа',
  'Гранит',
  'Восток',
  'Сибирь',
  'Дом',
] as const;
const LATIN_NAME_PARTS = [
  'Atlas',
  'Summit',
  'Pioneer',
  'Golden Gate',
  'Harbor',
  'Crescent',
  'Metro',
  'Prime',
  'Silk Road',
  'Alpine',
  'Bosphorus',
  'Hanil',
  'Daesung',
  'Rhein',
  'Oasis',
] as const;
const LATIN_COMPANY_FORMS: Readonly<Record<string, readonly string[]>> = {
  US: ['LLC', 'Inc.'],
  TR: ['Ltd. Sti.', 'A.S.'],
  KR: ['Co., Ltd.'],
  DE: ['GmbH', 'GmbH & Co. KG'],
  AE: ['LLC', 'FZE'],
};
const SECTOR_WORDS: Readonly<Record<LabourSector, string>> = {
  CONSTRUCTION: 'Construction',
  TRADE: 'Trading',
  SERVICES: 'Services',
  CATERING: 'Foods',
  TRANSPORT: 'Logistics',
  AGRICULTURE: 'Farms',
  MANUFACTURING: 'Industries',
  DOMESTIC_WORK: 'Home Care',
  TEXTILES: 'Textiles',
  OTHER: 'Group',
};

/** An employer's name as the labour ministry would record it, in the script of the country. */
export function drawEmployer(random: Random, country: string, sector: LabourSector): string {
  const cyrillicForms = CYRILLIC_COMPANY_FORMS[country];
  if (cyrillicForms) {
    const first = random.pick(CYRILLIC_NAME_PARTS);
    let second: string = random.pick(CYRILLIC_NAME_PARTS);
    if (second === first) second = 'Групп';
    return `${random.pick(cyrillicForms)} "${first}${second.toLowerCase()}"`;
  }
  const forms = LATIN_COMPANY_FORMS[country] ?? ['Ltd.'];
  return `${random.pick(LATIN_NAME_PARTS)} ${SECTOR_WORDS[sector]} ${random.pick(forms)}`;
}

/** Skills a worker in each sector declares; each person holds a name once. */
export const SKILLS_BY_SECTOR: Readonly<Record<LabourSector, readonly string[]>> = {
  CONSTRUCTION: [
    'Bricklaying',
    'Welding',
    'Plastering',
    'Concrete work',
    'Electrical installation',
  ],
  TRADE: ['Retail sales', 'Cash register operation', 'Warehouse management'],
  SERVICES: ['Cleaning services', 'Hairdressing', 'Elderly care'],
  CATERING: ['Cooking', 'Baking', 'Table service'],
  TRANSPORT: ['Driving (category C)', 'Driving (category B)', 'Forklift operation'],
  AGRICULTURE: ['Greenhouse farming', 'Animal husbandry', 'Tractor operation'],
  MANUFACTURING: ['Machine operation', 'Assembly line work', 'Quality control'],
  DOMESTIC_WORK: ['Childcare', 'Housekeeping'],
  TEXTILES: ['Sewing', 'Garment cutting', 'Embroidery'],
  OTHER: ['Computer literacy', 'Accounting', 'English language', 'Russian language'],
};

/** Bodies that certify skills: vocational lyceums and training centres at home. */
export const SKILL_CERTIFIERS: readonly string[] = [
  'Professional Lyceum No. 5, Osh',
  'Professional Lyceum No. 12, Jalal-Abad',
  'Professional Lyceum No. 98, Bishkek',
  'Batken Vocational Training Centre',
  'Pre-departure Training Centre of the Ministry of Labour, Bishkek',
  'Employment Permit System Korean Language Centre, Bishkek',
  'Chamber of Commerce and Industry of the Kyrgyz Republic',
];

/**
 * Medical facilities by region, illustrative names in the pattern of Kyrgyz public facilities:
 * where TB and HIV screening is done, and where general examinations are.
 */
export const FACILITIES: Readonly<
  Record<RegionCode, { tb: string; hiv: string; general: readonly string[] }>
> = {
  'KG-B': {
    tb: 'Batken Oblast TB Centre',
    hiv: 'Batken Oblast AIDS Centre',
    general: [
      'Batken Family Medicine Centre',
      'Kyzyl-Kiya City Hospital',
      'Isfana Territorial Hospital',
    ],
  },
  'KG-C': {
    tb: 'Chuy Oblast TB Centre',
    hiv: 'Chuy Oblast AIDS Centre',
    general: [
      'Tokmok Family Medicine Centre',
      'Kant Territorial Hospital',
      'Kara-Balta Family Medicine Centre',
    ],
  },
  'KG-J': {
    tb: 'Jalal-Abad Oblast TB Centre',
    hiv: 'Jalal-Abad Oblast AIDS Centre',
    general: [
      'Jalal-Abad Family Medicine Centre',
      'Bazar-Korgon Territorial Hospital',
      'Kerben Territorial Hospital',
    ],
  },
  'KG-N': {
    tb: 'Naryn Oblast TB Centre',
    hiv: 'Naryn Oblast AIDS Centre',
    general: ['Naryn Family Medicine Centre', 'At-Bashy Territorial Hospital'],
  },
  'KG-O': {
    tb: 'Osh Oblast TB Centre',
    hiv: 'Osh Oblast AIDS Centre',
    general: [
      'Kara-Suu Family Medicine Centre',
      'Uzgen Territorial Hospital',
      'Aravan Family Medicine Centre',
    ],
  },
  'KG-T': {
    tb: 'Talas Oblast TB Centre',
    hiv: 'Talas Oblast AIDS Centre',
    general: ['Talas Family Medicine Centre', 'Kara-Buura Territorial Hospital'],
  },
  'KG-Y': {
    tb: 'Issyk-Kul Oblast TB Centre',
    hiv: 'Issyk-Kul Oblast AIDS Centre',
    general: [
      'Karakol Family Medicine Centre',
      'Balykchy Territorial Hospital',
      'Cholpon-Ata Family Medicine Centre',
    ],
  },
  'KG-GB': {
    tb: 'National Centre of Phthisiology, Bishkek',
    hiv: 'Republican AIDS Centre, Bishkek',
    general: [
      'Bishkek Family Medicine Centre No. 1',
      'Bishkek Family Medicine Centre No. 6',
      'Bishkek Family Medicine Centre No. 9',
    ],
  },
  'KG-GO': {
    tb: 'Osh City TB Centre',
    hiv: 'Osh City AIDS Centre',
    general: ['Osh Family Medicine Centre No. 2', 'Osh City Clinical Hospital'],
  },
};
