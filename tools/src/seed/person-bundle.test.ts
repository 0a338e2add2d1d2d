import { BSON } from 'mongodb';
import { createConnection, type Model } from 'mongoose';
import {
  createHealthModels,
  TbOutcome,
  TbTreatmentStatus,
  treatmentStatusForOutcome,
} from '@jol/health';
import { AssistanceType, countryOfConsulate, createConsularModels } from '@jol/consular';
import { createLabourModels, WorkPermitType } from '@jol/labour';
import { createMigrationModels, MigrationStatus } from '@jol/migration';
import {
  createPensionsModels,
  formatAmount,
  HOME_COUNTRY,
  InsurancePeriodSource,
  InsurancePeriodType,
  parseAmount,
  PensionCurrency,
} from '@jol/pensions';
import { AgeBand, ageBandOf, ageOn, parsePin, REGIONS, type RegionCode } from '@jol/kernel';
import { statisticalUnitOf } from '@jol/statistics';
import * as F from './figures';
import { generatePersonBundle, type PersonBundle } from './person-bundle';

/**
 * The generator against the published figures and against every rule the four services enforce,
 * on 20,000 persons generated in memory (no store).
 */

const SEED = 7;
const PERSONS = 20_000;
const LAST = F.LAST_RECORDED_DAY.getTime();
const bundles: PersonBundle[] = Array.from({ length: PERSONS }, (_, i) =>
  generatePersonBundle(SEED, i),
);
const person = (b: PersonBundle) => b.migration.Person[0]!;
const migrants = bundles.filter((b) => person(b).status !== MigrationStatus.NEVER_LEFT);
const withStatus = (status: MigrationStatus) => bundles.filter((b) => person(b).status === status);
const share = (part: number, whole: number) => part / whole;
const t = (date: Date) => date.getTime();

describe('the synthetic population against the published figures', () => {
  it('has about 40% women among migrants (UCA 2019)', () => {
    const women = migrants.filter((b) => person(b).sex === 'FEMALE').length;
    expect(share(women, migrants.length)).toBeGreaterThan(0.35);
    expect(share(women, migrants.length)).toBeLessThan(0.45);
  });

  it('has about 60% of migrants aged 15-29 (UCA 2019)', () => {
    const young = migrants.filter(
      (b) => ageBandOf(ageOn(person(b).birthDate, F.REFERENCE_DATE)) === AgeBand.AGE_15_29,
    ).length;
    expect(share(young, migrants.length)).toBeGreaterThan(0.55);
    expect(share(young, migrants.length)).toBeLessThan(0.65);
  });

  it('sends most departures to Russia, then Kazakhstan, weighted as IOM reports', () => {
    const byCountry = new Map<string, number>();
    const episodes = bundles.flatMap((b) => b.migration.Episode);
    for (const e of episodes) byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + 1);
    const ranked = [...byCountry.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 2)).toEqual(['RU', 'KZ']);
    expect(new Set(ranked)).toEqual(new Set(Object.keys(F.DESTINATIONS_2024)));
    const russia = share(byCountry.get('RU')!, episodes.length);
    expect(russia).toBeGreaterThan(0.6);
    expect(russia).toBeLessThan(0.7);
  });

  it('has 52% of the people ever in Russia speaking Russian well (UCA 2019)', () => {
    const inRussia = bundles.filter((b) => person(b).destinations.includes('RU'));
    const well = inRussia.filter((b) =>
      ['GOOD', 'FLUENT'].includes(person(b).russianProficiency),
    ).length;
    expect(share(well, inRussia.length)).toBeGreaterThan(0.48);
    expect(share(well, inRussia.length)).toBeLessThan(0.56);
  });

  it('bans about 12.5% of the people ever in Russia (83,000 of 665,000), on leaving Russia', () => {
    const inRussia = bundles.filter((b) => person(b).destinations.includes('RU'));
    const banned = inRussia.filter((b) => b.migration.EntryBan.length > 0).length;
    expect(share(banned, inRussia.length)).toBeGreaterThan(0.1);
    expect(share(banned, inRussia.length)).toBeLessThan(0.15);
    for (const b of bundles) {
      for (const ban of b.migration.EntryBan) {
        expect(ban.country).toBe('RU');
        const left = b.migration.Episode.find(
          (e) => e.country === 'RU' && e.returnedOn && t(e.returnedOn) === t(ban.from),
        );
        expect(left).toBeDefined();
        // Nobody departs to Russia while banned from it.
        for (const e of b.migration.Episode) {
          const during =
            t(e.departedOn) > t(ban.from) && (!ban.until || t(e.departedOn) <= t(ban.until));
          if (during) expect(e.country).not.toBe('RU');
        }
      }
    }
  });

  it('records children left behind in proportion: 61,000 per 700,000 migrants abroad', () => {
    const abroad = withStatus(MigrationStatus.ABROAD);
    const children = abroad.reduce((n, b) => n + b.migration.Dependant.length, 0);
    expect(share(children, abroad.length)).toBeGreaterThan(0.07);
    expect(share(children, abroad.length)).toBeLessThan(0.105);
    const found = violations((fail) => {
      for (const b of bundles) {
        const dependants = b.migration.Dependant;
        if (person(b).status !== MigrationStatus.ABROAD && dependants.length) fail('not abroad');
        for (const d of dependants) {
          if (d.childPin === d.pin) fail(`${d.pin}: own dependant`);
          // Children are younger than everyone in the register.
          const age = ageOn(birthDateOfPin(d.childPin), F.REFERENCE_DATE);
          if (age >= F.ADULT_REGISTER_MIN_AGE) fail(`${d.childPin}: aged ${age}`);
          if (
            d.relation === 'CHILD' &&
            ageOn(person(b).birthDate, birthDateOfPin(d.childPin)) < 19
          ) {
            fail(`${d.childPin}: parent under 19 at birth`);
          }
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('weights home regions by 2015 population, returnees concentrated in Batken, Jalal-Abad and Osh', () => {
    const south: RegionCode[] = ['KG-B', 'KG-J', 'KG-O'];
    const total = Object.values(REGIONS).reduce((n, r) => n + r.population2015, 0);
    const southPopulation = south.reduce((n, code) => n + REGIONS[code].population2015, 0) / total;
    const southShare = (list: PersonBundle[]) =>
      share(list.filter((b) => south.includes(person(b).homeRegion)).length, list.length);
    expect(
      Math.abs(southShare(withStatus(MigrationStatus.NEVER_LEFT)) - southPopulation),
    ).toBeLessThan(0.03);
    expect(southShare(withStatus(MigrationStatus.RETURNED))).toBeGreaterThan(
      southPopulation + 0.15,
    );
    const bishkek = share(
      withStatus(MigrationStatus.NEVER_LEFT).filter((b) => person(b).homeRegion === 'KG-GB').length,
      withStatus(MigrationStatus.NEVER_LEFT).length,
    );
    expect(Math.abs(bishkek - REGIONS['KG-GB'].population2015 / total)).toBeLessThan(0.02);
  });

  it('keeps a share of persons who never left, with nothing abroad', () => {
    const never = withStatus(MigrationStatus.NEVER_LEFT);
    expect(Math.abs(share(never.length, PERSONS) - F.STATUS_SHARES.NEVER_LEFT)).toBeLessThan(0.02);
    const abroad = never.filter(
      (b) =>
        b.migration.Episode.length > 0 ||
        b.labour.EmploymentRecord.length > 0 ||
        person(b).destinations.length > 0 ||
        b.pensions.InsurancePeriod.some((p) => p.country !== HOME_COUNTRY),
    );
    expect(abroad.map((b) => person(b).pin)).toEqual([]);
  });

  it('concentrates active TB among returnees: 45% of active cases, a far higher rate', () => {
    const active = (b: PersonBundle) => b.health.TbCase.some((c) => c.outcome === null);
    const returned = withStatus(MigrationStatus.RETURNED);
    const never = withStatus(MigrationStatus.NEVER_LEFT);
    const returnedActive = returned.filter(active).length;
    const neverActive = never.filter(active).length;
    const rateRatio = share(returnedActive, returned.length) / share(neverActive, never.length);
    expect(rateRatio).toBeGreaterThan(3);
    const returneeShare = share(returnedActive, returnedActive + neverActive);
    expect(returneeShare).toBeGreaterThan(0.33);
    expect(returneeShare).toBeLessThan(0.57);
    // People abroad are not treated in Kyrgyz facilities.
    expect(withStatus(MigrationStatus.ABROAD).filter(active)).toEqual([]);
  });

  it('screens returnees for TB after about half of their returns since 2010', () => {
    let returns = 0;
    let screened = 0;
    for (const b of migrants) {
      for (const e of b.migration.Episode) {
        if (!e.returnedOn || e.returnedOn < new Date(Date.UTC(2010, 0, 1))) continue;
        returns += 1;
        const after = b.health.HealthScreening.some(
          (s) =>
            s.kind === 'TB' &&
            t(s.screenedOn) >= t(e.returnedOn!) &&
            t(s.screenedOn) <= t(e.returnedOn!) + 60 * 86_400_000,
        );
        if (after) screened += 1;
      }
    }
    expect(share(screened, returns)).toBeGreaterThan(0.4);
    expect(share(screened, returns)).toBeLessThan(0.6);
  });
});

describe('every person is consistent across the four agencies', () => {
  it('gives every person and every child a valid, unique PIN', () => {
    const pins = new Set<string>();
    const found = violations((fail) => {
      for (const b of bundles) {
        const p = person(b);
        for (const pin of [p.pin, ...b.migration.Dependant.map((d) => d.childPin)]) {
          try {
            parsePin(pin);
          } catch {
            fail(`invalid PIN ${pin}`);
          }
          pins.add(pin);
        }
        // The public-sample convention: G (1 female, 2 male), then DDMMYYYY of the birth date.
        if (p.pin[0] !== (p.sex === 'FEMALE' ? '1' : '2'))
          fail(`${p.pin}: first digit vs ${p.sex}`);
        if (t(birthDateOfPin(p.pin)) !== t(p.birthDate)) fail(`${p.pin}: birth date`);
      }
    });
    expect(found).toEqual([]);
    const children = bundles.reduce((n, b) => n + b.migration.Dependant.length, 0);
    expect(pins.size).toBe(PERSONS + children);
  });

  it('writes names in Cyrillic and Latin as the migration service checks them', () => {
    const cyrillic = /^[\p{Script=Cyrillic}][\p{Script=Cyrillic}' -]{0,99}$/u;
    const latin = /^[A-Za-z][A-Za-z' -]{0,99}$/;
    const found = violations((fail) => {
      for (const b of bundles) {
        const p = person(b);
        for (const part of ['last', 'first', 'patronymic'] as const) {
          if (!cyrillic.test(p.nameCyrillic[part] ?? '')) fail(`${p.pin}: ${p.nameCyrillic[part]}`);
          if (!latin.test(p.nameLatin[part] ?? '')) fail(`${p.pin}: ${p.nameLatin[part]}`);
        }
        const female = p.sex === 'FEMALE';
        if (!(female ? /(ova|eva)$/ : /(ov|ev)$/).test(p.nameLatin.last)) fail(`${p.pin}: surname`);
        if (!(female ? / kyzy$/ : / uulu$/).test(p.nameLatin.patronymic ?? '')) {
          fail(`${p.pin}: patronymic`);
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('keeps stays in order: no overlap, returns after departures, ABROAD iff one open stay', () => {
    const found = violations((fail) => {
      for (const b of bundles) {
        const p = person(b);
        const episodes = b.migration.Episode;
        episodes.forEach((e, i) => {
          if (e.country === 'KG') fail(`${p.pin}: stay in KG`);
          if (e.returnedOn && t(e.returnedOn) < t(e.departedOn))
            fail(`${p.pin}: return before departure`);
          if (!e.returnedOn && i !== episodes.length - 1) fail(`${p.pin}: open stay not last`);
          if (i > 0 && t(e.departedOn) <= t(episodes[i - 1]!.returnedOn!))
            fail(`${p.pin}: overlap`);
        });
        const open = episodes.filter((e) => e.returnedOn === null).length;
        if ((p.status === MigrationStatus.ABROAD) !== (open === 1))
          fail(`${p.pin}: ABROAD vs open`);
        if ((p.status === MigrationStatus.NEVER_LEFT) !== (episodes.length === 0)) {
          fail(`${p.pin}: NEVER_LEFT vs stays`);
        }
        const countries = [...new Set(episodes.map((e) => e.country))];
        if (p.destinations.join() !== countries.join()) fail(`${p.pin}: destinations`);
        const first = episodes[0];
        if (first && ageOn(p.birthDate, first.departedOn) < F.MIGRATION_MIN_AGE)
          fail(`${p.pin}: minor`);
      }
    });
    expect(found).toEqual([]);
  });

  it('dates nothing after the last recorded day', () => {
    const eventDates = new Set([
      'birthDate',
      'departedOn',
      'returnedOn',
      'from',
      'to',
      'screenedOn',
      'diagnosedOn',
      'outcomeOn',
      'enrolledOn',
      'completedOn',
      'droppedOutOn',
      'certifiedOn',
      'paidOn',
      'validFrom',
    ]);
    const found = violations((fail) => {
      for (const b of bundles) {
        for (const [agency, collections] of Object.entries(b)) {
          for (const [name, docs] of Object.entries(collections as Record<string, object[]>)) {
            for (const doc of docs) {
              for (const [field, value] of Object.entries(doc)) {
                if (!(value instanceof Date) || !eventDates.has(field)) continue;
                // A ban's end may lie ahead; everything else has happened.
                if (name === 'EntryBan' && field === 'until') continue;
                if (t(value) > LAST) fail(`${agency}.${name}.${field} is ${value.toISOString()}`);
              }
            }
          }
        }
      }
    });
    expect(found).toEqual([]);
  });

  it('places every job abroad inside a stay in the same country, by the labour rules', () => {
    const permitNumber = /^[\p{L}\d/-]{4,30}$/u;
    const found = violations((fail) => {
      for (const b of bundles) {
        const pin = person(b).pin;
        const jobs = b.labour.EmploymentRecord;
        for (const job of jobs) {
          const stay = b.migration.Episode.find(
            (e) =>
              e.country === job.country &&
              t(job.from) >= t(e.departedOn) &&
              (e.returnedOn === null || (job.to !== null && t(job.to) <= t(e.returnedOn))),
          );
          if (!stay)
            fail(`${pin}: job in ${job.country} from ${job.from.toISOString()} outside a stay`);
          if (job.to && t(job.to) < t(job.from)) fail(`${pin}: job ends before it starts`);
          if (!job.to && stay && stay.returnedOn !== null)
            fail(`${pin}: ongoing job in a closed stay`);
          if (job.employer !== job.employer.trim().replace(/\s+/gu, ' ')) fail(`${pin}: employer`);
          const permitted = job.permitType !== WorkPermitType.NONE;
          if (permitted ? !permitNumber.test(job.permitNumber ?? '') : job.permitNumber !== null) {
            fail(`${pin}: permit ${job.permitType} ${job.permitNumber}`);
          }
        }
        // The same person's jobs never overlap (stricter than the service's same-employer rule).
        const sorted = [...jobs].sort((x, y) => t(x.from) - t(y.from));
        for (let i = 1; i < sorted.length; i += 1) {
          if (t(sorted[i]!.from) <= t(sorted[i - 1]!.to!)) fail(`${pin}: overlapping jobs`);
        }
        const guard = b.labour.EmploymentGuard;
        const expected = jobs.length ? [{ _id: pin, writes: jobs.length }] : [];
        if (JSON.stringify(guard) !== JSON.stringify(expected)) fail(`${pin}: employment guard`);
      }
    });
    expect(found).toEqual([]);
  });

  it('never overlaps insurance periods; abroad ones mirror a job, domestic ones lie at home', () => {
    const found = violations((fail) => {
      for (const b of bundles) {
        const pin = person(b).pin;
        const periods = [...b.pensions.InsurancePeriod].sort((x, y) => t(x.from) - t(y.from));
        periods.forEach((p, i) => {
          const where = `${pin}: ${p.country} ${p.from.toISOString().slice(0, 10)}`;
          if (t(p.to) < t(p.from)) fail(`${where} ends before it starts`);
          if (i > 0 && t(p.from) <= t(periods[i - 1]!.to)) fail(`${where} overlaps`);
          if ((p.source === InsurancePeriodSource.DOMESTIC) !== (p.country === HOME_COUNTRY)) {
            fail(`${where} source ${p.source}`);
          }
          if (p.country === HOME_COUNTRY) {
            const abroad = b.migration.Episode.some(
              (e) =>
                t(p.to) >= t(e.departedOn) &&
                (e.returnedOn === null || t(p.from) <= t(e.returnedOn)),
            );
            if (abroad) fail(`${where} domestic period during a stay abroad`);
            return;
          }
          const job = b.labour.EmploymentRecord.find(
            (j) =>
              j.country === p.country &&
              t(j.from) === t(p.from) &&
              (j.to === null ? t(p.to) === LAST : t(j.to) === t(p.to)),
          );
          if (!job) fail(`${where} matches no job`);
          if (p.source === InsurancePeriodSource.PARTNER_REPORTED) {
            if (!F.EAEU_PARTNERS.has(p.country) || !job?.formal) fail(`${where} partner-reported`);
            if (p.type !== InsurancePeriodType.EMPLOYMENT) fail(`${where} type ${p.type}`);
          } else if (
            p.source !== InsurancePeriodSource.VOLUNTARY_FROM_ABROAD ||
            p.type !== InsurancePeriodType.VOLUNTARY
          ) {
            fail(`${where} ${p.source} ${p.type}`);
          }
        });
        const lock = b.pensions.InsurancePeriodLock;
        const expected = periods.length ? [{ _id: pin, version: periods.length }] : [];
        if (JSON.stringify(lock) !== JSON.stringify(expected)) fail(`${pin}: period lock`);
      }
    });
    expect(found).toEqual([]);
    const sources = new Set(
      bundles.flatMap((b) => b.pensions.InsurancePeriod.map((p) => p.source)),
    );
    expect(sources).toEqual(new Set(Object.values(InsurancePeriodSource)));
  });

  it('stores contributions as exact hundredths, never for a month after the payment', () => {
    let count = 0;
    const found = violations((fail) => {
      for (const b of bundles) {
        const months = b.pensions.InsurancePeriod.map(
          (p) => [p.from.toISOString().slice(0, 7), p.to.toISOString().slice(0, 7)] as const,
        );
        for (const c of b.pensions.Contribution) {
          count += 1;
          const where = `${c.pin} ${c.periodMonth}`;
          if (parseAmount(formatAmount(c.amountHundredths), c.currency) !== c.amountHundredths) {
            fail(`${where}: amount ${c.amountHundredths}`);
          }
          if (c.periodMonth > c.paidOn.toISOString().slice(0, 7)) fail(`${where}: paid before`);
          if (c.currency === PensionCurrency.KRW && c.amountHundredths % 100 !== 0)
            fail(`${where}: KRW`);
          if (!months.some(([from, to]) => from <= c.periodMonth && to >= c.periodMonth)) {
            fail(`${where}: no insurance period`);
          }
        }
      }
    });
    expect(found).toEqual([]);
    expect(count).toBeGreaterThan(PERSONS);
  });

  it('keeps TB cases by the health rules: one active case at most, outcomes final and consistent', () => {
    const found = violations((fail) => {
      for (const b of bundles) {
        const pin = person(b).pin;
        const cases = b.health.TbCase;
        if (cases.filter((c) => c.outcome === null).length > 1) fail(`${pin}: two active cases`);
        for (const c of cases) {
          if (c.outcome === null) {
            if (c.outcomeOn !== null) fail(`${pin}: active case with an outcome date`);
            if (c.treatmentStatus === TbTreatmentStatus.COMPLETED) fail(`${pin}: active COMPLETED`);
          } else {
            if (c.outcome === TbOutcome.DIED) fail(`${pin}: DIED but in the register`);
            if (t(c.outcomeOn!) < t(c.diagnosedOn)) fail(`${pin}: outcome before diagnosis`);
            if (c.treatmentStatus !== treatmentStatusForOutcome(c.outcome)) fail(`${pin}: status`);
          }
          // Diagnosed at home, never during a stay abroad.
          const abroad = b.migration.Episode.some(
            (e) =>
              t(c.diagnosedOn) >= t(e.departedOn) &&
              (e.returnedOn === null || t(c.diagnosedOn) <= t(e.returnedOn)),
          );
          if (abroad) fail(`${pin}: diagnosed abroad`);
        }
        const [first, second] = [...cases].sort((x, y) => t(x.diagnosedOn) - t(y.diagnosedOn));
        if (second && t(first!.outcomeOn!) >= t(second.diagnosedOn)) fail(`${pin}: cases overlap`);
      }
    });
    expect(found).toEqual([]);
  });

  it('holds one health insurance record at most, never EXPIRED, and sensible enrolments', () => {
    const found = violations((fail) => {
      for (const b of bundles) {
        const pin = person(b).pin;
        if (b.health.HealthInsurance.length > 1) fail(`${pin}: two insurance records`);
        for (const h of b.health.HealthInsurance) {
          if (!['INSURED', 'NOT_INSURED'].includes(h.status)) fail(`${pin}: stored ${h.status}`);
          if (h.validUntil && t(h.validUntil) < t(h.validFrom)) fail(`${pin}: cover ends before`);
        }
        const lastReturn = b.migration.Episode.at(-1)?.returnedOn;
        for (const r of b.labour.ReintegrationEnrolment) {
          if (person(b).status !== MigrationStatus.RETURNED) fail(`${pin}: enrolled, not returned`);
          if (!lastReturn || t(r.enrolledOn) <= t(lastReturn))
            fail(`${pin}: enrolled before return`);
          if ((r.completedOn !== null) !== (r.status === 'COMPLETED')) fail(`${pin}: completedOn`);
          if ((r.droppedOutOn !== null) !== (r.status === 'DROPPED_OUT'))
            fail(`${pin}: droppedOutOn`);
        }
        const skills = b.labour.Skill.map((s) => s.name);
        if (new Set(skills).size !== skills.length) fail(`${pin}: a skill twice`);
      }
    });
    expect(found).toEqual([]);
  });

  it('gives each agency holding records of a person its statistical unit, as the register says', () => {
    const found = violations((fail) => {
      for (const b of bundles) {
        const expected = statisticalUnitOf(person(b), b.migration.Episode, F.REFERENCE_DATE);
        for (const agency of ['labour', 'health', 'pensions'] as const) {
          const { StatisticalUnit: units, ...records } = b[agency];
          const holds = Object.values(records).some((docs: unknown[]) => docs.length > 0);
          if (units.length !== (holds ? 1 : 0))
            fail(`${person(b).pin}: ${units.length} ${agency} units`);
          const unit = units[0];
          if (!unit) continue;
          const { _id, ...fields } = unit;
          if (JSON.stringify(fields) !== JSON.stringify(expected))
            fail(`${person(b).pin}: ${agency} unit differs`);
        }
      }
    });
    expect(found).toEqual([]);
    // Returnees have a first return and a latest destination; persons who never left neither.
    const returned = withStatus(MigrationStatus.RETURNED).flatMap((b) => b.health.StatisticalUnit);
    expect(returned.every((u) => u.firstReturnOn !== null && u.lastDestination !== null)).toBe(
      true,
    );
    const stayed = withStatus(MigrationStatus.NEVER_LEFT).flatMap((b) => b.health.StatisticalUnit);
    expect(stayed.every((u) => u.firstReturnOn === null && u.lastDestination === null)).toBe(true);
  });

  it('places every consular registration and case inside a stay, in its country, by the consular rules', () => {
    const found = violations((fail) => {
      for (const b of bundles) {
        const pin = person(b).pin;
        const within = (country: string, from: Date, to: Date | null) =>
          b.migration.Episode.find(
            (e) =>
              e.country === country &&
              t(from) >= t(e.departedOn) &&
              (e.returnedOn === null
                ? to === null || t(to) <= LAST
                : to !== null && t(to) <= t(e.returnedOn)),
          );
        for (const r of b.consular.ConsularRegistration) {
          if (countryOfConsulate(r.consulate) !== r.country)
            fail(`${pin}: ${r.consulate} in ${r.country}`);
          const stay = within(r.country, r.from, r.to);
          if (!stay) fail(`${pin}: registration in ${r.country} outside a stay`);
          else if ((r.to === null) !== (stay.returnedOn === null))
            fail(`${pin}: registration open iff stay`);
        }
        if (b.consular.ConsularRegistration.filter((r) => r.to === null).length > 1)
          fail(`${pin}: two current registrations`);
        for (const c of b.consular.AssistanceCase) {
          if (countryOfConsulate(c.consulate) !== c.country)
            fail(`${pin}: ${c.consulate} in ${c.country}`);
          const stay = within(c.country, c.openedOn, c.openedOn);
          if (!stay) fail(`${pin}: ${c.type} case in ${c.country} outside a stay`);
          if (c.closedOn !== null && (t(c.closedOn) < t(c.openedOn) || t(c.closedOn) > LAST))
            fail(`${pin}: case closed out of order`);
          if ((c.closedOn === null) !== (c.status !== 'CLOSED')) fail(`${pin}: status ${c.status}`);
          if (c.type === AssistanceType.DEATH_ABROAD && stay?.returnedOn !== null)
            fail(`${pin}: a death abroad in a stay that ended with a return`);
        }
      }
    });
    expect(found).toEqual([]);
    const cases = bundles.flatMap((b) => b.consular.AssistanceCase);
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(Object.values(AssistanceType)));
    expect(bundles.some((b) => b.consular.ConsularRegistration.length > 0)).toBe(true);
  });

  it('passes the mongoose schemas of the services', async () => {
    const connection = createConnection();
    const models = {
      migration: createMigrationModels(connection),
      labour: createLabourModels(connection),
      health: createHealthModels(connection),
      pensions: createPensionsModels(connection),
      consular: createConsularModels(connection),
    };
    const errors: string[] = [];
    for (const b of bundles.slice(0, 2000)) {
      for (const agency of Object.keys(models) as Array<keyof typeof models>) {
        for (const [name, docs] of Object.entries(b[agency]) as Array<[string, object[]]>) {
          const model = (models[agency] as unknown as Record<string, Model<unknown>>)[name]!;
          for (const doc of docs) {
            await new model(doc)
              .validate()
              .catch((error: Error) => errors.push(`${name}: ${error.message}`));
          }
        }
      }
    }
    expect(errors).toEqual([]);
  });
});

describe('determinism', () => {
  const bytes = (b: PersonBundle) =>
    Buffer.concat(
      Object.values(b).flatMap((collections) =>
        Object.values(collections as Record<string, object[]>).flatMap((docs) =>
          docs.map((doc) => BSON.serialize(doc)),
        ),
      ),
    );

  it('gives byte-identical documents, ObjectIds included, for the same seed and index', () => {
    for (const index of [0, 1, 17, 4_999, 19_999, 1_000_000, 1_599_999]) {
      expect(
        bytes(generatePersonBundle(SEED, index)).equals(bytes(generatePersonBundle(SEED, index))),
      ).toBe(true);
    }
    expect(bytes(generatePersonBundle(SEED, 123)).equals(bytes(bundles[123]!))).toBe(true);
  });

  it('gives different documents for another seed', () => {
    const other = generatePersonBundle(SEED + 1, 5);
    expect(bytes(other).equals(bytes(bundles[5]!))).toBe(false);
    expect(person(other)._id.equals(person(bundles[5]!)._id)).toBe(false);
    expect(person(other).pin).not.toBe(person(bundles[5]!).pin);
  });

  it('never gives two documents of a collection the same _id', () => {
    const ids = new Map<string, Set<string>>();
    for (const b of bundles) {
      for (const collections of Object.values(b)) {
        for (const [name, docs] of Object.entries(
          collections as Record<string, Array<{ _id: unknown }>>,
        )) {
          const seen = ids.get(name) ?? new Set<string>();
          for (const doc of docs) seen.add(String(doc._id));
          ids.set(name, seen);
        }
      }
    }
    for (const [name, seen] of ids) {
      const total = bundles.reduce(
        (n, b) =>
          n +
          Object.values(b).reduce(
            (m, c) => m + ((c as Record<string, unknown[]>)[name]?.length ?? 0),
            0,
          ),
        0,
      );
      expect({ name, unique: seen.size }).toEqual({ name, unique: total });
    }
  });

  it('refuses an index beyond the PIN capacity', () => {
    expect(() => generatePersonBundle(SEED, 1_600_000)).toThrow(/index must be an integer/);
    expect(() => generatePersonBundle(-1, 0)).toThrow(/seed must be an integer/);
  });
});

/** Collects rule violations (the first 20) so that one assertion reports them all, fast. */
function violations(check: (fail: (message: string) => void) => void): string[] {
  const found: string[] = [];
  check((message) => {
    if (found.length < 20) found.push(message);
  });
  return found;
}

/** The birth date a generated PIN encodes (tests only: Jol never derives it in business logic). */
function birthDateOfPin(pin: string): Date {
  return new Date(
    Date.UTC(Number(pin.slice(5, 9)), Number(pin.slice(3, 5)) - 1, Number(pin.slice(1, 3))),
  );
}
