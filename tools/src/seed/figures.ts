import { REGIONS, type RegionCode } from '@jol/kernel';

/**
 * Every number the synthetic population is drawn from, in one place. The first block holds the
 * published figures of /work/shared/design/DOMAIN.md with their sources; the second holds the
 * modelling choices that no source fixes, each marked as an assumption. Change a figure here and
 * the generator, its tests and the seeded data follow.
 */

export const SOURCES = {
  UCA_2019:
    'University of Central Asia (2019), policy brief "Developing a comprehensive long-term ' +
    'evidence-based migration policy for the Kyrgyz Republic"',
  IOM_2024: 'IOM, Kyrgyz citizens abroad by country of destination, end of 2024',
  EAEU_2019:
    'EAEU Agreement on pension provision for workers of the member states, signed 20 Dec 2019, ' +
    'in force 1 Jan 2021',
} as const;

/**
 * The synthetic "today", a constant so that the data never drifts: every generated fact happened
 * before it, whenever and wherever it is seeded (the services refuse dates after their own today,
 * which is later). Ongoing things (a stay abroad, a job) are open on it; an insurance period, whose
 * last day the Social Fund always records, runs to LAST_RECORDED_DAY at most. Records are stamped
 * with it (createdAt, updatedAt, and the time inside every generated ObjectId).
 */
export const REFERENCE_DATE = new Date(Date.UTC(2026, 0, 1));
/** The last day any fact is dated on: the day before REFERENCE_DATE. */
export const LAST_RECORDED_DAY = new Date(Date.UTC(2025, 11, 31));

// ---------------------------------------------------------------------------------------------
// Published figures (DOMAIN.md)
// ---------------------------------------------------------------------------------------------

/** Citizens working abroad in 2017, "more than 700,000" (UCA 2019). */
export const MIGRANTS_ABROAD_2017 = 700_000;
/** Of them in Russia in 2017 (UCA 2019). */
export const MIGRANTS_IN_RUSSIA_2017 = 665_000;
/** Re-entry bans to Russia in 2017, down from 118,000 in 2016 (UCA 2019). */
export const RUSSIAN_ENTRY_BANS_2017 = 83_000;
/** Children with parents working abroad, "over 61,000" (UCA 2019). */
export const CHILDREN_WITH_PARENTS_ABROAD = 61_000;
/** "Almost 40%" of Kyrgyz migrants in Russia are women (UCA 2019); applied to all migrants. */
export const WOMEN_SHARE_OF_MIGRANTS = 0.4;
/** People aged 15-29 are 60.46% of migrants abroad (UCA 2019). */
export const AGED_15_29_SHARE_OF_MIGRANTS = 0.6046;
/** Only 52% of citizens working in Russia speak Russian well (UCA 2019). */
export const RUSSIAN_SPOKEN_WELL_IN_RUSSIA = 0.52;
/** 45% of active TB cases registered in Kyrgyz medical facilities are returned migrants (UCA 2019). */
export const RETURNEE_SHARE_OF_ACTIVE_TB = 0.45;

/** Kyrgyz citizens abroad by destination, end of 2024 (IOM 2024), ISO 3166-1 alpha-2. */
export const DESTINATIONS_2024: Readonly<Record<string, number>> = {
  RU: 379_949,
  KZ: 70_000,
  US: 40_000,
  TR: 32_000,
  KR: 17_000,
  DE: 15_000,
  AE: 10_000,
};

/** EAEU members among the destinations: their pension institutions report periods (EAEU 2019). */
export const EAEU_PARTNERS: ReadonlySet<string> = new Set(['RU', 'KZ']);

/** Share of migrants in Russia with a re-entry ban: 83,000 / 665,000 = 12.5% (UCA 2019). */
export const ENTRY_BAN_SHARE_IN_RUSSIA = RUSSIAN_ENTRY_BANS_2017 / MIGRANTS_IN_RUSSIA_2017;
/** Children left behind per migrant abroad: 61,000 / 700,000 = 0.087 (UCA 2019). */
export const CHILDREN_PER_MIGRANT_ABROAD = CHILDREN_WITH_PARENTS_ABROAD / MIGRANTS_ABROAD_2017;

/** 2015 populations by region, as DOMAIN.md gives them and the kernel's REGIONS hold. */
export const REGION_POPULATION_2015: Readonly<Record<RegionCode, number>> = Object.fromEntries(
  Object.entries(REGIONS).map(([code, region]) => [code, region.population2015]),
) as Record<RegionCode, number>;

// ---------------------------------------------------------------------------------------------
// Modelling assumptions (no source fixes these; chosen to be plausible and to make the published
// figures above come out in the seeded data)
// ---------------------------------------------------------------------------------------------

/**
 * Assumption: the register's mix of statuses. Returnees are kept to about 15% of the people at
 * home, so that the 45% returnee share of active TB cases implies a far higher rate among them.
 */
export const STATUS_SHARES = { ABROAD: 0.48, RETURNED: 0.08, NEVER_LEFT: 0.44 } as const;

/** Assumption: women among people who never left (the resident population is about even). */
export const WOMEN_SHARE_OF_RESIDENTS = 0.51;

/**
 * Age bands (age on REFERENCE_DATE, inclusive) of migrants: 15-29 takes the published 60.46%; the
 * band starts at 18 because the register records departures of adults only. The rest is an
 * assumption.
 */
export const MIGRANT_AGE_BANDS: ReadonlyArray<readonly [[number, number], number]> = [
  [[18, 29], AGED_15_29_SHARE_OF_MIGRANTS],
  [[30, 44], 0.3],
  [[45, 59], 0.085],
  [[60, 64], 1 - AGED_15_29_SHARE_OF_MIGRANTS - 0.3 - 0.085],
];

/** Assumption: age bands of people who never left (adults 16 and over; median age 27.5 overall). */
export const RESIDENT_AGE_BANDS: ReadonlyArray<readonly [[number, number], number]> = [
  [[16, 29], 0.32],
  [[30, 44], 0.29],
  [[45, 59], 0.22],
  [[60, 85], 0.17],
];

/** Everyone in the register is at least this old; dependants left behind are younger. */
export const ADULT_REGISTER_MIN_AGE = 16;
/** Departures are recorded from the 18th birthday and from this year on. */
export const MIGRATION_MIN_AGE = 18;
export const FIRST_RECORDED_DEPARTURE = new Date(Date.UTC(2000, 0, 1));
/** The Social Fund's records start here (assumption). */
export const FIRST_INSURANCE_DAY = new Date(Date.UTC(1995, 0, 1));
/** Assumption: insured work at home ends at these ages (the statutory pension ages are used). */
export const PENSION_AGE = { MALE: 63, FEMALE: 58 } as const;

/**
 * Assumption: how much more likely a person from each region is to be abroad or to have returned
 * than its population share says. Returnees concentrate in Batken, Jalal-Abad and Osh (DOMAIN.md);
 * Bishkek and Chuy, where internal migrants go, send fewer abroad.
 */
export const REGION_EMIGRATION_FACTORS: Readonly<
  Record<'ABROAD' | 'RETURNED', Readonly<Record<RegionCode, number>>>
> = {
  ABROAD: {
    'KG-B': 1.8,
    'KG-J': 1.5,
    'KG-O': 1.5,
    'KG-GO': 1.1,
    'KG-T': 1.0,
    'KG-N': 0.9,
    'KG-Y': 0.7,
    'KG-C': 0.6,
    'KG-GB': 0.45,
  },
  RETURNED: {
    'KG-B': 2.6,
    'KG-J': 2.1,
    'KG-O': 2.1,
    'KG-GO': 1.1,
    'KG-T': 0.9,
    'KG-N': 0.8,
    'KG-Y': 0.6,
    'KG-C': 0.5,
    'KG-GB': 0.35,
  },
};

/** Assumption: a migrant returns to the same country for most stays (circular migration). */
export const SAME_DESTINATION_SHARE = 0.8;

/** Assumption: days abroad so far of a person now abroad, as [from, to] buckets with weights. */
export const CURRENT_STAY_DAYS: ReadonlyArray<readonly [[number, number], number]> = [
  [[20, 365], 0.4],
  [[366, 1095], 0.35],
  [[1096, 2920], 0.25],
];
/** Assumption: days since the last return of a returnee. */
export const DAYS_SINCE_RETURN: ReadonlyArray<readonly [[number, number], number]> = [
  [[30, 730], 0.5],
  [[731, 1825], 0.3],
  [[1826, 3650], 0.2],
];
/** Assumption: length in days of a closed stay: seasonal, a year or two, long-term. */
export const STAY_DAYS: ReadonlyArray<readonly [[number, number], number]> = [
  [[60, 240], 0.4],
  [[241, 730], 0.35],
  [[731, 2190], 0.25],
];
/** Assumption: days at home between two stays. */
export const HOME_GAP_DAYS: readonly [number, number] = [30, 720];
/** Assumption: earlier (closed) stays before the latest one. */
export const EARLIER_STAYS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.45],
  [1, 0.3],
  [2, 0.15],
  [3, 0.1],
];

/** Assumption: why people leave, for EAEU destinations and for the others. */
export const PURPOSE_WEIGHTS = {
  EAEU: { WORK: 0.9, FAMILY: 0.05, STUDY: 0.03, OTHER: 0.02 },
  OTHER: { WORK: 0.72, STUDY: 0.14, FAMILY: 0.09, OTHER: 0.05 },
} as const;

/** Assumption: cities of each destination, weighted; a tenth of departures name no city. */
export const CITIES: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  RU: [
    ['Moscow', 0.45],
    ['Saint Petersburg', 0.15],
    ['Yekaterinburg', 0.08],
    ['Novosibirsk', 0.07],
    ['Krasnoyarsk', 0.05],
    ['Kazan', 0.05],
    ['Irkutsk', 0.05],
    ['Surgut', 0.05],
    ['Tyumen', 0.05],
  ],
  KZ: [
    ['Almaty', 0.6],
    ['Astana', 0.3],
    ['Shymkent', 0.1],
  ],
  US: [
    ['New York', 0.4],
    ['Chicago', 0.25],
    ['Los Angeles', 0.2],
    ['Seattle', 0.15],
  ],
  TR: [
    ['Istanbul', 0.7],
    ['Ankara', 0.15],
    ['Antalya', 0.15],
  ],
  KR: [
    ['Seoul', 0.4],
    ['Ansan', 0.3],
    ['Incheon', 0.3],
  ],
  DE: [
    ['Berlin', 0.35],
    ['Munich', 0.3],
    ['Frankfurt am Main', 0.35],
  ],
  AE: [
    ['Dubai', 0.7],
    ['Abu Dhabi', 0.2],
    ['Sharjah', 0.1],
  ],
};
export const NO_CITY_SHARE = 0.1;

/**
 * Russian proficiency: among people who ever went to Russia, GOOD and FLUENT take the published
 * 52%; the split inside the two halves, and the other groups, are assumptions.
 */
export const RUSSIAN_PROFICIENCY_WEIGHTS = {
  EVER_IN_RUSSIA: {
    NONE: 0.12,
    BASIC: 1 - RUSSIAN_SPOKEN_WELL_IN_RUSSIA - 0.12,
    GOOD: 0.34,
    FLUENT: RUSSIAN_SPOKEN_WELL_IN_RUSSIA - 0.34,
  },
  OTHER_MIGRANT: { NONE: 0.1, BASIC: 0.32, GOOD: 0.36, FLUENT: 0.22 },
  NEVER_LEFT: { NONE: 0.15, BASIC: 0.33, GOOD: 0.3, FLUENT: 0.22 },
} as const;

/**
 * Probability that a person with a closed stay in Russia was banned on leaving it. Not every
 * person ever in Russia has a closed stay there (many are on their first), so this is above the
 * published 12.5%; it is calibrated so that about 12.5% of persons ever in Russia hold a ban.
 */
export const BAN_PROBABILITY_AFTER_CLOSED_RUSSIAN_STAY = 0.235;
/** Assumption: ban lengths in years (null: open-ended), and reasons. */
export const BAN_YEARS: ReadonlyArray<readonly [number | null, number]> = [
  [3, 0.5],
  [5, 0.3],
  [10, 0.15],
  [null, 0.05],
];
export const BAN_REASON_WEIGHTS = {
  ADMINISTRATIVE_OFFENCE: 0.5,
  OVERSTAY: 0.33,
  CRIMINAL_CONVICTION: 0.05,
  SANITARY: 0.06,
  OTHER: 0.06,
} as const;

/** Assumption: children recorded per parent who left children behind, and who looks after them. */
export const CHILDREN_PER_PARENT: ReadonlyArray<readonly [number, number]> = [
  [1, 0.5],
  [2, 0.35],
  [3, 0.15],
];
/** Parents abroad from this age on may have dependants recorded. */
export const PARENT_MIN_AGE = 20;
export const DEPENDANT_RELATION_WEIGHTS = {
  CHILD: 0.85,
  STEPCHILD: 0.05,
  GRANDCHILD: 0.05,
  WARD: 0.05,
} as const;
export const CAREGIVER_WEIGHTS = {
  OTHER_PARENT: 0.45,
  GRANDPARENT: 0.4,
  OTHER_RELATIVE: 0.1,
  NON_RELATIVE: 0.03,
  STATE_INSTITUTION: 0.02,
} as const;

/** Assumption: share of work that is under a written contract, by destination (women: x0.7). */
export const FORMAL_SHARE: Readonly<Record<string, number>> = {
  RU: 0.4,
  KZ: 0.3,
  US: 0.5,
  TR: 0.3,
  KR: 0.9,
  DE: 0.8,
  AE: 0.7,
};
export const FORMAL_SHARE_FACTOR_WOMEN = 0.7;
/** Assumption: informal workers who still hold a patent or permit. */
export const INFORMAL_WITH_PERMIT_SHARE = 0.2;
/** Assumption: jobs per stay abroad. */
export const JOBS_PER_STAY: ReadonlyArray<readonly [number, number]> = [
  [1, 0.55],
  [2, 0.3],
  [3, 0.15],
];
/** Assumption: a job in a stay that is still open is ongoing. */
export const ONGOING_JOB_SHARE = 0.8;
/** Assumption: sectors of work abroad; women cluster in services, catering, textiles, domestic work. */
export const SECTOR_WEIGHTS = {
  FEMALE: {
    SERVICES: 0.25,
    CATERING: 0.22,
    TRADE: 0.18,
    TEXTILES: 0.15,
    DOMESTIC_WORK: 0.12,
    MANUFACTURING: 0.04,
    AGRICULTURE: 0.02,
    OTHER: 0.02,
  },
  MALE: {
    CONSTRUCTION: 0.4,
    TRANSPORT: 0.15,
    TRADE: 0.12,
    MANUFACTURING: 0.1,
    AGRICULTURE: 0.08,
    SERVICES: 0.06,
    CATERING: 0.05,
    OTHER: 0.04,
  },
  /** South Korea's Employment Permit System recruits for factories and farms. */
  KR: { MANUFACTURING: 0.6, AGRICULTURE: 0.3, CONSTRUCTION: 0.1 },
} as const;

/** Assumption: migrants who pay voluntary contributions to the Social Fund from abroad. */
export const VOLUNTARY_CONTRIBUTOR_SHARE = 0.12;
/** Assumption: a stretch of time at home is covered by an insured job. */
export const DOMESTIC_INSURED_SHARE = 0.55;
/** Assumption: monthly wage at home, in KGS, and the pension contribution rate taken from it. */
export const DOMESTIC_MONTHLY_WAGE_KGS: readonly [number, number] = [12_000, 60_000];
export const PENSION_CONTRIBUTION_RATE = 0.1;
/** Assumption: monthly voluntary contribution, in KGS. */
export const VOLUNTARY_CONTRIBUTION_KGS: readonly [number, number] = [500, 3_000];
/** Mandatory contributions are recorded for the months from here to LAST_RECORDED_DAY. */
export const CONTRIBUTIONS_FROM = new Date(Date.UTC(2025, 0, 1));
/** Illustrative KGS per unit of each currency (rounded 2025 levels); not for any real conversion. */
export const KGS_PER_UNIT = {
  KGS: 1,
  RUB: 1.05,
  KZT: 0.17,
  USD: 87,
  EUR: 100,
  TRY: 2.2,
  KRW: 0.062,
} as const;
/** The currency a voluntary contributor abroad pays in when not paying in som. */
export const LOCAL_CURRENCY: Readonly<Record<string, keyof typeof KGS_PER_UNIT>> = {
  RU: 'RUB',
  KZ: 'KZT',
  US: 'USD',
  TR: 'TRY',
  KR: 'KRW',
  DE: 'EUR',
  AE: 'USD',
};

/**
 * Active TB: the base rate among people who never left is an assumption, set well above national
 * prevalence so that a 5,000-person seed holds cases to query. The returnee rate is derived so that
 * returnees hold the published 45% of active cases among people at home (people abroad are not
 * treated in Kyrgyz facilities): rate_R / rate_N = (0.45 / 0.55) * (share_N / share_R), about 4.5.
 */
export const ACTIVE_TB_RATE_NEVER_LEFT = 0.005;
export const ACTIVE_TB_RATE_RETURNED =
  ACTIVE_TB_RATE_NEVER_LEFT *
  (RETURNEE_SHARE_OF_ACTIVE_TB / (1 - RETURNEE_SHARE_OF_ACTIVE_TB)) *
  (STATUS_SHARES.NEVER_LEFT / STATUS_SHARES.RETURNED);
/** Assumption: a past, closed case; migrants get it in a stretch at home after a return. */
export const PAST_TB_RATE_NEVER_LEFT = 0.006;
export const PAST_TB_RATE_MIGRANT = 0.03;
/** Assumption: drug-resistant share (the Kyrgyz Republic has a high MDR-TB burden, WHO). */
export const DRUG_RESISTANT_TB_SHARE = 0.25;
/** Assumption: WHO outcomes of closed cases. */
export const TB_OUTCOME_WEIGHTS = {
  CURED: 0.45,
  TREATMENT_COMPLETED: 0.3,
  TREATMENT_FAILED: 0.05,
  DIED: 0.05,
  LOST_TO_FOLLOW_UP: 0.12,
  NOT_EVALUATED: 0.03,
} as const;

/** Assumption: screening on return from a stay abroad (TB, HIV), and before a visa country. */
export const RETURN_TB_SCREENING_SHARE = 0.5;
export const RETURN_HIV_SCREENING_SHARE = 0.15;
export const PRE_DEPARTURE_EXAM_SHARE = { VISA: 0.6, EAEU: 0.1 } as const;
export const RESIDENT_GENERAL_EXAM_SHARE = 0.25;
export const RESIDENT_TB_SCREENING_SHARE = 0.1;
export const HIV_POSITIVE_SHARE = 0.003;
export const INCONCLUSIVE_SHARE = 0.03;

/** Assumption: share of returnees enrolled in a reintegration programme after their last return. */
export const REINTEGRATION_SHARE = 0.2;
export const REINTEGRATION_PROGRAMME_WEIGHTS = {
  VOCATIONAL_TRAINING: 0.35,
  JOB_PLACEMENT: 0.25,
  SMALL_BUSINESS_GRANT: 0.15,
  LANGUAGE_COURSE: 0.1,
  COUNSELLING: 0.15,
} as const;

/** Assumption: a migrant with jobs declares skills; so do some people who never left. */
export const MIGRANT_SKILL_SHARE = 0.6;
export const RESIDENT_SKILL_SHARE = 0.25;
export const CERTIFIED_SKILL_SHARE = 0.4;

/** Assumption: who holds a health insurance record, by status. */
export const HEALTH_INSURANCE_RECORD_SHARE = { ABROAD: 0.6, RETURNED: 0.8, NEVER_LEFT: 0.75 };
export const MIGRANT_POLICY_SHARE_ABROAD = 0.65;
