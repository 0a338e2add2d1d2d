import { ObjectId } from 'mongodb';
import {
  Caregiver,
  DependantRelation,
  EntryBanReason,
  MigrationPurpose,
  MigrationStatus,
  nameKeysOf,
  RussianProficiency,
  type DependantRecord,
  type EntryBanRecord,
  type EpisodeRecord,
  type PersonRecord,
} from '@jol/migration';
import {
  LabourSector,
  ReintegrationProgramme,
  ReintegrationStatus,
  SkillLevel,
  WorkPermitType,
  type EmploymentGuardRecord,
  type EmploymentRecordRecord,
  type ReintegrationEnrolmentRecord,
  type SkillRecord,
} from '@jol/labour';
import {
  HealthInsuranceScheme,
  HealthInsuranceStatus,
  ScreeningKind,
  ScreeningResult,
  TbOutcome,
  TbTreatmentStatus,
  treatmentStatusForOutcome,
  type HealthInsuranceRecord,
  type HealthScreeningRecord,
  type TbCaseRecord,
} from '@jol/health';
import {
  ContributionKind,
  HOME_COUNTRY,
  InsurancePeriodSource,
  InsurancePeriodType,
  PensionCurrency,
  type ContributionRecord,
  type InsurancePeriodLockRecord,
  type InsurancePeriodRecord,
} from '@jol/pensions';
import type { AssistanceCaseRecord, ConsularRegistrationRecord } from '@jol/consular';
import { ageOn, REGION_CODES, Sex, type RegionCode } from '@jol/kernel';
import { statisticalUnitOf, type StatisticalUnitRecord } from '@jol/statistics';
import { drawConsularRecords } from './consular-records';
import { addYears, dateOf, dayOf, monthKey, monthStart, nextMonthStart, pinDate } from './days';
import * as F from './figures';
import { drawEmployer, drawName, FACILITIES, SKILL_CERTIFIERS, SKILLS_BY_SECTOR } from './names';
import { mix32, Random, RangeTable, WeightedTable } from './random';

/**
 * The per-person generator: (seed, index) -> every document the agencies hold about one
 * person, consistent across them. It is pure (no clock, no I/O, no shared state), so a batch of
 * persons can be generated anywhere, in any order, and the same pair always gives the same
 * documents, `_id`s included.
 */

/** Timestamps and version key as mongoose writes them; every record is stamped REFERENCE_DATE. */
interface Stamps {
  createdAt: Date;
  updatedAt: Date;
  __v: number;
}

export type PersonDocument = PersonRecord & Stamps;
export type EpisodeDocument = EpisodeRecord & Stamps;
export type EntryBanDocument = EntryBanRecord & Stamps;
export type DependantDocument = DependantRecord & Stamps;
export type EmploymentDocument = EmploymentRecordRecord & Stamps;
export type SkillDocument = SkillRecord & Stamps;
export type ReintegrationDocument = ReintegrationEnrolmentRecord & Stamps;
export type ScreeningDocument = HealthScreeningRecord & Stamps;
export type TbCaseDocument = TbCaseRecord & Stamps;
export type HealthInsuranceDocument = HealthInsuranceRecord & Stamps;
export type InsurancePeriodDocument = InsurancePeriodRecord & Stamps;
export type ContributionDocument = ContributionRecord & Stamps;
export type ConsularRegistrationDocument = ConsularRegistrationRecord & Stamps;
export type AssistanceCaseDocument = AssistanceCaseRecord & Stamps;

/** One person's documents, by agency and collection (the keys name the agency's models). */
export interface PersonBundle {
  migration: {
    Person: PersonDocument[];
    Episode: EpisodeDocument[];
    EntryBan: EntryBanDocument[];
    Dependant: DependantDocument[];
  };
  labour: {
    EmploymentRecord: EmploymentDocument[];
    EmploymentGuard: EmploymentGuardRecord[];
    Skill: SkillDocument[];
    ReintegrationEnrolment: ReintegrationDocument[];
    StatisticalUnit: StatisticalUnitRecord[];
  };
  health: {
    HealthScreening: ScreeningDocument[];
    TbCase: TbCaseDocument[];
    HealthInsurance: HealthInsuranceDocument[];
    StatisticalUnit: StatisticalUnitRecord[];
  };
  pensions: {
    InsurancePeriod: InsurancePeriodDocument[];
    InsurancePeriodLock: InsurancePeriodLockRecord[];
    Contribution: ContributionDocument[];
    StatisticalUnit: StatisticalUnitRecord[];
  };
  consular: {
    ConsularRegistration: ConsularRegistrationDocument[];
    AssistanceCase: AssistanceCaseDocument[];
    StatisticalUnit: StatisticalUnitRecord[];
  };
}

// ---------------------------------------------------------------------------------------------
// Identity: PINs and ObjectIds unique by construction
// ---------------------------------------------------------------------------------------------

/** PIN keys per person: slot 0 is the person, slots 1-3 the dependants left behind. */
const KEYS_PER_PERSON = 4;
const SERIALS = 100_000;
const BIRTH_DAY_RESIDUES = 64;
/** A multiplier coprime with 100,000: it permutes the serials, so they look drawn, not counted. */
const SERIAL_MULTIPLIER = 48_271;

/**
 * How many persons one seed can hold with unique PINs. A PIN key k (person index * 4 + slot) is
 * written as its low part k mod 100,000 (permuted) in the five serial digits and its high part
 * k div 100,000 as the birth day's residue mod 64 (the birth date is drawn among the days with
 * that residue). Two keys that share a birth date and serial therefore share both parts.
 */
export const MAX_PERSONS = (SERIALS * BIRTH_DAY_RESIDUES) / KEYS_PER_PERSON;

/** The first random stream of the consular records: above every person's own (MAX_PERSONS). */
const CONSULAR_STREAM = 0x10000000;

const REF = dayOf(F.REFERENCE_DATE);
const LAST = dayOf(F.LAST_RECORDED_DAY);
/** The seconds of REFERENCE_DATE: the creation time inside every generated ObjectId. */
const OBJECT_ID_SECONDS = F.REFERENCE_DATE.getTime() / 1000;
const STAMP = F.REFERENCE_DATE;

const COLLECTION_CODES = {
  Person: 1,
  Episode: 2,
  EntryBan: 3,
  Dependant: 4,
  EmploymentRecord: 5,
  Skill: 6,
  ReintegrationEnrolment: 7,
  HealthScreening: 8,
  TbCase: 9,
  HealthInsurance: 10,
  InsurancePeriod: 11,
  Contribution: 12,
  StatisticalUnit: 13,
  ConsularRegistration: 14,
  AssistanceCase: 15,
} as const;

/**
 * ObjectIds from (seed, index), never the clock: 4 bytes of REFERENCE_DATE seconds, 4 bytes of the
 * person index XOR a seed-derived mask (a bijection, so persons never share them), 1 byte naming
 * the collection and 3 bytes counting the person's documents in it.
 */
class IdFactory {
  private readonly head = Buffer.alloc(8);
  private readonly counters = new Uint32Array(16);

  constructor(seed: number, index: number) {
    this.head.writeUInt32BE(OBJECT_ID_SECONDS, 0);
    this.head.writeUInt32BE((index ^ mix32(seed ^ 0x1b873593)) >>> 0, 4);
  }

  next(collection: keyof typeof COLLECTION_CODES): ObjectId {
    const code = COLLECTION_CODES[collection];
    const sequence = this.counters[code]++;
    const bytes = Buffer.alloc(12);
    this.head.copy(bytes, 0);
    bytes[8] = code;
    bytes.writeUIntBE(sequence, 9, 3);
    return new ObjectId(bytes);
  }
}

function pinKey(index: number, slot: number): number {
  return index * KEYS_PER_PERSON + slot;
}

function pinSerial(key: number, seed: number): string {
  const salt = mix32(seed ^ 0x5bd1e995) % SERIALS;
  return String(((key % SERIALS) * SERIAL_MULTIPLIER + salt) % SERIALS).padStart(5, '0');
}

/** A birth day in [from, to] whose residue mod 64 encodes the high part of the PIN key. */
function drawBirthDay(random: Random, from: number, to: number, key: number): number {
  const residue = Math.floor(key / SERIALS);
  const first =
    from + ((((residue - from) % BIRTH_DAY_RESIDUES) + BIRTH_DAY_RESIDUES) % BIRTH_DAY_RESIDUES);
  if (first > to) throw new RangeError(`no birth day in ${from}..${to} with residue ${residue}`);
  return first + BIRTH_DAY_RESIDUES * random.int(0, Math.floor((to - first) / BIRTH_DAY_RESIDUES));
}

/** `G DDMMYYYY NNNNN` without spaces; G is 1 for women and 2 for men, as in public samples. */
function composePin(sex: Sex, birthDay: number, key: number, seed: number): string {
  return (sex === Sex.FEMALE ? '1' : '2') + pinDate(birthDay) + pinSerial(key, seed);
}

// ---------------------------------------------------------------------------------------------
// Tables built once from the figures
// ---------------------------------------------------------------------------------------------

const STATUS_TABLE = new WeightedTable<MigrationStatus>([
  [MigrationStatus.ABROAD, F.STATUS_SHARES.ABROAD],
  [MigrationStatus.RETURNED, F.STATUS_SHARES.RETURNED],
  [MigrationStatus.NEVER_LEFT, F.STATUS_SHARES.NEVER_LEFT],
]);
const REGION_TABLES: Readonly<Record<MigrationStatus, WeightedTable<RegionCode>>> = {
  [MigrationStatus.NEVER_LEFT]: new WeightedTable(
    REGION_CODES.map((code) => [code, F.REGION_POPULATION_2015[code]] as const),
  ),
  [MigrationStatus.ABROAD]: new WeightedTable(
    REGION_CODES.map(
      (code) =>
        [code, F.REGION_POPULATION_2015[code] * F.REGION_EMIGRATION_FACTORS.ABROAD[code]] as const,
    ),
  ),
  [MigrationStatus.RETURNED]: new WeightedTable(
    REGION_CODES.map(
      (code) =>
        [
          code,
          F.REGION_POPULATION_2015[code] * F.REGION_EMIGRATION_FACTORS.RETURNED[code],
        ] as const,
    ),
  ),
};
const MIGRANT_AGES = new WeightedTable(F.MIGRANT_AGE_BANDS);
const RESIDENT_AGES = new WeightedTable(F.RESIDENT_AGE_BANDS);
const DESTINATIONS = WeightedTable.of(F.DESTINATIONS_2024);
const DESTINATIONS_BUT_RUSSIA = new WeightedTable(
  Object.entries(F.DESTINATIONS_2024).filter(([country]) => country !== 'RU'),
);
const CITY_TABLES = Object.fromEntries(
  Object.entries(F.CITIES).map(([country, cities]) => [country, new WeightedTable(cities)]),
) as Record<string, WeightedTable<string>>;
const PURPOSES = {
  EAEU: WeightedTable.of<MigrationPurpose>(F.PURPOSE_WEIGHTS.EAEU),
  OTHER: WeightedTable.of<MigrationPurpose>(F.PURPOSE_WEIGHTS.OTHER),
};
const CURRENT_STAY = new RangeTable(F.CURRENT_STAY_DAYS);
const SINCE_RETURN = new RangeTable(F.DAYS_SINCE_RETURN);
const STAY_LENGTH = new RangeTable(F.STAY_DAYS);
const EARLIER_STAYS = new WeightedTable(F.EARLIER_STAYS);
const PROFICIENCY = {
  EVER_IN_RUSSIA: WeightedTable.of<RussianProficiency>(
    F.RUSSIAN_PROFICIENCY_WEIGHTS.EVER_IN_RUSSIA,
  ),
  OTHER_MIGRANT: WeightedTable.of<RussianProficiency>(F.RUSSIAN_PROFICIENCY_WEIGHTS.OTHER_MIGRANT),
  NEVER_LEFT: WeightedTable.of<RussianProficiency>(F.RUSSIAN_PROFICIENCY_WEIGHTS.NEVER_LEFT),
};
const BAN_YEARS = new WeightedTable(F.BAN_YEARS);
const BAN_REASONS = WeightedTable.of<EntryBanReason>(F.BAN_REASON_WEIGHTS);
const CHILDREN = new WeightedTable(F.CHILDREN_PER_PARENT);
const MEAN_CHILDREN = F.CHILDREN_PER_PARENT.reduce((sum, [n, w]) => sum + n * w, 0);
const RELATIONS = WeightedTable.of<DependantRelation>(F.DEPENDANT_RELATION_WEIGHTS);
const CAREGIVERS = WeightedTable.of<Caregiver>(F.CAREGIVER_WEIGHTS);
const JOBS = new WeightedTable(F.JOBS_PER_STAY);
const SECTORS = {
  [Sex.FEMALE]: WeightedTable.of<LabourSector>(F.SECTOR_WEIGHTS.FEMALE),
  [Sex.MALE]: WeightedTable.of<LabourSector>(F.SECTOR_WEIGHTS.MALE),
  KR: WeightedTable.of<LabourSector>(F.SECTOR_WEIGHTS.KR),
};
const DOMESTIC_TYPES = new WeightedTable<InsurancePeriodType>([
  [InsurancePeriodType.EMPLOYMENT, 0.83],
  [InsurancePeriodType.SELF_EMPLOYMENT, 0.14],
  [InsurancePeriodType.OTHER, 0.03],
] as const);
/** DIED is never drawn for a past case: every person in the register is alive. */
const PAST_TB_OUTCOMES = new WeightedTable(
  (Object.entries(F.TB_OUTCOME_WEIGHTS) as Array<[TbOutcome, number]>).filter(
    ([outcome]) => outcome !== TbOutcome.DIED,
  ),
);
const PROGRAMMES = WeightedTable.of<ReintegrationProgramme>(F.REINTEGRATION_PROGRAMME_WEIGHTS);
const SKILL_LEVELS = WeightedTable.of<SkillLevel>({
  BASIC: 0.25,
  INTERMEDIATE: 0.4,
  ADVANCED: 0.25,
  EXPERT: 0.1,
});
const ALL_SKILLS = Object.values(SKILLS_BY_SECTOR).flat();
const EAEU_ACCESSION = dayOf(new Date(Date.UTC(2015, 7, 12)));
const SCREENINGS_FROM = dayOf(new Date(Date.UTC(2010, 0, 1)));
const FIRST_DEPARTURE = dayOf(F.FIRST_RECORDED_DEPARTURE);
const FIRST_INSURANCE = dayOf(F.FIRST_INSURANCE_DAY);
const CONTRIBUTIONS_FROM = dayOf(F.CONTRIBUTIONS_FROM);

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

interface Stay {
  departedOn: number;
  /** Null while the person is still abroad (only the last stay may be open). */
  returnedOn: number | null;
  country: string;
  city: string | null;
  purpose: MigrationPurpose;
}

interface Job {
  country: string;
  employer: string;
  sector: LabourSector;
  formal: boolean;
  permitType: WorkPermitType;
  permitNumber: string | null;
  from: number;
  to: number | null;
}

/** A stretch of days at home, both ends included. */
interface Span {
  from: number;
  to: number;
}

interface Period {
  country: string;
  from: number;
  to: number;
  type: InsurancePeriodType;
  source: InsurancePeriodSource;
}

/** Generates all documents of the person at `index` for `seed`. */
export function generatePersonBundle(seed: number, index: number): PersonBundle {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PERSONS) {
    throw new RangeError(`index must be an integer from 0 to ${MAX_PERSONS - 1}; got ${index}`);
  }
  const random = new Random(seed, index);
  const ids = new IdFactory(seed, index);

  const status = STATUS_TABLE.pick(random);
  const migrant = status !== MigrationStatus.NEVER_LEFT;
  const women = migrant ? F.WOMEN_SHARE_OF_MIGRANTS : F.WOMEN_SHARE_OF_RESIDENTS;
  const sex = random.chance(women) ? Sex.FEMALE : Sex.MALE;
  const [minAge, maxAge] = (migrant ? MIGRANT_AGES : RESIDENT_AGES).pick(random);
  // Born so that the age on REFERENCE_DATE is within [minAge, maxAge]; a migrant has been an
  // adult for at least 90 days, so that a stay fits before the reference date.
  const bornFrom = addYears(REF, -(maxAge + 1)) + 1;
  const bornTo = addYears(REF, -minAge) - (migrant ? 90 : 1);
  const birth = drawBirthDay(random, bornFrom, bornTo, pinKey(index, 0));
  const pin = composePin(sex, birth, pinKey(index, 0), seed);
  const homeRegion = REGION_TABLES[status].pick(random);
  const name = drawName(random, sex);
  const adult = addYears(birth, F.MIGRATION_MIN_AGE);

  // Migration: stays abroad, countries, a ban, proficiency, dependants.
  const stays = migrant ? drawStays(random, status, Math.max(adult, FIRST_DEPARTURE), birth) : [];
  const ban = drawBan(random, stays);
  const destinations = [...new Set(stays.map((stay) => stay.country))];
  const everInRussia = destinations.includes('RU');
  const russianProficiency = (
    everInRussia
      ? PROFICIENCY.EVER_IN_RUSSIA
      : migrant
        ? PROFICIENCY.OTHER_MIGRANT
        : PROFICIENCY.NEVER_LEFT
  ).pick(random);

  const bundle: PersonBundle = {
    migration: { Person: [], Episode: [], EntryBan: [], Dependant: [] },
    labour: {
      EmploymentRecord: [],
      EmploymentGuard: [],
      Skill: [],
      ReintegrationEnrolment: [],
      StatisticalUnit: [],
    },
    health: { HealthScreening: [], TbCase: [], HealthInsurance: [], StatisticalUnit: [] },
    pensions: {
      InsurancePeriod: [],
      InsurancePeriodLock: [],
      Contribution: [],
      StatisticalUnit: [],
    },
    consular: { ConsularRegistration: [], AssistanceCase: [], StatisticalUnit: [] },
  };
  bundle.migration.Person.push({
    _id: ids.next('Person'),
    pin,
    nameCyrillic: name.cyrillic,
    nameLatin: name.latin,
    birthDate: dateOf(birth),
    sex,
    homeRegion,
    russianProficiency,
    status,
    destinations,
    nameKeys: nameKeysOf({ nameCyrillic: name.cyrillic, nameLatin: name.latin }),
    createdAt: STAMP,
    updatedAt: STAMP,
    __v: 0,
  });
  for (const stay of stays) {
    bundle.migration.Episode.push({
      _id: ids.next('Episode'),
      pin,
      departedOn: dateOf(stay.departedOn),
      country: stay.country,
      city: stay.city,
      purpose: stay.purpose,
      returnedOn: stay.returnedOn === null ? null : dateOf(stay.returnedOn),
      ...stamps(),
    });
  }
  if (ban) {
    bundle.migration.EntryBan.push({
      _id: ids.next('EntryBan'),
      pin,
      country: 'RU',
      from: dateOf(ban.from),
      until: ban.until === null ? null : dateOf(ban.until),
      reason: BAN_REASONS.pick(random),
      ...stamps(),
    });
  }
  if (
    status === MigrationStatus.ABROAD &&
    ageOn(dateOf(birth), F.REFERENCE_DATE) >= F.PARENT_MIN_AGE
  ) {
    addDependants(bundle, random, ids, { seed, index, pin, birth });
  }

  // Labour: jobs inside the stays, skills, reintegration after the last return.
  const voluntaryContributor = migrant && random.chance(F.VOLUNTARY_CONTRIBUTOR_SHARE);
  const jobs = stays.flatMap((stay) => drawJobs(random, stay, sex));
  for (const job of jobs) {
    bundle.labour.EmploymentRecord.push({
      _id: ids.next('EmploymentRecord'),
      pin,
      country: job.country,
      employer: job.employer,
      sector: job.sector,
      formal: job.formal,
      permitType: job.permitType,
      permitNumber: job.permitNumber,
      from: dateOf(job.from),
      to: job.to === null ? null : dateOf(job.to),
      ...stamps(),
    });
  }
  if (jobs.length > 0) bundle.labour.EmploymentGuard.push({ _id: pin, writes: jobs.length });
  addSkills(bundle, random, ids, pin, birth, jobs);
  const lastStay = stays.at(-1);
  if (status === MigrationStatus.RETURNED && lastStay?.returnedOn != null) {
    addReintegration(bundle, random, ids, pin, lastStay.returnedOn);
  }

  // Pensions: domestic periods at home, periods abroad that mirror the jobs, contributions.
  const retirement = addYears(
    birth,
    sex === Sex.FEMALE ? F.PENSION_AGE.FEMALE : F.PENSION_AGE.MALE,
  );
  const workStart = Math.max(adult, FIRST_INSURANCE);
  const homeSpans = spansAtHome(stays, workStart, Math.min(LAST, retirement - 1));
  const periods = [
    ...drawDomesticPeriods(random, homeSpans, sex, birth),
    ...jobs.flatMap((job) => abroadPeriod(job, voluntaryContributor)),
  ].sort((a, b) => a.from - b.from);
  for (const period of periods) {
    bundle.pensions.InsurancePeriod.push({
      _id: ids.next('InsurancePeriod'),
      pin,
      country: period.country,
      from: dateOf(period.from),
      to: dateOf(period.to),
      type: period.type,
      source: period.source,
      ...stamps(),
    });
  }
  if (periods.length > 0)
    bundle.pensions.InsurancePeriodLock.push({ _id: pin, version: periods.length });
  addContributions(bundle, random, ids, pin, periods);

  // Health: screenings on return and at home, TB cases, one insurance record.
  const atHomeSince =
    status === MigrationStatus.RETURNED && lastStay?.returnedOn != null
      ? lastStay.returnedOn + 1
      : addYears(birth, F.ADULT_REGISTER_MIN_AGE);
  addScreenings(bundle, random, ids, { pin, status, homeRegion, stays, birth, atHomeSince });
  addTbCases(bundle, random, ids, { pin, status, homeRegion, stays, birth, atHomeSince });
  addHealthInsurance(bundle, random, ids, { pin, status, stays, atHomeSince, periods });

  // Consular: registrations and assistance cases inside the stays, from a stream of their own so
  // that the other agencies' records are what they were before consular records were drawn.
  const consular = drawConsularRecords(new Random(seed, CONSULAR_STREAM + index), pin, stays, LAST);
  for (const registration of consular.registrations)
    bundle.consular.ConsularRegistration.push({
      _id: ids.next('ConsularRegistration'),
      ...registration,
      ...stamps(),
    });
  for (const assistanceCase of consular.cases)
    bundle.consular.AssistanceCase.push({
      _id: ids.next('AssistanceCase'),
      ...assistanceCase,
      ...stamps(),
    });
  addStatisticalUnits(bundle, ids);
  return bundle;
}

/**
 * The statistics snapshot of the register that labour, health and pensions each keep, for every
 * person they hold records of: derived by the kernel's statisticalUnitOf from the migration
 * documents, as `npm run stats:refresh` derives it from the register.
 */
function addStatisticalUnits(bundle: PersonBundle, ids: IdFactory): void {
  const [person] = bundle.migration.Person;
  const unit = statisticalUnitOf(person!, bundle.migration.Episode, STAMP);
  for (const agency of ['labour', 'health', 'pensions', 'consular'] as const) {
    const held = Object.values(bundle[agency]).some((docs: unknown[]) => docs.length > 0);
    if (held) bundle[agency].StatisticalUnit.push({ _id: ids.next('StatisticalUnit'), ...unit });
  }
}

function stamps(): Stamps {
  return { createdAt: STAMP, updatedAt: STAMP, __v: 0 };
}

/**
 * The stays of a migrant, oldest first, built backwards from the reference date: the latest
 * stay (open for a person abroad), then earlier ones separated by time at home, none departing
 * before `earliest`.
 */
function drawStays(
  random: Random,
  status: MigrationStatus,
  earliest: number,
  birth: number,
): Stay[] {
  const spans: Array<{ departedOn: number; returnedOn: number | null }> = [];
  if (status === MigrationStatus.ABROAD) {
    let departedOn = LAST - CURRENT_STAY.pick(random);
    if (departedOn < earliest) departedOn = random.int(earliest, LAST);
    spans.push({ departedOn, returnedOn: null });
  } else {
    let returnedOn = LAST - SINCE_RETURN.pick(random);
    if (returnedOn < earliest + 30) returnedOn = random.int(earliest + 30, LAST - 30);
    let departedOn = returnedOn - STAY_LENGTH.pick(random);
    if (departedOn < earliest) departedOn = random.int(earliest, returnedOn - 15);
    spans.push({ departedOn, returnedOn });
  }
  const earlier = EARLIER_STAYS.pick(random);
  for (let i = 0; i < earlier; i += 1) {
    const returnedOn = spans[0].departedOn - random.int(F.HOME_GAP_DAYS[0], F.HOME_GAP_DAYS[1]);
    const departedOn = returnedOn - STAY_LENGTH.pick(random);
    if (departedOn < earliest) break;
    spans.unshift({ departedOn, returnedOn });
  }
  const main = DESTINATIONS.pick(random);
  return spans.map(({ departedOn, returnedOn }) => {
    const country = random.chance(F.SAME_DESTINATION_SHARE) ? main : DESTINATIONS.pick(random);
    return { departedOn, returnedOn, ...placeAndPurpose(random, country, departedOn, birth) };
  });
}

function placeAndPurpose(
  random: Random,
  country: string,
  departedOn: number,
  birth: number,
): Pick<Stay, 'country' | 'city' | 'purpose'> {
  const city = random.chance(F.NO_CITY_SHARE) ? null : CITY_TABLES[country].pick(random);
  let purpose = (F.EAEU_PARTNERS.has(country) ? PURPOSES.EAEU : PURPOSES.OTHER).pick(random);
  // Students leave young; an older person leaving to study is recorded as leaving to work.
  if (purpose === MigrationPurpose.STUDY && departedOn > addYears(birth, 30)) {
    purpose = MigrationPurpose.WORK;
  }
  return { country, city, purpose };
}

/**
 * Perhaps a Russian re-entry ban imposed on leaving the person's last closed stay in Russia; a
 * later departure while it runs goes elsewhere (the stay's country is redrawn without Russia).
 */
function drawBan(random: Random, stays: Stay[]): { from: number; until: number | null } | null {
  const banned = stays.findLast((stay) => stay.country === 'RU' && stay.returnedOn !== null);
  if (!banned || banned.returnedOn === null) return null;
  if (!random.chance(F.BAN_PROBABILITY_AFTER_CLOSED_RUSSIAN_STAY)) return null;
  const from = banned.returnedOn;
  const years = BAN_YEARS.pick(random);
  const until = years === null ? null : addYears(from, years) - 1;
  for (const stay of stays) {
    if (
      stay.departedOn > from &&
      stay.country === 'RU' &&
      (until === null || stay.departedOn <= until)
    ) {
      stay.country = DESTINATIONS_BUT_RUSSIA.pick(random);
      stay.city = random.chance(F.NO_CITY_SHARE) ? null : CITY_TABLES[stay.country].pick(random);
    }
  }
  return { from, until };
}

/**
 * The jobs of one stay (for work, and for some family stays), one after the other inside its
 * dates: the first starts a few days to two months after arrival, the last ends before the return
 * or, in a stay still open, is usually ongoing.
 */
function drawJobs(random: Random, stay: Stay, sex: Sex): Job[] {
  const works =
    stay.purpose === MigrationPurpose.WORK ||
    (stay.purpose === MigrationPurpose.FAMILY && random.chance(0.3));
  if (!works) return [];
  const open = stay.returnedOn === null;
  const end = stay.returnedOn ?? LAST;
  const start = Math.min(stay.departedOn + random.int(3, 60), end);
  const length = end - start + 1;
  const count = Math.max(1, Math.min(JOBS.pick(random), Math.floor(length / 60)));
  const segment = length / count;
  const gapMax = Math.min(20, Math.floor(segment / 4));
  const jobs: Job[] = [];
  for (let i = 0; i < count; i += 1) {
    const from = start + Math.floor(i * segment) + (i > 0 ? random.int(0, gapMax) : 0);
    const last = i === count - 1;
    const segmentEnd = last ? end : start + Math.floor((i + 1) * segment) - 1;
    const to =
      last && open && random.chance(F.ONGOING_JOB_SHARE)
        ? null
        : segmentEnd - random.int(0, gapMax);
    jobs.push(drawJob(random, stay.country, sex, from, to));
  }
  return jobs;
}

function drawJob(random: Random, country: string, sex: Sex, from: number, to: number | null): Job {
  const sector = (country === 'KR' ? SECTORS.KR : SECTORS[sex]).pick(random);
  const formalShare =
    (F.FORMAL_SHARE[country] ?? 0.5) * (sex === Sex.FEMALE ? F.FORMAL_SHARE_FACTOR_WOMEN : 1);
  const formal = random.chance(formalShare);
  const permitted = formal || random.chance(F.INFORMAL_WITH_PERMIT_SHARE);
  // Russia issued patents to visa-free migrants; Kyrgyz citizens need none there since the
  // country joined the EAEU (12 August 2015), so later documented jobs are recorded as
  // WORK_PERMIT (a registered contract), the closest value the enum offers.
  const patent = country === 'RU' && from < EAEU_ACCESSION;
  const permitType = !permitted
    ? WorkPermitType.NONE
    : patent
      ? WorkPermitType.PATENT
      : WorkPermitType.WORK_PERMIT;
  const year = String(dateOf(from).getUTCFullYear()).slice(2);
  const permitNumber =
    permitType === WorkPermitType.NONE
      ? null
      : permitType === WorkPermitType.PATENT
        ? `${random.int(10, 99)}-${random.int(1_000_000_000, 9_999_999_999)}`
        : `${country}${year}-${random.int(1_000_000, 9_999_999)}`;
  return {
    country,
    employer: drawEmployer(random, country, sector),
    sector,
    formal,
    permitType,
    permitNumber,
    from,
    to,
  };
}

/** The stretches at home between `workStart` and `end`: before, between and after the stays. */
function spansAtHome(stays: readonly Stay[], workStart: number, end: number): Span[] {
  const raw: Span[] = [];
  let from = workStart;
  for (const stay of stays) {
    raw.push({ from, to: stay.departedOn - 1 });
    if (stay.returnedOn === null) return clip(raw, workStart, end);
    from = stay.returnedOn + 1;
  }
  raw.push({ from, to: end });
  return clip(raw, workStart, end);
}

function clip(spans: Span[], from: number, to: number): Span[] {
  return spans
    .map((span) => ({ from: Math.max(span.from, from), to: Math.min(span.to, to) }))
    .filter((span) => span.to >= span.from);
}

/**
 * Insured work at home: in about half the stretches at home, one to three periods with gaps
 * between them; a man's first period may be military service, a woman's may be child care. A
 * period reaching LAST_RECORDED_DAY usually stays open up to it.
 */
function drawDomesticPeriods(
  random: Random,
  spans: readonly Span[],
  sex: Sex,
  birth: number,
): Period[] {
  const periods: Period[] = [];
  for (const span of spans) {
    const length = span.to - span.from + 1;
    if (length < 60 || !random.chance(F.DOMESTIC_INSURED_SHARE)) continue;
    const parts = length > 1460 ? random.int(1, 3) : 1;
    const segment = length / parts;
    const gap = Math.min(120, Math.floor(segment / 4));
    for (let p = 0; p < parts; p += 1) {
      const segmentStart = span.from + Math.floor(p * segment);
      const segmentEnd = span.from + Math.floor((p + 1) * segment) - 1;
      const from = segmentStart + random.int(0, gap);
      const ongoing = p === parts - 1 && span.to === LAST && random.chance(0.7);
      let to = ongoing ? LAST : segmentEnd - random.int(0, gap);
      let type = DOMESTIC_TYPES.pick(random);
      if (
        periods.length === 0 &&
        sex === Sex.MALE &&
        from < addYears(birth, 21) &&
        random.chance(0.15)
      ) {
        type = InsurancePeriodType.MILITARY_SERVICE;
        to = Math.min(to, from + 364);
      } else if (
        sex === Sex.FEMALE &&
        from >= addYears(birth, 20) &&
        from < addYears(birth, 40) &&
        random.chance(0.08)
      ) {
        type = InsurancePeriodType.CHILD_CARE;
        to = Math.min(to, from + random.int(180, 1095));
      }
      periods.push({
        country: HOME_COUNTRY,
        from,
        to,
        type,
        source: InsurancePeriodSource.DOMESTIC,
      });
    }
  }
  return periods;
}

/**
 * The insurance period a job abroad earns: reported by the partner institution for formal work in
 * an EAEU state, or paid voluntarily from abroad by a voluntary contributor; nothing otherwise.
 */
function abroadPeriod(job: Job, voluntaryContributor: boolean): Period[] {
  const to = job.to ?? LAST;
  if (job.formal && F.EAEU_PARTNERS.has(job.country)) {
    return [
      {
        country: job.country,
        from: job.from,
        to,
        type: InsurancePeriodType.EMPLOYMENT,
        source: InsurancePeriodSource.PARTNER_REPORTED,
      },
    ];
  }
  if (voluntaryContributor) {
    return [
      {
        country: job.country,
        from: job.from,
        to,
        type: InsurancePeriodType.VOLUNTARY,
        source: InsurancePeriodSource.VOLUNTARY_FROM_ABROAD,
      },
    ];
  }
  return [];
}

/**
 * Monthly contributions: mandatory ones in som for insured work at home from CONTRIBUTIONS_FROM on,
 * voluntary ones (some months skipped) in som or the local currency for every month of a voluntary
 * period abroad, so that the years a person is insured voluntarily are years they paid in.
 * Amounts are exact integers of hundredths; KRW has no minor unit, so its amounts are whole.
 */
function addContributions(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  pin: string,
  periods: readonly Period[],
): void {
  const wage = random.int(F.DOMESTIC_MONTHLY_WAGE_KGS[0], F.DOMESTIC_MONTHLY_WAGE_KGS[1]);
  const voluntaryKgs = random.int(F.VOLUNTARY_CONTRIBUTION_KGS[0], F.VOLUNTARY_CONTRIBUTION_KGS[1]);
  const payInSom = random.chance(0.6);
  for (const period of periods) {
    const voluntary = period.source === InsurancePeriodSource.VOLUNTARY_FROM_ABROAD;
    const paid =
      voluntary ||
      period.type === InsurancePeriodType.EMPLOYMENT ||
      period.type === InsurancePeriodType.SELF_EMPLOYMENT;
    if (!paid || period.source === InsurancePeriodSource.PARTNER_REPORTED) continue;
    const currency: PensionCurrency =
      voluntary && !payInSom
        ? PensionCurrency[F.LOCAL_CURRENCY[period.country] ?? 'USD']
        : PensionCurrency.KGS;
    const kgs = voluntary ? voluntaryKgs : wage * F.PENSION_CONTRIBUTION_RATE;
    const units = kgs / F.KGS_PER_UNIT[currency];
    const amountHundredths =
      currency === PensionCurrency.KRW
        ? Math.max(1, Math.round(units)) * 100
        : Math.max(1, Math.round(units * 100));
    // A voluntary contributor pays for the months of the voluntary period itself; mandatory
    // contributions are recorded from CONTRIBUTIONS_FROM on.
    for (
      let month = monthStart(voluntary ? period.from : Math.max(period.from, CONTRIBUTIONS_FROM));
      month <= period.to;
      month = nextMonthStart(month)
    ) {
      if (voluntary && random.chance(0.25)) continue;
      bundle.pensions.Contribution.push({
        _id: ids.next('Contribution'),
        pin,
        paidOn: dateOf(Math.min(nextMonthStart(month) + random.int(0, 19), LAST)),
        periodMonth: monthKey(month),
        amountHundredths,
        currency,
        kind: voluntary ? ContributionKind.VOLUNTARY : ContributionKind.MANDATORY,
        ...stamps(),
      });
    }
  }
}

/**
 * Children left behind by a parent abroad, in proportion to the published 61,000 children per
 * 700,000 migrants; each child has a PIN of its own (slots 1-3 of the parent's PIN keys).
 */
function addDependants(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  parent: { seed: number; index: number; pin: string; birth: number },
): void {
  if (!random.chance(F.CHILDREN_PER_MIGRANT_ABROAD / MEAN_CHILDREN)) return;
  const count = CHILDREN.pick(random);
  const youngest = addYears(REF, -F.ADULT_REGISTER_MIN_AGE) + 1;
  for (let slot = 1; slot <= count; slot += 1) {
    let relation = RELATIONS.pick(random);
    let from = youngest;
    let to = LAST;
    const ownFrom = Math.max(youngest, addYears(parent.birth, 19));
    const ownTo = Math.min(LAST, addYears(parent.birth, 45));
    const ownFits = ownTo - ownFrom >= 64;
    if (relation === DependantRelation.GRANDCHILD && REF < addYears(parent.birth, 40)) {
      relation = DependantRelation.CHILD;
    }
    if (relation === DependantRelation.CHILD && !ownFits) relation = DependantRelation.GRANDCHILD;
    if (relation === DependantRelation.CHILD) {
      from = ownFrom;
      to = ownTo;
    }
    const key = pinKey(parent.index, slot);
    const sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
    const childPin = composePin(sex, drawBirthDay(random, from, to, key), key, parent.seed);
    bundle.migration.Dependant.push({
      _id: ids.next('Dependant'),
      pin: parent.pin,
      childPin,
      relation,
      caregiver: CAREGIVERS.pick(random),
      ...stamps(),
    });
  }
}

/** Skills from the sectors a migrant worked in; people without jobs abroad may declare one. */
function addSkills(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  pin: string,
  birth: number,
  jobs: readonly Job[],
): void {
  let names: string[] = [];
  if (jobs.length > 0 && random.chance(F.MIGRANT_SKILL_SHARE)) {
    const pool = [...new Set(jobs.flatMap((job) => SKILLS_BY_SECTOR[job.sector]))];
    names = [random.pick(pool)];
    if (pool.length > 1 && random.chance(0.4)) {
      const second = random.pick(pool);
      if (second !== names[0]) names.push(second);
    }
  } else if (jobs.length === 0 && random.chance(F.RESIDENT_SKILL_SHARE)) {
    names = [random.pick(ALL_SKILLS)];
  }
  for (const name of names) {
    const certified = random.chance(F.CERTIFIED_SKILL_SHARE);
    bundle.labour.Skill.push({
      _id: ids.next('Skill'),
      pin,
      name,
      level: SKILL_LEVELS.pick(random),
      certifiedBy: certified ? random.pick(SKILL_CERTIFIERS) : null,
      certifiedOn: certified
        ? dateOf(random.int(addYears(birth, F.ADULT_REGISTER_MIN_AGE), LAST))
        : null,
      ...stamps(),
    });
  }
}

/** An enrolment after the last return; it moves on from ENROLLED only once 90 days have passed. */
function addReintegration(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  pin: string,
  returnedOn: number,
): void {
  if (!random.chance(F.REINTEGRATION_SHARE)) return;
  const enrolledOn = returnedOn + random.int(15, 365);
  if (enrolledOn > LAST) return;
  const elapsed = LAST - enrolledOn;
  let status = ReintegrationStatus.ENROLLED;
  let completedOn: number | null = null;
  let droppedOutOn: number | null = null;
  if (elapsed >= 90) {
    const roll = random.next();
    if (roll < 0.6) {
      status = ReintegrationStatus.COMPLETED;
      completedOn = enrolledOn + random.int(60, Math.min(300, elapsed));
    } else if (roll < 0.85) {
      status = ReintegrationStatus.DROPPED_OUT;
      droppedOutOn = enrolledOn + random.int(10, Math.min(150, elapsed));
    }
  }
  bundle.labour.ReintegrationEnrolment.push({
    _id: ids.next('ReintegrationEnrolment'),
    pin,
    programme: PROGRAMMES.pick(random),
    status,
    enrolledOn: dateOf(enrolledOn),
    completedOn: completedOn === null ? null : dateOf(completedOn),
    droppedOutOn: droppedOutOn === null ? null : dateOf(droppedOutOn),
    ...stamps(),
  });
}

interface HealthContext {
  pin: string;
  status: MigrationStatus;
  homeRegion: RegionCode;
  stays: readonly Stay[];
  birth: number;
  /** The first day of the person's current time at home (for a returnee, after the last return). */
  atHomeSince: number;
}

function screening(
  ids: IdFactory,
  pin: string,
  kind: ScreeningKind,
  result: ScreeningResult,
  day: number,
  facility: string,
): ScreeningDocument {
  return {
    _id: ids.next('HealthScreening'),
    pin,
    kind,
    result,
    screenedOn: dateOf(day),
    facility,
    ...stamps(),
  };
}

function negativeOrInconclusive(random: Random): ScreeningResult {
  return random.chance(F.INCONCLUSIVE_SHARE)
    ? ScreeningResult.INCONCLUSIVE
    : ScreeningResult.NEGATIVE;
}

/**
 * Screenings: TB (and some HIV) within two months of each return since 2010, a medical before
 * leaving for a visa country, and at home the occasional general examination or TB screening.
 */
function addScreenings(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  ctx: HealthContext,
): void {
  const facilities = FACILITIES[ctx.homeRegion];
  const out = bundle.health.HealthScreening;
  ctx.stays.forEach((stay, i) => {
    const previousReturn = i > 0 ? ctx.stays[i - 1].returnedOn : null;
    const atHomeFrom =
      previousReturn === null ? addYears(ctx.birth, F.MIGRATION_MIN_AGE) : previousReturn + 1;
    const visaCountry = !F.EAEU_PARTNERS.has(stay.country);
    const examDay = stay.departedOn - random.int(14, 90);
    if (
      examDay >= atHomeFrom &&
      examDay >= SCREENINGS_FROM &&
      random.chance(visaCountry ? F.PRE_DEPARTURE_EXAM_SHARE.VISA : F.PRE_DEPARTURE_EXAM_SHARE.EAEU)
    ) {
      out.push(
        screening(
          ids,
          ctx.pin,
          ScreeningKind.GENERAL,
          negativeOrInconclusive(random),
          examDay,
          random.pick(facilities.general),
        ),
      );
    }
    if (stay.returnedOn === null || stay.returnedOn < SCREENINGS_FROM) return;
    const homeUntil = i + 1 < ctx.stays.length ? ctx.stays[i + 1].departedOn - 1 : LAST;
    const latest = Math.min(stay.returnedOn + 60, homeUntil);
    if (latest < stay.returnedOn + 3) return;
    if (random.chance(F.RETURN_TB_SCREENING_SHARE)) {
      out.push(
        screening(
          ids,
          ctx.pin,
          ScreeningKind.TB,
          negativeOrInconclusive(random),
          random.int(stay.returnedOn + 3, latest),
          facilities.tb,
        ),
      );
    }
    if (random.chance(F.RETURN_HIV_SCREENING_SHARE)) {
      const result = random.chance(F.HIV_POSITIVE_SHARE)
        ? ScreeningResult.POSITIVE
        : negativeOrInconclusive(random);
      out.push(
        screening(
          ids,
          ctx.pin,
          ScreeningKind.HIV,
          result,
          random.int(stay.returnedOn + 3, latest),
          facilities.hiv,
        ),
      );
    }
  });
  if (ctx.status === MigrationStatus.ABROAD) return;
  const from = Math.max(ctx.atHomeSince, LAST - 1095);
  if (from > LAST) return;
  if (random.chance(F.RESIDENT_GENERAL_EXAM_SHARE)) {
    out.push(
      screening(
        ids,
        ctx.pin,
        ScreeningKind.GENERAL,
        negativeOrInconclusive(random),
        random.int(from, LAST),
        random.pick(facilities.general),
      ),
    );
  }
  if (random.chance(F.RESIDENT_TB_SCREENING_SHARE)) {
    out.push(
      screening(
        ids,
        ctx.pin,
        ScreeningKind.TB,
        negativeOrInconclusive(random),
        random.int(from, LAST),
        facilities.tb,
      ),
    );
  }
}

/**
 * TB cases, diagnosed at home only. An active case (no outcome) for people at home, at the
 * published returnee share; a past case closed with a WHO outcome before any later one, for
 * migrants in a stretch at home after a return. Each returnee's case follows a positive screening.
 */
function addTbCases(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  ctx: HealthContext,
): void {
  const facilities = FACILITIES[ctx.homeRegion];
  const cases: TbCaseDocument[] = [];
  const positives: ScreeningDocument[] = [];
  const migrant = ctx.status !== MigrationStatus.NEVER_LEFT;

  let activeDiagnosis: number | null = null;
  const activeRate =
    ctx.status === MigrationStatus.RETURNED
      ? F.ACTIVE_TB_RATE_RETURNED
      : ctx.status === MigrationStatus.NEVER_LEFT
        ? F.ACTIVE_TB_RATE_NEVER_LEFT
        : 0;
  if (random.chance(activeRate)) {
    const drugResistant = random.chance(F.DRUG_RESISTANT_TB_SHARE);
    const earliest = Math.min(
      LAST,
      Math.max(ctx.atHomeSince + (migrant ? 7 : 0), LAST - (drugResistant ? 600 : 270)),
    );
    const diagnosedOn = random.int(earliest, LAST);
    const treatmentStatus =
      LAST - diagnosedOn < 14 && random.chance(0.5)
        ? TbTreatmentStatus.NOT_STARTED
        : random.chance(0.12)
          ? TbTreatmentStatus.INTERRUPTED
          : TbTreatmentStatus.IN_TREATMENT;
    activeDiagnosis = diagnosedOn;
    cases.push({
      _id: ids.next('TbCase'),
      pin: ctx.pin,
      diagnosedOn: dateOf(diagnosedOn),
      treatmentStatus,
      outcome: null,
      outcomeOn: null,
      drugResistant,
      ...stamps(),
    });
    if (migrant || random.chance(0.6)) {
      const screenedOn = Math.max(ctx.atHomeSince, diagnosedOn - random.int(0, 10));
      positives.push(
        screening(
          ids,
          ctx.pin,
          ScreeningKind.TB,
          ScreeningResult.POSITIVE,
          screenedOn,
          facilities.tb,
        ),
      );
    }
  }

  const homeSpans: Span[] = migrant
    ? ctx.stays.flatMap((stay, i) =>
        stay.returnedOn === null
          ? []
          : [
              {
                from: stay.returnedOn + 1,
                to: i + 1 < ctx.stays.length ? ctx.stays[i + 1].departedOn - 1 : LAST,
              },
            ],
      )
    : [{ from: addYears(ctx.birth, F.ADULT_REGISTER_MIN_AGE), to: LAST }];
  const pastRate = migrant ? F.PAST_TB_RATE_MIGRANT : F.PAST_TB_RATE_NEVER_LEFT;
  if (homeSpans.length > 0 && random.chance(pastRate)) {
    const span = random.pick(homeSpans);
    const limit = Math.min(span.to, activeDiagnosis === null ? LAST : activeDiagnosis - 30);
    const diagnosedOn = migrant
      ? span.from + random.int(7, 150)
      : random.int(span.from, Math.max(span.from, LAST - 400));
    const drugResistant = random.chance(F.DRUG_RESISTANT_TB_SHARE * 0.8);
    let outcome = PAST_TB_OUTCOMES.pick(random);
    let outcomeOn =
      diagnosedOn +
      (outcome === TbOutcome.LOST_TO_FOLLOW_UP
        ? random.int(60, 240)
        : drugResistant
          ? random.int(540, 720)
          : random.int(180, 270));
    if (outcomeOn > limit && diagnosedOn + 60 <= limit) {
      // The course was cut short by a departure or the next case: the patient was lost.
      outcome = TbOutcome.LOST_TO_FOLLOW_UP;
      outcomeOn = limit;
    }
    if (outcomeOn <= limit) {
      cases.unshift({
        _id: ids.next('TbCase'),
        pin: ctx.pin,
        diagnosedOn: dateOf(diagnosedOn),
        treatmentStatus: treatmentStatusForOutcome(outcome),
        outcome,
        outcomeOn: dateOf(outcomeOn),
        drugResistant,
        ...stamps(),
      });
      if (migrant) {
        positives.unshift(
          screening(
            ids,
            ctx.pin,
            ScreeningKind.TB,
            ScreeningResult.POSITIVE,
            Math.max(span.from, diagnosedOn - random.int(0, 7)),
            facilities.tb,
          ),
        );
      }
    }
  }
  bundle.health.TbCase.push(...cases);
  bundle.health.HealthScreening.push(...positives);
}

/**
 * The single insurance record: a migrant policy (or none) for people abroad, mandatory cover for
 * insured work at home, else a voluntary policy or a NOT_INSURED record. EXPIRED is never stored:
 * a policy whose last day has passed stays INSURED and reads as EXPIRED.
 */
function addHealthInsurance(
  bundle: PersonBundle,
  random: Random,
  ids: IdFactory,
  ctx: {
    pin: string;
    status: MigrationStatus;
    stays: readonly Stay[];
    atHomeSince: number;
    periods: readonly Period[];
  },
): void {
  const share = F.HEALTH_INSURANCE_RECORD_SHARE[ctx.status];
  if (!random.chance(share)) return;
  let status: HealthInsuranceRecord['status'] = HealthInsuranceStatus.NOT_INSURED;
  let scheme = HealthInsuranceScheme.MANDATORY;
  let validFrom: number;
  let validUntil: number | null = null;
  const current = ctx.stays.at(-1);
  if (ctx.status === MigrationStatus.ABROAD && current) {
    validFrom = Math.min(LAST, current.departedOn - random.int(0, 30));
    if (random.chance(F.MIGRANT_POLICY_SHARE_ABROAD)) {
      status = HealthInsuranceStatus.INSURED;
      scheme = HealthInsuranceScheme.MIGRANT_POLICY;
      validUntil = validFrom + 364;
    }
  } else {
    const insuredWork = ctx.periods.find(
      (p) =>
        p.source === InsurancePeriodSource.DOMESTIC && p.to === LAST && p.from >= ctx.atHomeSince,
    );
    if (insuredWork) {
      status = HealthInsuranceStatus.INSURED;
      validFrom = insuredWork.from;
    } else if (random.chance(0.3)) {
      status = HealthInsuranceStatus.INSURED;
      scheme = HealthInsuranceScheme.VOLUNTARY;
      validFrom = Math.max(ctx.atHomeSince, LAST - random.int(0, 540));
      validUntil = validFrom + 364;
    } else {
      validFrom = Math.max(ctx.atHomeSince, LAST - random.int(0, 1825));
    }
  }
  bundle.health.HealthInsurance.push({
    _id: ids.next('HealthInsurance'),
    pin: ctx.pin,
    status,
    scheme,
    validFrom: dateOf(validFrom),
    validUntil: validUntil === null ? null : dateOf(validUntil),
    ...stamps(),
  });
}
