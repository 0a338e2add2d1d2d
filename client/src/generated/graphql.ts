import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO 3166-1 alpha-2 country code, upper case (RU, KZ, TR...). */
  CountryCode: { input: string; output: string; }
  /** A calendar date, ISO 8601 YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** Personal identification number of the Kyrgyz civil registry: 14 digits, first digit 1 or 2, digits 2-9 a calendar date. */
  PIN: { input: string; output: string; }
  /** Region of the Kyrgyz Republic, ISO 3166-2:KG: KG-B, KG-C, KG-J, KG-N, KG-O, KG-T, KG-Y, KG-GB, KG-GO. */
  Region: { input: string; output: string; }
};

/** One request that read or wrote a person's data in one agency. Fields named `caller...` are labels the caller chose, not names Jol gave. */
export type AccessEvent = {
  __typename?: 'AccessEvent';
  /** The reader's agency claim. */
  agency?: Maybe<Scalars['String']['output']>;
  /** When, as an ISO 8601 timestamp (UTC). */
  at: Scalars['String']['output'];
  /** The name the caller gave its operation (a label it chose, not checked by Jol). */
  callerOperationName?: Maybe<Scalars['String']['output']>;
  /** The X-Request-Id the caller sent (a label it chose). */
  callerRequestId?: Maybe<Scalars['String']['output']>;
  /** Writes that were allowed but failed validation and stored nothing. */
  failed: Array<Scalars['String']['output']>;
  /** Schema coordinates asked for: served, refused or failed. */
  fields: Array<Scalars['String']['output']>;
  /** A search for persons by name (searchPersons) listed this person in this request. */
  foundBySearch: Scalars['Boolean']['output'];
  /** Which institution read or wrote: the agency, or the partner institution. */
  institution?: Maybe<AccessInstitution>;
  /** query or mutation; webhook for a change event delivered to a subscribing system (its served field names the event). */
  operationType?: Maybe<Scalars['String']['output']>;
  /** ALLOWED (all served), PARTIAL (some served, some refused or failed), DENIED (all refused by the access rules, a write refused while it ran included) or FAILED (an allowed write failed validation and stored nothing). */
  outcome: Scalars['String']['output'];
  purpose?: Maybe<Scalars['String']['output']>;
  /** Schema coordinates refused. */
  refused: Array<Scalars['String']['output']>;
  /** Jol's id of the request, the same in every agency. */
  requestId: Scalars['String']['output'];
  roles: Array<Scalars['String']['output']>;
  /** Schema coordinates whose data was handed out or written. */
  served: Array<Scalars['String']['output']>;
  /** The agency whose data was read or written. */
  service: Scalars['String']['output'];
};

/** A page of access events, newest first. */
export type AccessEventPage = {
  __typename?: 'AccessEventPage';
  events: Array<AccessEvent>;
  pageInfo: PageInfo;
};

/** The institution on whose behalf a request was made. */
export type AccessInstitution = {
  __typename?: 'AccessInstitution';
  /** The agency, or the partner institution's registry code. */
  code: Scalars['String']['output'];
  kind: InstitutionKind;
  /** A partner institution's name, from the registry of the agency it exchanges with. */
  name?: Maybe<Scalars['String']['output']>;
};

export type AcknowledgePensionExchangeDocumentInput = {
  /** A document the Social Fund sent to your institution. */
  documentId: Scalars['ID']['input'];
};

/** Age in whole years on the day asked. */
export type AgeBand =
  | 'AGE_0_14'
  | 'AGE_15_29'
  | 'AGE_30_44'
  | 'AGE_45_59'
  | 'AGE_60_PLUS';

/** A consular assistance case: a citizen in difficulty abroad. */
export type AssistanceCase = {
  __typename?: 'AssistanceCase';
  /** Null until the case is CLOSED. */
  closedOn?: Maybe<Scalars['Date']['output']>;
  /** The consulate handling the case. */
  consulate: Consulate;
  /** The country the handling consulate serves. */
  country: Scalars['CountryCode']['output'];
  id: Scalars['ID']['output'];
  openedOn: Scalars['Date']['output'];
  pin: Scalars['PIN']['output'];
  status: AssistanceCaseStatus;
  type: AssistanceType;
};

export type AssistanceCaseStatus =
  /** Set only by closeAssistanceCase, with the day it closed. */
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'OPEN';

/** What a citizen abroad needed the consulate for. */
export type AssistanceType =
  /** A citizen died abroad. */
  | 'DEATH_ABROAD'
  /** Arrest, detention or imprisonment abroad. */
  | 'DETENTION'
  /** Admitted to hospital abroad. */
  | 'HOSPITALISATION'
  /** Unpaid wages, forced labour or trafficking. */
  | 'LABOUR_EXPLOITATION'
  /** A citizen accused or convicted of an offence abroad, or sued. */
  | 'LEGAL_AID'
  /** Passport or other documents lost, stolen or expired. */
  | 'LOST_DOCUMENTS'
  /** Return home of the citizen, or of their remains. */
  | 'REPATRIATION';

/** Who looks after the child while the parent is abroad. */
export type Caregiver =
  | 'GRANDPARENT'
  | 'NON_RELATIVE'
  | 'OTHER_PARENT'
  | 'OTHER_RELATIVE'
  | 'STATE_INSTITUTION';

/** A change an agency system may hear of by webhook. Who may subscribe to each is in the access policy (the data class the subscriber must read for its purpose). */
export type ChangeEventType =
  /** A partner institution submitted a document (submitPensionExchangePeriods), accepted or rejected. Emitted by pensions; needs pensionExchange. */
  | 'EXCHANGE_DOCUMENT_RECEIVED'
  /** A person let another agency see their fitness certificate (grantHealthConsent). Emitted by health; needs health. */
  | 'HEALTH_CONSENT_GRANTED'
  /** A consent was withdrawn (revokeHealthConsent). Emitted by health; needs health. */
  | 'HEALTH_CONSENT_REVOKED'
  /** The Social Fund recorded a pension decision in an exchange case (recordPensionDecision). Emitted by pensions; needs pensionExchange. */
  | 'PENSION_DECISION_RECORDED'
  /** A stay abroad was closed: the person returned (registerReturn). Emitted by migration; needs migrationEpisodes. */
  | 'PERSON_RETURNED'
  /** A TB case was opened (recordTbCase); whether the person is a returnee is read from Person.episodes. Emitted by health; needs health. */
  | 'TB_CASE_OPENED';

export type CloseAssistanceCaseInput = {
  closedOn: Scalars['Date']['input'];
  id: Scalars['ID']['input'];
};

/** An agency outside health that may read a person's fitness for work abroad by consent. */
export type ConsentRecipient =
  /** Ministry of Labour, Social Security and Migration (LABOUR_OFFICER). */
  | 'LABOUR'
  /** State Migration Service (MIGRATION_OFFICER). */
  | 'MIGRATION'
  /** Social Fund (PENSION_OFFICER). */
  | 'PENSIONS';

/** A consular registration: the citizen told a consulate they live in its country, from a day until they leave (to). */
export type ConsularRegistration = {
  __typename?: 'ConsularRegistration';
  /** The city of the address the citizen gave. */
  addressCity: Scalars['String']['output'];
  consulate: Consulate;
  /** The country the consulate serves. */
  country: Scalars['CountryCode']['output'];
  from: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  pin: Scalars['PIN']['output'];
  /** Null while the registration holds. */
  to?: Maybe<Scalars['Date']['output']>;
};

/** A consular post abroad: the ISO 3166-1 code of the country it serves, then its city. */
export type Consulate =
  | 'AE_DUBAI'
  | 'DE_BERLIN'
  | 'KR_SEOUL'
  | 'KZ_ALMATY'
  | 'KZ_ASTANA'
  | 'RU_MOSCOW'
  | 'RU_NOVOSIBIRSK'
  | 'RU_SAINT_PETERSBURG'
  | 'RU_YEKATERINBURG'
  | 'TR_ANKARA'
  | 'TR_ISTANBUL'
  | 'US_WASHINGTON';

export type ContributionKind =
  | 'MANDATORY'
  | 'VOLUNTARY';

/** A child or other dependant left in the Kyrgyz Republic. */
export type Dependant = {
  __typename?: 'Dependant';
  caregiver: Caregiver;
  /** The child's PIN; masked for most roles. */
  childPin?: Maybe<Scalars['PIN']['output']>;
  id: Scalars['ID']['output'];
  relation: DependantRelation;
};

export type DependantRelation =
  | 'CHILD'
  | 'GRANDCHILD'
  | 'STEPCHILD'
  | 'WARD';

/** One job abroad, as known to the Ministry of Labour. */
export type EmploymentRecord = {
  __typename?: 'EmploymentRecord';
  country: Scalars['CountryCode']['output'];
  /** The employer's name; null when the caller may not read employment detail. */
  employer?: Maybe<Scalars['String']['output']>;
  /** True when the work was under a written contract; null when the caller may not read employment detail. */
  formal?: Maybe<Scalars['Boolean']['output']>;
  from: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  /** The permit or patent number; null when permitType is NONE or the caller may not read employment detail. */
  permitNumber?: Maybe<Scalars['String']['output']>;
  /** Null when the caller may not read employment detail. */
  permitType?: Maybe<WorkPermitType>;
  pin: Scalars['PIN']['output'];
  sector: LabourSector;
  /** Null on the current version; on an earlier or voided one, how, when and why it was superseded. */
  superseded?: Maybe<Supersession>;
  /** Null while the job is ongoing. */
  to?: Maybe<Scalars['Date']['output']>;
  /** The version: 1 when recorded, one more with each correction. */
  version: Scalars['Int']['output'];
  /** The earlier versions of this record, oldest first, each with why it was superseded. */
  versions?: Maybe<Array<EmploymentRecord>>;
};

export type EndConsularRegistrationInput = {
  id: Scalars['ID']['input'];
  /** The day the citizen left the consulate’s country. */
  to: Scalars['Date']['input'];
};

export type EnrolInReintegrationInput = {
  enrolledOn: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  programme: ReintegrationProgramme;
};

/** A re-entry ban imposed by a destination country. */
export type EntryBan = {
  __typename?: 'EntryBan';
  country: Scalars['CountryCode']['output'];
  from: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  pin: Scalars['PIN']['output'];
  reason: EntryBanReason;
  /** Null for an open-ended ban. */
  until?: Maybe<Scalars['Date']['output']>;
};

export type EntryBanReason =
  | 'ADMINISTRATIVE_OFFENCE'
  | 'CRIMINAL_CONVICTION'
  | 'OTHER'
  | 'OVERSTAY'
  | 'SANITARY';

/** One event for one subscription, and how its delivery went. */
export type EventDelivery = {
  __typename?: 'EventDelivery';
  attempts: Scalars['Int']['output'];
  /** ISO 8601 timestamp (UTC). */
  deliveredAt?: Maybe<Scalars['String']['output']>;
  /** The event id: the Jol-Event-Id and Idempotency-Key of every attempt. */
  eventId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** Why the last attempt failed. */
  lastFailure?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp (UTC). */
  occurredAt: Scalars['String']['output'];
  pin: Scalars['PIN']['output'];
  /** The changed record. */
  recordId: Scalars['String']['output'];
  status: EventDeliveryStatus;
  subscriptionId: Scalars['ID']['output'];
  type: ChangeEventType;
};

export type EventDeliveryStatus =
  /** Given up (the dead-letter list); the subscriber may replay it. */
  | 'DEAD'
  /** The subscriber answered 2xx. */
  | 'DELIVERED'
  /** Not yet taken by the subscriber; retried with backoff. */
  | 'PENDING';

/** An agency system's subscription to one agency's change events. */
export type EventSubscription = {
  __typename?: 'EventSubscription';
  active: Scalars['Boolean']['output'];
  /** The agency whose events these are. */
  agency: Scalars['String']['output'];
  /** ISO 8601 timestamp (UTC). */
  cancelledAt?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp (UTC). */
  createdAt: Scalars['String']['output'];
  events: Array<ChangeEventType>;
  /** ISO 8601 timestamp (UTC): the end of its term. Changes after it are not delivered, nor deliveries still due then, until the subscription is renewed (the renew mutation of its agency). */
  expiresAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The purpose declared when subscribing; deliveries are decided for it. */
  purpose: Scalars['String']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};

/** A new subscription and the secret its deliveries are signed with (shown once). */
export type EventSubscriptionCreated = {
  __typename?: 'EventSubscriptionCreated';
  /** HMAC-SHA256 key of the Jol-Signature header (t=<unix seconds>,v1=<hex of HMAC over "<t>.<raw body>">). Store it; it is never shown again. */
  secret: Scalars['String']['output'];
  subscription: EventSubscription;
};

/** Fitness for work abroad as a health certificate states it; it names no diagnosis. */
export type FitnessForWorkAbroad =
  /** The latest TB and HIV screenings are both negative and less than 12 months old, and no TB case is active. */
  | 'FIT'
  /** A TB case is active, or the latest TB screening is positive. */
  | 'NOT_FIT'
  /** Neither: screenings are missing, old or inconclusive. */
  | 'UNDETERMINED';

export type GrantHealthConsentInput = {
  /** Last day the consent holds: after today, at most 5 years ahead. */
  expiresOn: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  /** A purpose the recipient agency's officers may declare: MIGRATION_REGISTRATION or RETURNEE_SUPPORT for MIGRATION, EMPLOYMENT_SERVICES or RETURNEE_SUPPORT for LABOUR, PENSION_ASSESSMENT for PENSIONS. */
  purpose: Scalars['String']['input'];
  recipientAgency: ConsentRecipient;
};

/** A person's consent that officers of one agency, for one purpose, may see Person.fitForWorkAbroad. It never opens screenings, TB cases or insurance. */
export type HealthConsent = {
  __typename?: 'HealthConsent';
  /** Not revoked and not past expiresOn, as of today. */
  active: Scalars['Boolean']['output'];
  /** Last day the consent holds (inclusive). */
  expiresOn: Scalars['Date']['output'];
  grantedAt: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  pin: Scalars['PIN']['output'];
  /** The recipient's declared purpose (X-Purpose) the consent covers, e.g. EMPLOYMENT_SERVICES. */
  purpose: Scalars['String']['output'];
  recipientAgency: ConsentRecipient;
  /** The role it was recorded as: HEALTH_OFFICER or DATA_SUBJECT. */
  recordedAs: Scalars['String']['output'];
  /** Who recorded the grant (token subject). */
  recordedBy: Scalars['String']['output'];
  /** The role it was revoked as; null while not revoked. */
  revokedAs?: Maybe<Scalars['String']['output']>;
  /** Null while not revoked. */
  revokedAt?: Maybe<Scalars['Date']['output']>;
  /** Who revoked it (token subject); null while not revoked. */
  revokedBy?: Maybe<Scalars['String']['output']>;
};

/** The change events health emits. */
export type HealthEventType =
  /** A person let another agency see their fitness certificate (grantHealthConsent). */
  | 'HEALTH_CONSENT_GRANTED'
  /** A consent was withdrawn (revokeHealthConsent). */
  | 'HEALTH_CONSENT_REVOKED'
  /** A TB case was opened (recordTbCase); whether the person is a returnee is read from Person.episodes. */
  | 'TB_CASE_OPENED';

/** A person's health insurance, as of today. */
export type HealthInsurance = {
  __typename?: 'HealthInsurance';
  pin: Scalars['PIN']['output'];
  scheme: HealthInsuranceScheme;
  status: HealthInsuranceStatus;
  validFrom: Scalars['Date']['output'];
  /** Last day of cover; null for open-ended cover. */
  validUntil?: Maybe<Scalars['Date']['output']>;
};

export type HealthInsuranceScheme =
  /** Mandatory health insurance fund. */
  | 'MANDATORY'
  /** A policy bought for or by a labour migrant. */
  | 'MIGRANT_POLICY'
  /** Voluntary health insurance. */
  | 'VOLUNTARY';

export type HealthInsuranceStatus =
  /** Recorded as INSURED, but validUntil is before today; derived, never stored. */
  | 'EXPIRED'
  | 'INSURED'
  | 'NOT_INSURED';

/** One screening of a person at a medical facility. */
export type HealthScreening = {
  __typename?: 'HealthScreening';
  /** Name of the medical facility that screened the person. */
  facility: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ScreeningKind;
  pin: Scalars['PIN']['output'];
  result: ScreeningResult;
  screenedOn: Scalars['Date']['output'];
  /** Null on the current version; on an earlier or voided one, how, when and why it was superseded. */
  superseded?: Maybe<Supersession>;
  /** The version: 1 when recorded, one more with each correction. */
  version: Scalars['Int']['output'];
  /** The earlier versions of this screening, oldest first, each with why it was superseded. */
  versions?: Maybe<Array<HealthScreening>>;
};

/** A breakdown of an indicator table. */
export type IndicatorDimension =
  /** Age on the year's reference day (31 December, or the build day). */
  | 'AGE_BAND'
  /** The country of the stay, job, ban or insurance period counted; for measures without one, the person's latest destination (null: never abroad). */
  | 'DESTINATION'
  /** The person's home region (ISO 3166-2:KG). */
  | 'REGION'
  /** The sector of work abroad. Only in employmentAbroadBySector; not accepted in `by`. */
  | 'SECTOR'
  /** Sex as recorded by the civil registry. */
  | 'SEX'
  /** The calendar year. */
  | 'YEAR';

/** Which persons and years an indicators query covers; all given criteria must hold. Give `year`, or `fromYear` and `toYear`, or neither (the last full calendar year). */
export type IndicatorFilter = {
  /** Age on the year's reference day. */
  ageBand?: InputMaybe<AgeBand>;
  /** The destination, as the DESTINATION dimension defines it per measure. */
  destination?: InputMaybe<Scalars['CountryCode']['input']>;
  /** First year of a period (with toYear). */
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  /** The person's home region. */
  region?: InputMaybe<Scalars['Region']['input']>;
  sex?: InputMaybe<Sex>;
  /** Last year of a period, included. */
  toYear?: InputMaybe<Scalars['Int']['input']>;
  /** One calendar year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** One cell of an indicator table, or one of its totals. */
export type IndicatorRow = {
  __typename?: 'IndicatorRow';
  ageBand?: Maybe<AgeBand>;
  destination?: Maybe<Scalars['CountryCode']['output']>;
  /** The dimensions this row is a total over: empty for a cell. */
  over: Array<IndicatorDimension>;
  region?: Maybe<Scalars['Region']['output']>;
  /** The sector of work abroad, as the employment records name it. */
  sector?: Maybe<Scalars['String']['output']>;
  sex?: Maybe<Sex>;
  /** True when the value is withheld: it counts some persons but its perturbed count is below minCellSize, so it holds 1 to minCellSize-1+D persons (a count over several years: also when every year counts fewer than minCellSize; a share: when either count is withheld; children: when fewer than minCellSize parents are described). A published 0 means nobody. */
  suppressed: Scalars['Boolean']['output'];
  /** The value; null when suppressed. Counts carry cell-key noise: at most D = 2 either way, variance V = 1.2, mean 0; from 2 persons on the noise is -2: 0.1, -1: 0.2, 0: 0.4, +1: 0.2, +2: 0.1. Zero stays zero and no count is published below zero. The noise follows from the persons counted (their cell key), so the same group shows the same value in every table and query. A margin or total is perturbed as a cell of its own: cells do not add up exactly to it. A share is taken of the two perturbed counts, capped at 1. */
  value?: Maybe<Scalars['Float']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};

/** The filter an indicators result was computed for, normalized. */
export type IndicatorScope = {
  __typename?: 'IndicatorScope';
  ageBand?: Maybe<AgeBand>;
  destination?: Maybe<Scalars['CountryCode']['output']>;
  fromYear: Scalars['Int']['output'];
  region?: Maybe<Scalars['Region']['output']>;
  sex?: Maybe<Sex>;
  toYear: Scalars['Int']['output'];
};

/** One measure of one agency, broken down and protected by disclosure control (the cell key method): every count carries noise, and a count of some persons perturbed below minCellSize is withheld (so a published count is 0 or at least minCellSize). Counts carry cell-key noise: at most D = 2 either way, variance V = 1.2, mean 0; from 2 persons on the noise is -2: 0.1, -1: 0.2, 0: 0.4, +1: 0.2, +2: 0.1. Zero stays zero and no count is published below zero. The same persons always get the same noise, so asking again, or another query holding the same group, shows the same value; differences between queries (another filter, breakdown or period) carry noise and do not reveal a withheld count. Margins and totals are perturbed on their own and are not the exact sums of the cells. Every indicators query is audited. */
export type IndicatorTable = {
  __typename?: 'IndicatorTable';
  /** The agency whose records the measure counts. */
  agency: Scalars['String']['output'];
  /** The last day the agency's statistics cover: events after it are not counted, a stock of its year is counted on it, and a filter reaching a later year is refused. Null before the first build. */
  asOf?: Maybe<Scalars['Date']['output']>;
  description: Scalars['String']['output'];
  /** The breakdowns, slowest-varying first. */
  dimensions: Array<IndicatorDimension>;
  /** Totals over one dimension of a two-way table (row and column totals). */
  margins: Array<IndicatorRow>;
  /** The measure, as named in Indicators. */
  measure: Scalars['String']['output'];
  /** K: a cell counting 1 to K-1 persons is withheld. */
  minCellSize: Scalars['Int']['output'];
  /** When the statistics were last built, ISO 8601; null before the first build. They are rebuilt by a refresh (npm run stats:refresh), not on every write: records written since are not counted yet. */
  refreshedAt?: Maybe<Scalars['String']['output']>;
  /** The cells: every combination of the dimensions. */
  rows: Array<IndicatorRow>;
  /** The grand total. */
  total: IndicatorRow;
  unit: IndicatorUnit;
};

export type IndicatorUnit =
  /** Persons; over a period of several years without a YEAR breakdown, the sum of the yearly counts (a person counts once per year). */
  | 'PERSONS'
  /** A share from 0 to 1 of two person counts, rounded to 4 places. */
  | 'SHARE';

/** Indicators for one filter and breakdown, gathered from the four agencies. Each measure is a table protected by disclosure control: every count perturbed by the cell key method, and withheld when perturbed below minCellSize. Counts carry cell-key noise: at most D = 2 either way, variance V = 1.2, mean 0; from 2 persons on the noise is -2: 0.1, -1: 0.2, 0: 0.4, +1: 0.2, +2: 0.1. Zero stays zero and no count is published below zero. */
export type Indicators = {
  __typename?: 'Indicators';
  /** Persons with an active tuberculosis case on the reference day of the period's last year; destination: their latest destination (null: never abroad). Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  activeTbCases?: Maybe<IndicatorTable>;
  /** The share of persons aged 15-29 among persons abroad (as personsAbroad counts them). Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  aged15To29ShareAbroad?: Maybe<IndicatorTable>;
  /** Persons with a consular assistance case opened in the year, of any type, once per year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  assistanceCases?: Maybe<IndicatorTable>;
  /** The breakdowns asked for. */
  by: Array<IndicatorDimension>;
  /** Children recorded as left behind by a parent abroad on the reference day, each once; counted by the parent's region, sex, age band and destination. A cell is withheld when it describes fewer than minCellSize parents, however many children. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  childrenWithParentAbroad?: Maybe<IndicatorTable>;
  /** Deaths abroad with a case opened in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  deathsAbroad?: Maybe<IndicatorTable>;
  /** Persons who departed in the year, once per year, by the country of their latest departure that year. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  departures?: Maybe<IndicatorTable>;
  /** Persons abroad (as personsAbroad counts them) by destination country only, whatever `by` says; the filter applies. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  destinations?: Maybe<IndicatorTable>;
  /** Persons detained or imprisoned abroad with a case opened in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  detentionCases?: Maybe<IndicatorTable>;
  /** Persons with a job abroad during the year, once per year, by the country of their latest job that year. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  employedAbroad?: Maybe<IndicatorTable>;
  /** Persons with a job abroad during the year (as employedAbroad counts them) by the sector of their latest job, whatever `by` says; the filter applies. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  employmentAbroadBySector?: Maybe<IndicatorTable>;
  /** Persons given a re-entry ban in the year, by the country that imposed it. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  entryBans?: Maybe<IndicatorTable>;
  /** The filter, normalized. */
  filter: IndicatorScope;
  /** The share of persons employed abroad (as employedAbroad counts them) whose latest job that year was under a written contract. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  formalEmploymentShare?: Maybe<IndicatorTable>;
  /** Persons hospitalised abroad with a case opened in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  hospitalisationCases?: Maybe<IndicatorTable>;
  /** Migrants with an insurance period abroad during the year, once per year, by the country of their latest such period. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  insuredAbroad?: Maybe<IndicatorTable>;
  /** The normalized filter and breakdowns, as canonical JSON. */
  key: Scalars['String']['output'];
  /** Persons exploited at work or trafficked abroad, with a case opened in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  labourExploitationCases?: Maybe<IndicatorTable>;
  /** Persons given legal aid abroad (accused, convicted or sued) in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  legalAidCases?: Maybe<IndicatorTable>;
  /** Persons who lost their documents abroad, with a case opened in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  lostDocumentsCases?: Maybe<IndicatorTable>;
  /** Persons abroad on the reference day of the period's last year (31 December, or the build day), by the country of their stay. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  personsAbroad?: Maybe<IndicatorTable>;
  /** Persons with an insurance period abroad reported by a partner institution during the year: periods totalized towards their pension under an agreement (EAEU). By the country of the latest such period. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  personsWithTotalizedPeriods?: Maybe<IndicatorTable>;
  /** Persons who completed a reintegration programme in the year, once per year; destination: their latest destination. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  reintegrationCompletions?: Maybe<IndicatorTable>;
  /** Persons who enrolled in a reintegration programme in the year, once per year; destination: their latest destination. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  reintegrationEnrolments?: Maybe<IndicatorTable>;
  /** Persons (or remains) repatriated with a case opened in the year; counted by the country of the case (DESTINATION: the country its consulate serves), and the home region, sex and age band of the person. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  repatriationCases?: Maybe<IndicatorTable>;
  /** The share of returnees (back from abroad at least once by the reference day) among persons with an active tuberculosis case (as activeTbCases counts them). Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  returneeShareOfActiveTb?: Maybe<IndicatorTable>;
  /** Persons who returned in the year, once per year, by the country of their latest return that year. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  returns?: Maybe<IndicatorTable>;
  /** Returnees (back from abroad at least once before the screening) screened for tuberculosis in the year, once per year; destination: their latest destination. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  tbScreenedReturnees?: Maybe<IndicatorTable>;
  /** Persons who paid a voluntary contribution to the Social Fund in the year; destination: their latest destination. Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  voluntaryContributors?: Maybe<IndicatorTable>;
  /** The share of women among persons abroad (as personsAbroad counts them). Counts perturbed by the cell key method (D = 2, V = 1.2; see IndicatorTable), withheld when perturbed below minCellSize. */
  womenShareAbroad?: Maybe<IndicatorTable>;
};

/** An agency of the Republic, or a partner institution abroad. */
export type InstitutionKind =
  | 'AGENCY'
  | 'PARTNER';

/** A period of pension insurance in one country, both days included. The periods of one person never overlap. */
export type InsurancePeriod = {
  __typename?: 'InsurancePeriod';
  /** Where the person was insured; KG at home. */
  country: Scalars['CountryCode']['output'];
  /** First day of the period. */
  from: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  pin: Scalars['PIN']['output'];
  source: InsurancePeriodSource;
  /** Null on the current version; on an earlier or voided one, how, when and why it was superseded. */
  superseded?: Maybe<Supersession>;
  /** Last day of the period. */
  to: Scalars['Date']['output'];
  type: InsurancePeriodType;
  /** The version: 1 when recorded, one more with each correction. */
  version: Scalars['Int']['output'];
  /** The earlier versions of this period, oldest first, each with why it was superseded. */
  versions?: Maybe<Array<InsurancePeriod>>;
};

/** Who vouches for a period. */
export type InsurancePeriodSource =
  /** Insured in the Kyrgyz Republic (country KG). */
  | 'DOMESTIC'
  /** Reported by a partner pension institution (EAEU, Turkiye...). */
  | 'PARTNER_REPORTED'
  /** Voluntary contributions paid to the Social Fund while working abroad. */
  | 'VOLUNTARY_FROM_ABROAD';

export type InsurancePeriodType =
  | 'CHILD_CARE'
  | 'EMPLOYMENT'
  | 'MILITARY_SERVICE'
  | 'OTHER'
  | 'SELF_EMPLOYMENT'
  | 'VOLUNTARY';

/** A person's insurance service, computed from their insurance periods. */
export type InsuranceServiceSummary = {
  __typename?: 'InsuranceServiceSummary';
  /** Periods in all other countries. */
  abroad: ServiceLength;
  /** Every country with at least one period, KG included, in alphabetical order. */
  countries: Array<Scalars['CountryCode']['output']>;
  /** Periods in the Kyrgyz Republic (country KG). */
  home: ServiceLength;
  /** How many periods are in countries other than KG. */
  periodsAbroad: Scalars['Int']['output'];
  /** All periods. */
  total: ServiceLength;
};

export type InvalidatePensionExchangeDocumentInput = {
  /** A document your institution sent. */
  documentId: Scalars['ID']['input'];
  /** Why it is withdrawn, 1-500 characters. */
  reason: Scalars['String']['input'];
};

export type LabourSector =
  | 'AGRICULTURE'
  | 'CATERING'
  | 'CONSTRUCTION'
  | 'DOMESTIC_WORK'
  | 'MANUFACTURING'
  | 'OTHER'
  | 'SERVICES'
  | 'TEXTILES'
  | 'TRADE'
  | 'TRANSPORT';

/** One stay abroad: a departure and, once back, its return. */
export type MigrationEpisode = {
  __typename?: 'MigrationEpisode';
  city?: Maybe<Scalars['String']['output']>;
  country: Scalars['CountryCode']['output'];
  departedOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  pin: Scalars['PIN']['output'];
  purpose: MigrationPurpose;
  /** Null while the person is still abroad. */
  returnedOn?: Maybe<Scalars['Date']['output']>;
  /** Null on the current version; on an earlier or voided one, how, when and why it was superseded. */
  superseded?: Maybe<Supersession>;
  /** The version: 1 when recorded, one more with each correction. */
  version: Scalars['Int']['output'];
  /** The earlier versions of this stay, oldest first, each with why it was superseded. */
  versions?: Maybe<Array<MigrationEpisode>>;
};

/** A whole stay abroad, as a correction states it. */
export type MigrationEpisodeInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country: Scalars['CountryCode']['input'];
  departedOn: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  purpose: MigrationPurpose;
  /** Omit while the person is still abroad; not before departedOn. */
  returnedOn?: InputMaybe<Scalars['Date']['input']>;
};

/** The change events migration emits. */
export type MigrationEventType =
  /** A stay abroad was closed: the person returned (registerReturn). */
  | 'PERSON_RETURNED';

export type MigrationPurpose =
  | 'FAMILY'
  | 'OTHER'
  | 'STUDY'
  | 'WORK';

export type MigrationStatus =
  | 'ABROAD'
  | 'NEVER_LEFT'
  | 'RETURNED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Acknowledges a document the Social Fund sent to your institution (a decision). */
  acknowledgePensionExchangeDocument: PensionExchangeDocument;
  /** Stops a subscription of yours; deliveries not yet made are given up. */
  cancelHealthEventSubscription: EventSubscription;
  /** Stops a subscription of yours; deliveries not yet made are given up. */
  cancelMigrationEventSubscription: EventSubscription;
  /** Stops a subscription of yours; deliveries not yet made are given up. */
  cancelPensionsEventSubscription: EventSubscription;
  /** Closes an open case on the day given. */
  closeAssistanceCase: AssistanceCase;
  /** Corrects a stored job of the same person: checked as a new record would be, the record itself left out of the overlap check; the version it replaces is kept with the reason. */
  correctEmploymentRecord: EmploymentRecord;
  /** Corrects a stored screening of the same person, checked as a new one would be; the version it replaces is kept with the reason. */
  correctHealthScreening: HealthScreening;
  /** Corrects a stored period of the same person: checked as a new period would be, the period itself left out of the overlap check; the version it replaces is kept with the reason. */
  correctInsurancePeriod: InsurancePeriod;
  /** Corrects a stored stay of the same person: checked as a departure and return would be, and against the person's other stays; the person's status and destinations follow. The version it replaces is kept with the reason. */
  correctMigrationEpisode: MigrationEpisode;
  /** Corrects a stored contribution of the same person, checked as a new one would be; the version it replaces is kept with the reason. */
  correctPensionContribution: PensionContribution;
  /** Ends a current registration on the day the citizen left the country. */
  endConsularRegistration: ConsularRegistration;
  /** Enrols a returnee in a programme; it starts ENROLLED. */
  enrolInReintegration: ReintegrationEnrolment;
  /** Records that the person lets officers of recipientAgency, declaring purpose, see Person.fitForWorkAbroad until expiresOn. By the person (DATA_SUBJECT, SELF_SERVICE) or a health officer. One open consent per recipient and purpose (CONFLICT otherwise). */
  grantHealthConsent: HealthConsent;
  /** Withdraws a document your institution sent (version 2, INVALIDATED); the periods it brought are removed. Invalidating again changes nothing. */
  invalidatePensionExchangeDocument: PensionExchangeDocument;
  /** Opens an assistance case at a consulate. */
  openAssistanceCase: AssistanceCase;
  /** Opens your institution's case for a person under an agreement it relies on; opening it again returns the same case. */
  openPensionExchangeCase: PensionExchangeCase;
  /** Records a pension contribution. */
  recordContribution: PensionContribution;
  recordDependant: Dependant;
  /** Records a job abroad; it may not overlap another job of the same person with the same employer. */
  recordEmployment: EmploymentRecord;
  recordEntryBan: EntryBan;
  /** Records an insurance period; it must not overlap any of the person's stored periods, in any country. */
  recordInsurancePeriod: InsurancePeriod;
  /** Records a pension decision of the Social Fund and sends it to the case's partner (P6000, RECEIVED until the partner acknowledges it). */
  recordPensionDecision: PensionDecision;
  /** Records the result of one screening. */
  recordScreening: HealthScreening;
  /** Records a skill; a person holds each skill name once. */
  recordSkill: Skill;
  /** Opens a TB case; a person may have only one active case (CONFLICT otherwise). */
  recordTbCase: TbCase;
  /** Closes an active case with a WHO outcome; treatment becomes COMPLETED for CURED and TREATMENT_COMPLETED, INTERRUPTED otherwise. CURED, TREATMENT_COMPLETED and TREATMENT_FAILED need a started treatment. */
  recordTbOutcome: TbCase;
  /** Registers a citizen with a consulate; a citizen holds one current registration (CONFLICT otherwise), beginning on or after the day their last one ended (BAD_USER_INPUT otherwise). */
  registerConsularRegistration: ConsularRegistration;
  /** Opens a stay abroad; the person must be at home. */
  registerDeparture: MigrationEpisode;
  /** Registers a person; a PIN can be registered once. */
  registerPerson: Person;
  /** Closes the open stay abroad. */
  registerReturn: MigrationEpisode;
  /** A reminder about a document your institution sent (by default its last one in the case): the acknowledgement or rejection is sent again, and a document left RECEIVED is settled first. */
  remindPensionExchangeDocument: PensionExchangeDocument;
  /** Renews a subscription of yours, expired or not, for the deployment's subscription term (30 days unless its operators chose another) from now. It then keeps your token's roles and your declared purpose of today for its deliveries, so it is renewed only if they may hear of every event it lists; otherwise FORBIDDEN and it stays as it was. Changes made while it had expired are not delivered. */
  renewHealthEventSubscription: EventSubscription;
  /** Renews a subscription of yours, expired or not, for the deployment's subscription term (30 days unless its operators chose another) from now. It then keeps your token's roles and your declared purpose of today for its deliveries, so it is renewed only if they may hear of every event it lists; otherwise FORBIDDEN and it stays as it was. Changes made while it had expired are not delivered. */
  renewMigrationEventSubscription: EventSubscription;
  /** Renews a subscription of yours, expired or not, for the deployment's subscription term (30 days unless its operators chose another) from now. It then keeps your token's roles and your declared purpose of today for its deliveries, so it is renewed only if they may hear of every event it lists; otherwise FORBIDDEN and it stays as it was. Changes made while it had expired are not delivered. */
  renewPensionsEventSubscription: EventSubscription;
  /** Sends a dead letter of yours again (its attempts start over), of an event your declared purpose hears of. */
  replayHealthEventDelivery: EventDelivery;
  /** Sends a dead letter of yours again (its attempts start over), of an event your declared purpose hears of. */
  replayMigrationEventDelivery: EventDelivery;
  /** Sends a dead letter of yours again (its attempts start over), of an event your declared purpose hears of. */
  replayPensionsEventDelivery: EventDelivery;
  /** Withdraws a consent from today on. By the person it concerns (DATA_SUBJECT, SELF_SERVICE) or a health officer. */
  revokeHealthConsent: HealthConsent;
  /** Creates or replaces the person's single insurance record. */
  setHealthInsurance: HealthInsurance;
  /** Sends insurance periods at your institution for the person of a case (P5000). It is ACKNOWLEDGED and the periods stored, or REJECTED with every reason and nothing stored. Idempotent by idempotencyKey. */
  submitPensionExchangePeriods: PensionExchangeDocument;
  /** Subscribes the calling system to health's change events (TB_CASE_OPENED, HEALTH_CONSENT_GRANTED, HEALTH_CONSENT_REVOKED). Deliveries are POSTed to url, signed with the returned secret, at least once; each is audited. Needs, for the declared purpose, the data class of every event asked for (see ChangeEventType). */
  subscribeToHealthEvents: EventSubscriptionCreated;
  /** Subscribes the calling system to migration's change events (PERSON_RETURNED). Deliveries are POSTed to url, signed with the returned secret, at least once; each is audited. Needs, for the declared purpose, the data class of every event asked for (see ChangeEventType). */
  subscribeToMigrationEvents: EventSubscriptionCreated;
  /** Subscribes the calling system to pensions's change events (PENSION_DECISION_RECORDED, EXCHANGE_DOCUMENT_RECEIVED). Deliveries are POSTed to url, signed with the returned secret, at least once; each is audited. Needs, for the declared purpose, the data class of every event asked for (see ChangeEventType). */
  subscribeToPensionsEvents: EventSubscriptionCreated;
  /** Moves an open case between OPEN and IN_PROGRESS; a closed case stays closed. */
  updateAssistanceCaseStatus: AssistanceCase;
  /** Ends an enrolment: ENROLLED becomes COMPLETED or DROPPED_OUT; any other move is a CONFLICT. */
  updateReintegrationStatus: ReintegrationEnrolment;
  /** Changes the treatment status of an active case. */
  updateTbTreatmentStatus: TbCase;
  /** Voids a stored job: it no longer counts anywhere. Returns the voided version, with the reason. */
  voidEmploymentRecord: EmploymentRecord;
  /** Voids a stored screening: it no longer counts anywhere. Returns the voided version, with the reason. */
  voidHealthScreening: HealthScreening;
  /** Voids a stored period: it no longer counts anywhere. Returns the voided version, with the reason. */
  voidInsurancePeriod: InsurancePeriod;
  /** Voids a stored stay: it no longer counts anywhere, and the person's status and destinations follow. Returns the voided version, with the reason. */
  voidMigrationEpisode: MigrationEpisode;
  /** Voids a stored contribution: it no longer counts anywhere. Returns the voided version, with the reason. */
  voidPensionContribution: PensionContribution;
};


export type MutationAcknowledgePensionExchangeDocumentArgs = {
  input: AcknowledgePensionExchangeDocumentInput;
};


export type MutationCancelHealthEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelMigrationEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelPensionsEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCloseAssistanceCaseArgs = {
  input: CloseAssistanceCaseInput;
};


export type MutationCorrectEmploymentRecordArgs = {
  id: Scalars['ID']['input'];
  input: RecordEmploymentInput;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCorrectHealthScreeningArgs = {
  id: Scalars['ID']['input'];
  input: RecordScreeningInput;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCorrectInsurancePeriodArgs = {
  id: Scalars['ID']['input'];
  input: RecordInsurancePeriodInput;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCorrectMigrationEpisodeArgs = {
  id: Scalars['ID']['input'];
  input: MigrationEpisodeInput;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCorrectPensionContributionArgs = {
  id: Scalars['ID']['input'];
  input: RecordContributionInput;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationEndConsularRegistrationArgs = {
  input: EndConsularRegistrationInput;
};


export type MutationEnrolInReintegrationArgs = {
  input: EnrolInReintegrationInput;
};


export type MutationGrantHealthConsentArgs = {
  input: GrantHealthConsentInput;
};


export type MutationInvalidatePensionExchangeDocumentArgs = {
  input: InvalidatePensionExchangeDocumentInput;
};


export type MutationOpenAssistanceCaseArgs = {
  input: OpenAssistanceCaseInput;
};


export type MutationOpenPensionExchangeCaseArgs = {
  input: OpenPensionExchangeCaseInput;
};


export type MutationRecordContributionArgs = {
  input: RecordContributionInput;
};


export type MutationRecordDependantArgs = {
  input: RecordDependantInput;
};


export type MutationRecordEmploymentArgs = {
  input: RecordEmploymentInput;
};


export type MutationRecordEntryBanArgs = {
  input: RecordEntryBanInput;
};


export type MutationRecordInsurancePeriodArgs = {
  input: RecordInsurancePeriodInput;
};


export type MutationRecordPensionDecisionArgs = {
  input: RecordPensionDecisionInput;
};


export type MutationRecordScreeningArgs = {
  input: RecordScreeningInput;
};


export type MutationRecordSkillArgs = {
  input: RecordSkillInput;
};


export type MutationRecordTbCaseArgs = {
  input: RecordTbCaseInput;
};


export type MutationRecordTbOutcomeArgs = {
  input: RecordTbOutcomeInput;
};


export type MutationRegisterConsularRegistrationArgs = {
  input: RegisterConsularRegistrationInput;
};


export type MutationRegisterDepartureArgs = {
  input: RegisterDepartureInput;
};


export type MutationRegisterPersonArgs = {
  input: RegisterPersonInput;
};


export type MutationRegisterReturnArgs = {
  input: RegisterReturnInput;
};


export type MutationRemindPensionExchangeDocumentArgs = {
  input: RemindPensionExchangeDocumentInput;
};


export type MutationRenewHealthEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRenewMigrationEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRenewPensionsEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayHealthEventDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayMigrationEventDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayPensionsEventDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeHealthConsentArgs = {
  input: RevokeHealthConsentInput;
};


export type MutationSetHealthInsuranceArgs = {
  input: SetHealthInsuranceInput;
};


export type MutationSubmitPensionExchangePeriodsArgs = {
  input: SubmitPensionExchangePeriodsInput;
};


export type MutationSubscribeToHealthEventsArgs = {
  input: SubscribeToHealthEventsInput;
};


export type MutationSubscribeToMigrationEventsArgs = {
  input: SubscribeToMigrationEventsInput;
};


export type MutationSubscribeToPensionsEventsArgs = {
  input: SubscribeToPensionsEventsInput;
};


export type MutationUpdateAssistanceCaseStatusArgs = {
  input: UpdateAssistanceCaseStatusInput;
};


export type MutationUpdateReintegrationStatusArgs = {
  input: UpdateReintegrationStatusInput;
};


export type MutationUpdateTbTreatmentStatusArgs = {
  input: UpdateTbTreatmentStatusInput;
};


export type MutationVoidEmploymentRecordArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationVoidHealthScreeningArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationVoidInsurancePeriodArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationVoidMigrationEpisodeArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationVoidPensionContributionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

export type OpenAssistanceCaseInput = {
  /** The consulate handling the case. */
  consulate: Consulate;
  openedOn: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  type: AssistanceType;
};

export type OpenPensionExchangeCaseInput = {
  /** The code of an agreement your institution relies on. */
  agreement: Scalars['String']['input'];
  /** The person's identifier at your institution (SNILS, IIN, TCKN). */
  foreignId: Scalars['String']['input'];
  /** The Kyrgyz PIN of the person. */
  pin: Scalars['PIN']['input'];
};

/** Where a page of a cursor connection ends. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** An international agreement the Social Fund exchanges pension data under. */
export type PensionAgreement = {
  __typename?: 'PensionAgreement';
  benefit: PensionAgreementBenefit;
  /** Stable code, such as EAEU-2019. */
  code: Scalars['String']['output'];
  /** The day it entered into force for the Kyrgyz Republic. */
  inForceFrom: Scalars['Date']['output'];
  /** The states party to it, KG included. */
  parties: Array<Scalars['CountryCode']['output']>;
  /** The earliest insurance periods it covers; null when it covers earlier ones too. */
  periodsFrom?: Maybe<Scalars['Date']['output']>;
  /** The latest insurance periods it covers; null when it covers later ones too. */
  periodsUntil?: Maybe<Scalars['Date']['output']>;
  signedOn?: Maybe<Scalars['Date']['output']>;
  /** Where its terms are published. */
  source: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** What an agreement gives a person with insurance periods in both countries. */
export type PensionAgreementBenefit =
  /** Contributions are refunded as a lump sum; periods are not summed. */
  | 'LUMP_SUM_REFUND'
  /** The state of residence pays, counting the periods earned in the other states. */
  | 'RESIDENCE'
  /** Periods are summed for entitlement; each state pays for the periods earned on its territory. */
  | 'TOTALIZATION';

/** A pension contribution paid to the Social Fund. */
export type PensionContribution = {
  __typename?: 'PensionContribution';
  /** The amount as a decimal string with two places, such as "1250.00". */
  amount: Scalars['String']['output'];
  currency: PensionCurrency;
  id: Scalars['ID']['output'];
  kind: ContributionKind;
  /** The day the contribution was paid. */
  paidOn: Scalars['Date']['output'];
  /** The month the contribution covers, YYYY-MM. */
  periodMonth: Scalars['String']['output'];
  pin: Scalars['PIN']['output'];
  /** Null on the current version; on an earlier or voided one, how, when and why it was superseded. */
  superseded?: Maybe<Supersession>;
  /** The version: 1 when recorded, one more with each correction. */
  version: Scalars['Int']['output'];
  /** The earlier versions of this contribution, oldest first, each with why it was superseded. */
  versions?: Maybe<Array<PensionContribution>>;
};

/** ISO 4217 currency code accepted by the Social Fund. */
export type PensionCurrency =
  | 'EUR'
  | 'KGS'
  | 'KRW'
  | 'KZT'
  | 'RUB'
  | 'TRY'
  | 'USD';

/** A pension decision of the Social Fund sent to a partner institution (P6000). */
export type PensionDecision = {
  __typename?: 'PensionDecision';
  basis: PensionDecisionBasis;
  caseId: Scalars['ID']['output'];
  currency?: Maybe<PensionCurrency>;
  /** When it was recorded and sent, ISO 8601 (UTC). */
  decidedAt: Scalars['String']['output'];
  /** The P6000 document that carries it. */
  documentId: Scalars['ID']['output'];
  effectiveOn: Scalars['Date']['output'];
  frequency?: Maybe<PensionPaymentFrequency>;
  /** Gross amount per payment, such as "8500.00". */
  grossAmount?: Maybe<Scalars['String']['output']>;
  /** Net amount per payment. */
  netAmount?: Maybe<Scalars['String']['output']>;
  /** Why it was refused; empty when granted. */
  refusalReasons: Array<Scalars['String']['output']>;
  result: PensionDecisionResult;
  /** The document's status. */
  status: PensionExchangeDocumentStatus;
  type: PensionDecisionType;
};

/** Whether the entitlement rests on periods of work or of residence. */
export type PensionDecisionBasis =
  | 'RESIDENCE'
  | 'WORK';

export type PensionDecisionResult =
  | 'GRANTED'
  | 'REFUSED';

export type PensionDecisionType =
  | 'DISABILITY'
  | 'OLD_AGE'
  | 'SURVIVOR';

/** The Kyrgyz old-age pension on general terms: the retirement age, the record for a full pension, and the record: Kyrgyz periods, and foreign ones summed under an agreement when the Kyrgyz record alone is not enough. */
export type PensionEntitlement = {
  __typename?: 'PensionEntitlement';
  ageReached?: Maybe<Scalars['Boolean']['output']>;
  asOf: Scalars['Date']['output'];
  /** Foreign periods summed under an agreement. */
  foreignRecord: ServiceLength;
  /** Whether the total reaches the record for a full pension (with less, the basic part is reduced in proportion). */
  fullRecordReached?: Maybe<Scalars['Boolean']['output']>;
  /** Periods insured with the Social Fund. */
  kyrgyzRecord: ServiceLength;
  /** The law the ages and records come from. */
  legalBasis: Scalars['String']['output'];
  /** Every period, oldest first, and how it counts. */
  periods: Array<PensionEntitlementPeriod>;
  /** The record a full pension needs; null when the sex is not known. */
  requiredRecord?: Maybe<ServiceLength>;
  /** Null when the sex is not known. */
  retirementAge?: Maybe<Scalars['Int']['output']>;
  /** The day the retirement age is reached; null when the birth date or sex is not known. */
  retirementAgeReachedOn?: Maybe<Scalars['Date']['output']>;
  totalRecord: ServiceLength;
  /** Whether foreign periods were summed. */
  totalized: Scalars['Boolean']['output'];
};

/** How one insurance period counts towards the old-age pension. */
export type PensionEntitlementPeriod = {
  __typename?: 'PensionEntitlementPeriod';
  /** The agreement it counts under, if foreign. */
  agreement?: Maybe<Scalars['String']['output']>;
  counted: Scalars['Boolean']['output'];
  /** Calendar days of it that count. */
  countedDays: Scalars['Int']['output'];
  country: Scalars['CountryCode']['output'];
  from: Scalars['Date']['output'];
  periodId: Scalars['ID']['output'];
  /** Why it counts, in part or not at all. */
  reason: Scalars['String']['output'];
  source: InsurancePeriodSource;
  to: Scalars['Date']['output'];
};

/** An exchange case: one person, one partner institution, one agreement. Its documents, the Kyrgyz periods the agreement covers and the decisions hang off it. */
export type PensionExchangeCase = {
  __typename?: 'PensionExchangeCase';
  agreement: PensionAgreement;
  caseId: Scalars['ID']['output'];
  /** The Social Fund's decisions in the case that its agreement covers, newest first; invalidated ones are left out. */
  decisions: Array<PensionDecision>;
  /** The documents of the case, both directions, newest first; a decision outside the case's agreement is left out, as from `decisions`. */
  documents: Array<PensionExchangeDocument>;
  /** The person's identifier at the partner (SNILS, IIN, TCKN), digits only. */
  foreignId: Scalars['String']['output'];
  /** The person's Kyrgyz insurance periods that the case's agreement covers, clipped to it, oldest first (P5000 out); none once the partner's state has left the agreement. */
  kyrgyzPeriods: Array<PensionExchangePeriod>;
  /** When the case was opened, ISO 8601 (UTC). */
  openedAt: Scalars['String']['output'];
  partner: PensionPartner;
  /** The person, for the fields your role may read. */
  person: Person;
  pin: Scalars['PIN']['output'];
};

export type PensionExchangeDirection =
  /** Sent by the partner to the Social Fund. */
  | 'INBOUND'
  /** Sent by the Social Fund to the partner. */
  | 'OUTBOUND';

/** One message of an exchange case: a document id, type, direction, version and status, as in EESSI. */
export type PensionExchangeDocument = {
  __typename?: 'PensionExchangeDocument';
  acknowledgedAt?: Maybe<Scalars['String']['output']>;
  caseId: Scalars['ID']['output'];
  /** The decision a P6000 carries; null for other documents. */
  decision?: Maybe<PensionDecision>;
  direction: PensionExchangeDirection;
  documentId: Scalars['ID']['output'];
  /** The sender's idempotency key (inbound documents). */
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  invalidatedAt?: Maybe<Scalars['String']['output']>;
  invalidationReason?: Maybe<Scalars['String']['output']>;
  /** The periods of a P5000; empty otherwise. */
  periods: Array<PensionExchangePeriod>;
  pin: Scalars['PIN']['output'];
  /** When it was received, ISO 8601 (UTC). */
  receivedAt: Scalars['String']['output'];
  /** Why it was rejected; empty unless REJECTED. */
  rejectionReasons: Array<Scalars['String']['output']>;
  /** How many reminders the sender has sent about it. */
  reminders: Scalars['Int']['output'];
  status: PensionExchangeDocumentStatus;
  type: PensionExchangeDocumentType;
  /** 1 as sent; its invalidation is version 2. */
  version: Scalars['Int']['output'];
};

export type PensionExchangeDocumentStatus =
  /** Accepted by its receiver (inbound periods are stored). */
  | 'ACKNOWLEDGED'
  /** Withdrawn by its sender; periods it brought are removed. */
  | 'INVALIDATED'
  /** Received, not yet acknowledged by its receiver. */
  | 'RECEIVED'
  /** Refused by its receiver, with reasons; nothing of it is stored. */
  | 'REJECTED';

/** Modelled on the EESSI pension documents. */
export type PensionExchangeDocumentType =
  /** Insurance periods in one country. */
  | 'P5000'
  /** A pension decision. */
  | 'P6000';

/** Your new notices since a cursor, oldest first. */
export type PensionExchangeInbox = {
  __typename?: 'PensionExchangeInbox';
  /** The `after` of the next call: the last seq returned, or the one given. */
  cursor: Scalars['Int']['output'];
  /** More notices wait beyond this page. */
  hasMore: Scalars['Boolean']['output'];
  notices: Array<PensionExchangeNotice>;
};

/** A change in one of your exchange cases: a decision sent to you, or a document of yours settled. */
export type PensionExchangeNotice = {
  __typename?: 'PensionExchangeNotice';
  caseId: Scalars['ID']['output'];
  documentId: Scalars['ID']['output'];
  /** ISO 8601 timestamp (UTC). */
  occurredAt: Scalars['String']['output'];
  /** Position in the inbox; pass the last one seen as `after`. */
  seq: Scalars['Int']['output'];
  /** PENSION_DECISION_RECORDED or EXCHANGE_DOCUMENT_RECEIVED (acknowledged or rejected). */
  type: ChangeEventType;
};

/** An insurance period as exchanged (P5000): the insuring country, both days included, and the totals in years, months and days. */
export type PensionExchangePeriod = {
  __typename?: 'PensionExchangePeriod';
  /** The state the person was insured in. */
  country: Scalars['CountryCode']['output'];
  /** 0-30. */
  days: Scalars['Int']['output'];
  from: Scalars['Date']['output'];
  /** 0-11. */
  months: Scalars['Int']['output'];
  to: Scalars['Date']['output'];
  type: InsurancePeriodType;
  years: Scalars['Int']['output'];
};

/** One insurance period of a P5000 submission. */
export type PensionExchangePeriodInput = {
  /** Your institution's country. */
  country: Scalars['CountryCode']['input'];
  /** Total days, 0-30. */
  days: Scalars['Int']['input'];
  /** First day. */
  from: Scalars['Date']['input'];
  /** Total months, 0-11. */
  months: Scalars['Int']['input'];
  /** Last day, not before from. */
  to: Scalars['Date']['input'];
  type: InsurancePeriodType;
  /** Total years, 0-99. */
  years: Scalars['Int']['input'];
};

/** A partner pension institution that exchanges data with the Social Fund. */
export type PensionPartner = {
  __typename?: 'PensionPartner';
  agreements: Array<PensionPartnerAgreement>;
  /** Stable code, the `partner` claim of its tokens (RU-SFR). */
  code: Scalars['String']['output'];
  country: Scalars['CountryCode']['output'];
  name: Scalars['String']['output'];
  /** The name in the language of its country. */
  nativeName: Scalars['String']['output'];
  /** The identifier the institution knows persons by (SNILS, IIN, TCKN). */
  personIdName: Scalars['String']['output'];
  status: PensionPartnerStatus;
};

/** An agreement a partner institution relies on, as it applies to it. */
export type PensionPartnerAgreement = {
  __typename?: 'PensionPartnerAgreement';
  agreement: PensionAgreement;
  /** The last day the partner relied on it (its state left it); no case opens under it after. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  /** The earliest periods it covers for this partner (with the agreement bounds). */
  periodsFrom?: Maybe<Scalars['Date']['output']>;
  /** The latest periods it covers for this partner (with the agreement bounds). */
  periodsUntil?: Maybe<Scalars['Date']['output']>;
};

/** Whether a partner institution may exchange data now. */
export type PensionPartnerStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type PensionPaymentFrequency =
  | 'ANNUALLY'
  | 'LUMP_SUM'
  | 'MONTHLY'
  | 'QUARTERLY';

/** The change events pensions emits. */
export type PensionsEventType =
  /** A partner institution submitted a document (submitPensionExchangePeriods), accepted or rejected. */
  | 'EXCHANGE_DOCUMENT_RECEIVED'
  /** The Social Fund recorded a pension decision in an exchange case (recordPensionDecision). */
  | 'PENSION_DECISION_RECORDED';

export type Person = {
  __typename?: 'Person';
  /** Who read or wrote this person, in every agency. */
  accessLog?: Maybe<PersonAccessLog>;
  /** Consular assistance cases, newest first; an officer posted at a consulate sees its own post's only. */
  assistanceCases?: Maybe<Array<AssistanceCase>>;
  birthDate?: Maybe<Scalars['Date']['output']>;
  /** Consular registrations abroad, newest first; an officer posted at a consulate sees its own post's only. */
  consularRegistrations?: Maybe<Array<ConsularRegistration>>;
  /** Pension contributions, newest first. */
  contributions?: Maybe<Array<PensionContribution>>;
  /** Dependants left behind in the country. */
  dependants?: Maybe<Array<Dependant>>;
  /** Jobs abroad, oldest first. */
  employment?: Maybe<Array<EmploymentRecord>>;
  entryBans?: Maybe<Array<EntryBan>>;
  /** Stays abroad, oldest first. */
  episodes?: Maybe<Array<MigrationEpisode>>;
  /** Health-certificate status for work abroad, derived from screenings and TB cases. Outside health roles it needs the person's consent for the caller's agency and purpose (CONSENT_REQUIRED otherwise). */
  fitForWorkAbroad?: Maybe<FitnessForWorkAbroad>;
  /** Consents to show fitForWorkAbroad outside health, newest grant first. */
  healthConsents?: Maybe<Array<HealthConsent>>;
  /** Null when nothing is recorded. */
  healthInsurance?: Maybe<HealthInsurance>;
  homeRegion?: Maybe<Scalars['Region']['output']>;
  /** Insurance periods at home and abroad, oldest first. */
  insurancePeriods?: Maybe<Array<InsurancePeriod>>;
  /** Name in Cyrillic script. */
  nameCyrillic?: Maybe<PersonName>;
  /** Name in Latin script, as in the passport. */
  nameLatin?: Maybe<PersonName>;
  /** The old-age pension entitlement: retirement age, full record, and the record with foreign periods summed under an agreement when the Kyrgyz record alone is not enough. */
  pensionEntitlement?: Maybe<PensionEntitlement>;
  pin: Scalars['PIN']['output'];
  /** Reintegration programmes the person enrolled in, oldest first. */
  reintegrationEnrolments?: Maybe<Array<ReintegrationEnrolment>>;
  russianProficiency?: Maybe<RussianProficiency>;
  /** Health screenings, newest first. */
  screenings?: Maybe<Array<HealthScreening>>;
  /** Insurance service at home and abroad, computed from the insurance periods (no periods: all zero). */
  serviceSummary?: Maybe<InsuranceServiceSummary>;
  sex?: Maybe<Sex>;
  /** Skills, by name. */
  skills?: Maybe<Array<Skill>>;
  status?: Maybe<MigrationStatus>;
  /** Tuberculosis cases, newest diagnosis first. */
  tbCases?: Maybe<Array<TbCase>>;
};


export type PersonPensionEntitlementArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};

export type PersonAccessLog = {
  __typename?: 'PersonAccessLog';
  /** Reads and writes in consular, newest first, a page at a time. */
  consular?: Maybe<AccessEventPage>;
  /** Reads and writes in health, newest first, a page at a time. */
  health?: Maybe<AccessEventPage>;
  /** Reads and writes in labour, newest first, a page at a time. */
  labour?: Maybe<AccessEventPage>;
  /** Reads and writes in migration, newest first, a page at a time. */
  migration?: Maybe<AccessEventPage>;
  /** Reads and writes in pensions, newest first, a page at a time. */
  pensions?: Maybe<AccessEventPage>;
  pin: Scalars['PIN']['output'];
};


export type PersonAccessLogConsularArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type PersonAccessLogHealthArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type PersonAccessLogLabourArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type PersonAccessLogMigrationArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type PersonAccessLogPensionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** A page of persons, ordered by PIN. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

/** All given criteria must hold. */
export type PersonFilter = {
  /** Age today. */
  ageBand?: InputMaybe<AgeBand>;
  /** Ever departed to this country. */
  destination?: InputMaybe<Scalars['CountryCode']['input']>;
  region?: InputMaybe<Scalars['Region']['input']>;
  sex?: InputMaybe<Sex>;
  status?: InputMaybe<MigrationStatus>;
};

export type PersonMatch = {
  __typename?: 'PersonMatch';
  birthDate: Scalars['Date']['output'];
  homeRegion: Scalars['Region']['output'];
  /** Name in Cyrillic script. */
  nameCyrillic: PersonName;
  /** Name in Latin script, as in the passport. */
  nameLatin: PersonName;
  pin: Scalars['PIN']['output'];
  sex: Sex;
};

/** A name as written in one script. */
export type PersonName = {
  __typename?: 'PersonName';
  first: Scalars['String']['output'];
  last: Scalars['String']['output'];
  patronymic?: Maybe<Scalars['String']['output']>;
};

export type PersonNameInput = {
  first: Scalars['String']['input'];
  last: Scalars['String']['input'];
  patronymic?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Deliveries of a subscription of yours, newest first, of the events your declared purpose hears of; status DEAD lists the dead letters, which the replay mutation sends again. Another system’s subscription answers like an unknown one. */
  healthEventDeliveries: Array<EventDelivery>;
  /** Your subscriptions to health's events, newest first. */
  healthEventSubscriptions: Array<EventSubscription>;
  /** Statistics from the four agencies for one filter and at most two breakdowns. For analysts (purpose STATISTICS) only; no person is ever shown. */
  indicators: Indicators;
  /** Deliveries of a subscription of yours, newest first, of the events your declared purpose hears of; status DEAD lists the dead letters, which the replay mutation sends again. Another system’s subscription answers like an unknown one. */
  migrationEventDeliveries: Array<EventDelivery>;
  /** Your subscriptions to migration's events, newest first. */
  migrationEventSubscriptions: Array<EventSubscription>;
  /** The agreements the Social Fund exchanges pension data under. */
  pensionAgreements: Array<PensionAgreement>;
  /** One exchange case; a partner institution reaches only its own. */
  pensionExchangeCase?: Maybe<PensionExchangeCase>;
  /** A person's exchange cases, oldest first; a partner institution gets only its own, and only for a person it has a case with. */
  pensionExchangeCases: Array<PensionExchangeCase>;
  /** Your institution's notices after `after` (0 for all), oldest first, at most `first`: a partner polls this instead of asking case by case. Notices are in commit order, so paging by the cursor never skips one. */
  pensionExchangeInbox: PensionExchangeInbox;
  /** The partner pension institutions and the agreements each relies on. */
  pensionPartners: Array<PensionPartner>;
  /** Deliveries of a subscription of yours, newest first, of the events your declared purpose hears of; status DEAD lists the dead letters, which the replay mutation sends again. Another system’s subscription answers like an unknown one. */
  pensionsEventDeliveries: Array<EventDelivery>;
  /** Your subscriptions to pensions's events, newest first. */
  pensionsEventSubscriptions: Array<EventSubscription>;
  /** One person by PIN; null when unknown. */
  person?: Maybe<Person>;
  /** Persons matching a filter, a page at a time, by PIN. */
  persons: PersonConnection;
  /** Whether a PIN names a registered person (null when not), with the birth date a write's dates are checked against and the countries the person stayed in; for Jol's own services. */
  registeredSubject?: Maybe<RegisteredSubject>;
  /** Finds persons by name without the PIN, for officers under a declared purpose. Names match whole words in Latin or Cyrillic script (one transliteration, Kyrgyz letters included), case-insensitively. One name needs the birth date; two or three need the birth date or the region; more than 20 matches list none (SEARCH_TOO_BROAD). Identity fields only; every search is audited and shows in the access log of each person it lists. */
  searchPersons: Array<PersonMatch>;
};


export type QueryHealthEventDeliveriesArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<EventDeliveryStatus>;
  subscriptionId: Scalars['ID']['input'];
};


export type QueryIndicatorsArgs = {
  by?: InputMaybe<Array<IndicatorDimension>>;
  filter?: InputMaybe<IndicatorFilter>;
};


export type QueryMigrationEventDeliveriesArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<EventDeliveryStatus>;
  subscriptionId: Scalars['ID']['input'];
};


export type QueryPensionExchangeCaseArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryPensionExchangeCasesArgs = {
  pin: Scalars['PIN']['input'];
};


export type QueryPensionExchangeInboxArgs = {
  after?: Scalars['Int']['input'];
  first?: Scalars['Int']['input'];
};


export type QueryPensionsEventDeliveriesArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<EventDeliveryStatus>;
  subscriptionId: Scalars['ID']['input'];
};


export type QueryPersonArgs = {
  pin: Scalars['PIN']['input'];
};


export type QueryPersonsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryRegisteredSubjectArgs = {
  pin: Scalars['PIN']['input'];
};


export type QuerySearchPersonsArgs = {
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  name: Scalars['String']['input'];
  region?: InputMaybe<Scalars['Region']['input']>;
};

/** How a version of a record stopped being the current one. */
export type RecordChange =
  /** The owning agency replaced its values with corrected ones. */
  | 'CORRECTED'
  /** The owning agency withdrew the record: it counts nowhere any more. */
  | 'VOIDED';

export type RecordContributionInput = {
  /** A positive decimal with up to 9 digits and 2 decimals, such as "1250.00". */
  amount: Scalars['String']['input'];
  currency: PensionCurrency;
  kind: ContributionKind;
  /** The day it was paid; not in the future. */
  paidOn: Scalars['Date']['input'];
  /** The month it covers, YYYY-MM; not after the month of paidOn. */
  periodMonth: Scalars['String']['input'];
  pin: Scalars['PIN']['input'];
};

export type RecordDependantInput = {
  caregiver: Caregiver;
  childPin: Scalars['PIN']['input'];
  /** The parent's or guardian's PIN. */
  pin: Scalars['PIN']['input'];
  relation: DependantRelation;
};

export type RecordEmploymentInput = {
  /** The country worked in; not KG. */
  country: Scalars['CountryCode']['input'];
  /** The employer's name, 1-200 characters. */
  employer: Scalars['String']['input'];
  /** True when the work is under a written contract. */
  formal: Scalars['Boolean']['input'];
  from: Scalars['Date']['input'];
  /** Required unless permitType is NONE: 4-30 letters, digits, '-' or '/'. */
  permitNumber?: InputMaybe<Scalars['String']['input']>;
  permitType: WorkPermitType;
  pin: Scalars['PIN']['input'];
  sector: LabourSector;
  /** Omit while the job is ongoing. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type RecordEntryBanInput = {
  country: Scalars['CountryCode']['input'];
  from: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  reason: EntryBanReason;
  until?: InputMaybe<Scalars['Date']['input']>;
};

export type RecordInsurancePeriodInput = {
  /** KG for a period insured at home. */
  country: Scalars['CountryCode']['input'];
  /** First day of the period. */
  from: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  source: InsurancePeriodSource;
  /** Last day of the period, not before from. */
  to: Scalars['Date']['input'];
  type: InsurancePeriodType;
};

/** A pension decision to send to the partner of a case (P6000). */
export type RecordPensionDecisionInput = {
  basis: PensionDecisionBasis;
  caseId: Scalars['ID']['input'];
  /** Required when GRANTED. */
  currency?: InputMaybe<PensionCurrency>;
  /** Not before the case's agreement entered into force, nor after its partner's state left it. */
  effectiveOn: Scalars['Date']['input'];
  /** Required when GRANTED. */
  frequency?: InputMaybe<PensionPaymentFrequency>;
  /** Required when GRANTED, such as "8500.00". */
  grossAmount?: InputMaybe<Scalars['String']['input']>;
  /** Required when GRANTED; not above gross. */
  netAmount?: InputMaybe<Scalars['String']['input']>;
  /** Required (1-10, each 1-500 characters) when REFUSED; none when GRANTED. */
  refusalReasons?: InputMaybe<Array<Scalars['String']['input']>>;
  result: PensionDecisionResult;
  type: PensionDecisionType;
};

export type RecordScreeningInput = {
  /** Name of the medical facility, 1-150 characters. */
  facility: Scalars['String']['input'];
  kind: ScreeningKind;
  pin: Scalars['PIN']['input'];
  result: ScreeningResult;
  screenedOn: Scalars['Date']['input'];
};

export type RecordSkillInput = {
  /** The certifying body, 1-200 characters. */
  certifiedBy?: InputMaybe<Scalars['String']['input']>;
  certifiedOn?: InputMaybe<Scalars['Date']['input']>;
  level: SkillLevel;
  /** 1-100 characters; a person holds each skill once. */
  name: Scalars['String']['input'];
  pin: Scalars['PIN']['input'];
};

export type RecordTbCaseInput = {
  diagnosedOn: Scalars['Date']['input'];
  drugResistant: Scalars['Boolean']['input'];
  pin: Scalars['PIN']['input'];
  /** Any status but COMPLETED, which only an outcome sets. */
  treatmentStatus?: TbTreatmentStatus;
};

export type RecordTbOutcomeInput = {
  id: Scalars['ID']['input'];
  /** When the outcome was assigned. */
  on: Scalars['Date']['input'];
  outcome: TbOutcome;
};

export type RegisterConsularRegistrationInput = {
  /** The city of the address, 1 to 100 characters. */
  addressCity: Scalars['String']['input'];
  consulate: Consulate;
  from: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
};

export type RegisterDepartureInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country: Scalars['CountryCode']['input'];
  departedOn: Scalars['Date']['input'];
  pin: Scalars['PIN']['input'];
  purpose: MigrationPurpose;
};

export type RegisterPersonInput = {
  birthDate: Scalars['Date']['input'];
  homeRegion: Scalars['Region']['input'];
  nameCyrillic: PersonNameInput;
  nameLatin: PersonNameInput;
  pin: Scalars['PIN']['input'];
  russianProficiency: RussianProficiency;
  sex: Sex;
};

export type RegisterReturnInput = {
  pin: Scalars['PIN']['input'];
  returnedOn: Scalars['Date']['input'];
};

/** A registered person as the write checks of Jol's own services see them: the PIN, birth date and countries of stays abroad only. Readable by the service identity alone. */
export type RegisteredSubject = {
  __typename?: 'RegisteredSubject';
  birthDate?: Maybe<Scalars['Date']['output']>;
  pin: Scalars['PIN']['output'];
  /** The countries of the stays abroad recorded for the person, each once, in alphabetical order. */
  stayCountries: Array<Scalars['CountryCode']['output']>;
};

/** A returnee's enrolment in a reintegration programme. */
export type ReintegrationEnrolment = {
  __typename?: 'ReintegrationEnrolment';
  /** Set when the status is COMPLETED. */
  completedOn?: Maybe<Scalars['Date']['output']>;
  /** Set when the status is DROPPED_OUT. */
  droppedOutOn?: Maybe<Scalars['Date']['output']>;
  enrolledOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  pin: Scalars['PIN']['output'];
  programme: ReintegrationProgramme;
  status: ReintegrationStatus;
};

/** Support the ministry offers to returned migrants. */
export type ReintegrationProgramme =
  | 'COUNSELLING'
  | 'JOB_PLACEMENT'
  | 'LANGUAGE_COURSE'
  | 'SMALL_BUSINESS_GRANT'
  | 'VOCATIONAL_TRAINING';

/** ENROLLED moves once, to COMPLETED or DROPPED_OUT; both are final. */
export type ReintegrationStatus =
  | 'COMPLETED'
  | 'DROPPED_OUT'
  | 'ENROLLED';

export type RemindPensionExchangeDocumentInput = {
  caseId: Scalars['ID']['input'];
  /** The document to remind about; by default the last one your institution sent. */
  documentId?: InputMaybe<Scalars['ID']['input']>;
};

export type RevokeHealthConsentInput = {
  id: Scalars['ID']['input'];
};

export type RussianProficiency =
  | 'BASIC'
  | 'FLUENT'
  | 'GOOD'
  | 'NONE';

export type ScreeningKind =
  /** General medical examination. */
  | 'GENERAL'
  /** Human immunodeficiency virus. */
  | 'HIV'
  /** Tuberculosis. */
  | 'TB';

export type ScreeningResult =
  | 'INCONCLUSIVE'
  | 'NEGATIVE'
  | 'POSITIVE';

/** A length of insurance service: the covered days, and the same split as years of 12 months and months of 30 days. */
export type ServiceLength = {
  __typename?: 'ServiceLength';
  /** 0-29. */
  days: Scalars['Int']['output'];
  /** 0-11. */
  months: Scalars['Int']['output'];
  /** Calendar days covered, each counted once. */
  totalDays: Scalars['Int']['output'];
  years: Scalars['Int']['output'];
};

export type SetHealthInsuranceInput = {
  pin: Scalars['PIN']['input'];
  scheme: HealthInsuranceScheme;
  /** INSURED or NOT_INSURED; EXPIRED is derived, never set. */
  status: HealthInsuranceStatus;
  /** When this status took effect; not in the future. */
  validFrom: Scalars['Date']['input'];
  /** Last day of cover, not before validFrom. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** Sex as recorded by the civil registry. */
export type Sex =
  | 'FEMALE'
  | 'MALE';

/** A skill a person holds, certified or self-declared. */
export type Skill = {
  __typename?: 'Skill';
  /** Who certified the skill; null when self-declared. */
  certifiedBy?: Maybe<Scalars['String']['output']>;
  certifiedOn?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  level: SkillLevel;
  /** Unique per person. */
  name: Scalars['String']['output'];
  pin: Scalars['PIN']['output'];
};

export type SkillLevel =
  | 'ADVANCED'
  | 'BASIC'
  | 'EXPERT'
  | 'INTERMEDIATE';

/** A P5000: insurance periods at your institution for a person of a case. */
export type SubmitPensionExchangePeriodsInput = {
  caseId: Scalars['ID']['input'];
  /** Your identifier of the person, as the case was opened with. */
  foreignId: Scalars['String']['input'];
  /** Your key for this message, 8-128 letters, digits, _ or -: a retry with the same key and payload returns the first result; another payload with it is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** 1-100 periods. */
  periods: Array<PensionExchangePeriodInput>;
  /** The Kyrgyz PIN of the case. */
  pin: Scalars['PIN']['input'];
};

/** What to hear of, and where. */
export type SubscribeToHealthEventsInput = {
  /** At least one of the agency’s events. */
  events: Array<HealthEventType>;
  /** An https URL on a host the deployment delivers to; deliveries are POSTed there. */
  url: Scalars['String']['input'];
};

/** What to hear of, and where. */
export type SubscribeToMigrationEventsInput = {
  /** At least one of the agency’s events. */
  events: Array<MigrationEventType>;
  /** An https URL on a host the deployment delivers to; deliveries are POSTed there. */
  url: Scalars['String']['input'];
};

/** What to hear of, and where. */
export type SubscribeToPensionsEventsInput = {
  /** At least one of the agency’s events. */
  events: Array<PensionsEventType>;
  /** An https URL on a host the deployment delivers to; deliveries are POSTed there. */
  url: Scalars['String']['input'];
};

/** Why and when a version of a record was superseded. */
export type Supersession = {
  __typename?: 'Supersession';
  /** When, as an ISO 8601 timestamp (UTC). */
  at: Scalars['String']['output'];
  change: RecordChange;
  /** The reason the officer gave. */
  reason: Scalars['String']['output'];
};

/** A tuberculosis case: open (active) until an outcome is recorded. */
export type TbCase = {
  __typename?: 'TbCase';
  diagnosedOn: Scalars['Date']['output'];
  /** Drug-resistant TB (RR/MDR/XDR). */
  drugResistant: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Null while the case is active. */
  outcome?: Maybe<TbOutcome>;
  /** When the outcome was assigned; null while active. */
  outcomeOn?: Maybe<Scalars['Date']['output']>;
  pin: Scalars['PIN']['output'];
  treatmentStatus: TbTreatmentStatus;
};

/** WHO treatment outcome categories. */
export type TbOutcome =
  /** Treatment completed with bacteriological evidence of cure. */
  | 'CURED'
  /** Died before or during treatment, for any reason. */
  | 'DIED'
  /** Did not start treatment or interrupted it for two months or more. */
  | 'LOST_TO_FOLLOW_UP'
  /** No outcome assigned, for instance after a transfer to another facility. */
  | 'NOT_EVALUATED'
  /** Treatment completed without evidence of cure or failure. */
  | 'TREATMENT_COMPLETED'
  /** Regimen terminated or permanently changed for lack of response. */
  | 'TREATMENT_FAILED';

export type TbTreatmentStatus =
  /** The course ended as planned; set only by a CURED or TREATMENT_COMPLETED outcome. */
  | 'COMPLETED'
  /** Treatment stopped before the course was completed. */
  | 'INTERRUPTED'
  | 'IN_TREATMENT'
  | 'NOT_STARTED';

export type UpdateAssistanceCaseStatusInput = {
  id: Scalars['ID']['input'];
  /** OPEN or IN_PROGRESS; closing takes a day. */
  status: AssistanceCaseStatus;
};

export type UpdateReintegrationStatusInput = {
  /** The enrolment to update. */
  id: Scalars['ID']['input'];
  /** The day the enrolment ended; not before enrolledOn. */
  on: Scalars['Date']['input'];
  /** COMPLETED or DROPPED_OUT. */
  status: ReintegrationStatus;
};

export type UpdateTbTreatmentStatusInput = {
  id: Scalars['ID']['input'];
  /** Any status but COMPLETED, which only an outcome sets. */
  status: TbTreatmentStatus;
};

/** The document that allowed the work; Russia issues patents to visa-free migrants. */
export type WorkPermitType =
  /** No permit: the work was undocumented. */
  | 'NONE'
  /** A Russian labour patent, for citizens of visa-free countries. */
  | 'PATENT'
  /** A work permit or work visa of the destination country. */
  | 'WORK_PERMIT';

export type MigrationRecordQueryVariables = Exact<{
  pin: Scalars['PIN']['input'];
}>;


export type MigrationRecordQuery = { __typename?: 'Query', person?: { __typename?: 'Person', pin: string, birthDate?: string | null, homeRegion?: string | null, status?: MigrationStatus | null, nameLatin?: { __typename?: 'PersonName', last: string, first: string, patronymic?: string | null } | null, episodes?: Array<{ __typename?: 'MigrationEpisode', country: string, departedOn: string, returnedOn?: string | null }> | null } | null };

export type SearchPersonsQueryVariables = Exact<{
  name: Scalars['String']['input'];
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  region?: InputMaybe<Scalars['Region']['input']>;
}>;


export type SearchPersonsQuery = { __typename?: 'Query', searchPersons: Array<{ __typename?: 'PersonMatch', pin: string, birthDate: string, sex: Sex, homeRegion: string, nameLatin: { __typename?: 'PersonName', last: string, first: string }, nameCyrillic: { __typename?: 'PersonName', last: string, first: string } }> };

export type ReturneesInRegionQueryVariables = Exact<{
  region: Scalars['Region']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReturneesInRegionQuery = { __typename?: 'Query', persons: { __typename?: 'PersonConnection', edges: Array<{ __typename?: 'PersonEdge', node: { __typename?: 'Person', pin: string, nameLatin?: { __typename?: 'PersonName', last: string, first: string } | null } }>, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean } } };

export type MyAccessLogQueryVariables = Exact<{
  pin: Scalars['PIN']['input'];
}>;


export type MyAccessLogQuery = { __typename?: 'Query', person?: { __typename?: 'Person', accessLog?: { __typename?: 'PersonAccessLog', migration?: { __typename?: 'AccessEventPage', events: Array<{ __typename?: 'AccessEvent', at: string, roles: Array<string>, purpose?: string | null, served: Array<string>, foundBySearch: boolean, outcome: string }> } | null } | null } | null };

export type RegisterDepartureMutationVariables = Exact<{
  input: RegisterDepartureInput;
}>;


export type RegisterDepartureMutation = { __typename?: 'Mutation', registerDeparture: { __typename?: 'MigrationEpisode', id: string, country: string, departedOn: string } };

export type AcknowledgeDocumentMutationVariables = Exact<{
  input: AcknowledgePensionExchangeDocumentInput;
}>;


export type AcknowledgeDocumentMutation = { __typename?: 'Mutation', acknowledgePensionExchangeDocument: { __typename?: 'PensionExchangeDocument', documentId: string, status: PensionExchangeDocumentStatus, acknowledgedAt?: string | null } };

export type FindExchangeCasesQueryVariables = Exact<{
  pin: Scalars['PIN']['input'];
}>;


export type FindExchangeCasesQuery = { __typename?: 'Query', pensionExchangeCases: Array<{ __typename?: 'PensionExchangeCase', caseId: string, foreignId: string, openedAt: string, agreement: { __typename?: 'PensionAgreement', code: string } }> };

export type InvalidateDocumentMutationVariables = Exact<{
  input: InvalidatePensionExchangeDocumentInput;
}>;


export type InvalidateDocumentMutation = { __typename?: 'Mutation', invalidatePensionExchangeDocument: { __typename?: 'PensionExchangeDocument', documentId: string, version: number, status: PensionExchangeDocumentStatus, invalidatedAt?: string | null, invalidationReason?: string | null } };

export type OpenExchangeCaseMutationVariables = Exact<{
  input: OpenPensionExchangeCaseInput;
}>;


export type OpenExchangeCaseMutation = { __typename?: 'Mutation', openPensionExchangeCase: { __typename?: 'PensionExchangeCase', caseId: string, pin: string, foreignId: string, openedAt: string, agreement: { __typename?: 'PensionAgreement', code: string } } };

export type PensionPartnersQueryVariables = Exact<{ [key: string]: never; }>;


export type PensionPartnersQuery = { __typename?: 'Query', pensionPartners: Array<{ __typename?: 'PensionPartner', code: string, country: string, name: string, personIdName: string, status: PensionPartnerStatus, agreements: Array<{ __typename?: 'PensionPartnerAgreement', periodsFrom?: string | null, periodsUntil?: string | null, endedOn?: string | null, agreement: { __typename?: 'PensionAgreement', code: string, title: string, inForceFrom: string, benefit: PensionAgreementBenefit, periodsFrom?: string | null, periodsUntil?: string | null } }> }> };

export type ReadDecisionsQueryVariables = Exact<{
  caseId: Scalars['ID']['input'];
}>;


export type ReadDecisionsQuery = { __typename?: 'Query', pensionExchangeCase?: { __typename?: 'PensionExchangeCase', caseId: string, decisions: Array<{ __typename?: 'PensionDecision', documentId: string, status: PensionExchangeDocumentStatus, type: PensionDecisionType, result: PensionDecisionResult, effectiveOn: string, grossAmount?: string | null, netAmount?: string | null, currency?: PensionCurrency | null, frequency?: PensionPaymentFrequency | null, refusalReasons: Array<string>, basis: PensionDecisionBasis, decidedAt: string }> } | null };

export type ReadExchangeCaseQueryVariables = Exact<{
  caseId: Scalars['ID']['input'];
}>;


export type ReadExchangeCaseQuery = { __typename?: 'Query', pensionExchangeCase?: { __typename?: 'PensionExchangeCase', caseId: string, pin: string, foreignId: string, openedAt: string, agreement: { __typename?: 'PensionAgreement', code: string }, documents: Array<{ __typename?: 'PensionExchangeDocument', documentId: string, type: PensionExchangeDocumentType, direction: PensionExchangeDirection, version: number, status: PensionExchangeDocumentStatus, rejectionReasons: Array<string>, idempotencyKey?: string | null, receivedAt: string, acknowledgedAt?: string | null, invalidatedAt?: string | null, reminders: number }> } | null };

export type ReadInboxQueryVariables = Exact<{
  after: Scalars['Int']['input'];
  first: Scalars['Int']['input'];
}>;


export type ReadInboxQuery = { __typename?: 'Query', pensionExchangeInbox: { __typename?: 'PensionExchangeInbox', cursor: number, hasMore: boolean, notices: Array<{ __typename?: 'PensionExchangeNotice', seq: number, type: ChangeEventType, caseId: string, documentId: string, occurredAt: string }> } };

export type ReadKyrgyzPeriodsQueryVariables = Exact<{
  caseId: Scalars['ID']['input'];
}>;


export type ReadKyrgyzPeriodsQuery = { __typename?: 'Query', pensionExchangeCase?: { __typename?: 'PensionExchangeCase', caseId: string, agreement: { __typename?: 'PensionAgreement', code: string }, kyrgyzPeriods: Array<{ __typename?: 'PensionExchangePeriod', country: string, from: string, to: string, type: InsurancePeriodType, years: number, months: number, days: number }> } | null };

export type RemindDocumentMutationVariables = Exact<{
  input: RemindPensionExchangeDocumentInput;
}>;


export type RemindDocumentMutation = { __typename?: 'Mutation', remindPensionExchangeDocument: { __typename?: 'PensionExchangeDocument', documentId: string, version: number, status: PensionExchangeDocumentStatus, rejectionReasons: Array<string>, acknowledgedAt?: string | null, reminders: number } };

export type SubmitPeriodsMutationVariables = Exact<{
  input: SubmitPensionExchangePeriodsInput;
}>;


export type SubmitPeriodsMutation = { __typename?: 'Mutation', submitPensionExchangePeriods: { __typename?: 'PensionExchangeDocument', documentId: string, caseId: string, type: PensionExchangeDocumentType, version: number, status: PensionExchangeDocumentStatus, rejectionReasons: Array<string>, idempotencyKey?: string | null, receivedAt: string, acknowledgedAt?: string | null, periods: Array<{ __typename?: 'PensionExchangePeriod', country: string, from: string, to: string, type: InsurancePeriodType, years: number, months: number, days: number }> } };


export const MigrationRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PIN"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"nameLatin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"first"}},{"kind":"Field","name":{"kind":"Name","value":"patronymic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegion"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"departedOn"}},{"kind":"Field","name":{"kind":"Name","value":"returnedOn"}}]}}]}}]}}]} as unknown as DocumentNode<MigrationRecordQuery, MigrationRecordQueryVariables>;
export const SearchPersonsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchPersons"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchPersons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"birthDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"nameLatin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"first"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nameCyrillic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"first"}}]}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegion"}}]}}]}}]} as unknown as DocumentNode<SearchPersonsQuery, SearchPersonsQueryVariables>;
export const ReturneesInRegionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReturneesInRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"persons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RETURNED"}},{"kind":"ObjectField","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"nameLatin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"first"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ReturneesInRegionQuery, ReturneesInRegionQueryVariables>;
export const MyAccessLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PIN"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"foundBySearch"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyAccessLogQuery, MyAccessLogQueryVariables>;
export const RegisterDepartureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterDeparture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterDepartureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerDeparture"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"departedOn"}}]}}]}}]} as unknown as DocumentNode<RegisterDepartureMutation, RegisterDepartureMutationVariables>;
export const AcknowledgeDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgePensionExchangeDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgePensionExchangeDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]}}]} as unknown as DocumentNode<AcknowledgeDocumentMutation, AcknowledgeDocumentMutationVariables>;
export const FindExchangeCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindExchangeCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PIN"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pensionExchangeCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"foreignId"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FindExchangeCasesQuery, FindExchangeCasesQueryVariables>;
export const InvalidateDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvalidateDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidatePensionExchangeDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invalidatePensionExchangeDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invalidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"invalidationReason"}}]}}]}}]} as unknown as DocumentNode<InvalidateDocumentMutation, InvalidateDocumentMutationVariables>;
export const OpenExchangeCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenExchangeCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenPensionExchangeCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openPensionExchangeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"foreignId"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<OpenExchangeCaseMutation, OpenExchangeCaseMutationVariables>;
export const PensionPartnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PensionPartners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pensionPartners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"personIdName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"inForceFrom"}},{"kind":"Field","name":{"kind":"Name","value":"benefit"}},{"kind":"Field","name":{"kind":"Name","value":"periodsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"periodsUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"periodsUntil"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}}]}}]}}]}}]} as unknown as DocumentNode<PensionPartnersQuery, PensionPartnersQueryVariables>;
export const ReadDecisionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadDecisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pensionExchangeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"grossAmount"}},{"kind":"Field","name":{"kind":"Name","value":"netAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReasons"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ReadDecisionsQuery, ReadDecisionsQueryVariables>;
export const ReadExchangeCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadExchangeCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pensionExchangeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"foreignId"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReasons"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"invalidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reminders"}}]}}]}}]}}]} as unknown as DocumentNode<ReadExchangeCaseQuery, ReadExchangeCaseQueryVariables>;
export const ReadInboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadInbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pensionExchangeInbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasMore"}}]}}]}}]} as unknown as DocumentNode<ReadInboxQuery, ReadInboxQueryVariables>;
export const ReadKyrgyzPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadKyrgyzPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pensionExchangeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kyrgyzPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"years"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"days"}}]}}]}}]}}]} as unknown as DocumentNode<ReadKyrgyzPeriodsQuery, ReadKyrgyzPeriodsQueryVariables>;
export const RemindDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemindDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemindPensionExchangeDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remindPensionExchangeDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReasons"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reminders"}}]}}]}}]} as unknown as DocumentNode<RemindDocumentMutation, RemindDocumentMutationVariables>;
export const SubmitPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitPensionExchangePeriodsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitPensionExchangePeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReasons"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"years"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"days"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitPeriodsMutation, SubmitPeriodsMutationVariables>;