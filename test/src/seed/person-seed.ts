import type { Role } from '@jol/schema';

/** One write of a seed: the mutation, its input, and the role (and claims) it is sent as. */
export interface SeedStep {
  role: Role;
  mutation: string;
  input: Record<string, unknown>;
  /** Claims of the writer's token besides its role: a data subject's own PIN. @default none */
  claims?: { pin?: string };
  /** Writes that act on the record this one wrote (a status update, an outcome), given its id. */
  then?: (written: { id?: string }) => SeedStep[];
}

/** Sends one step and answers what the mutation returned; it throws when the write is refused. */
export type SeedWriter = (step: SeedStep) => Promise<{ id?: string }>;

type Input = Record<string, unknown>;

/** A name as [last, first]. */
type Name = readonly [last: string, first: string];

/** Birth date and sex as a PIN states them (`2 01011990 00001`: a woman born on 1 January 1990). */
function factsOfPin(pin: string): { birthDate: string; sex: 'FEMALE' | 'MALE' } | null {
  const match = /^([12])(\d{2})(\d{2})(\d{4})\d{5}$/.exec(pin);
  if (!match) return null;
  const [, sex, day, month, year] = match;
  return { birthDate: `${year}-${month}-${day}`, sex: sex === '1' ? 'MALE' : 'FEMALE' };
}

/**
 * One person's records across the agencies, written by the roles that own them, in the order
 * the builder was told (the registration first):
 * `seed.person(pin).from('KG-O').abroadIn('RU', { since: '2023-03-01' }).employedAs('Stroy LLC')`.
 * Options left out take the values below; any field given is sent as given.
 */
export class PersonSeed {
  private readonly registration: Input;
  private readonly steps: SeedStep[] = [];
  /** The country of the last stay abroad: where later employment and periods default to. */
  private country = 'RU';

  constructor(readonly pin: string) {
    const facts = factsOfPin(pin);
    this.registration = {
      pin,
      nameCyrillic: { last: 'Асанова', first: 'Айгуль' },
      nameLatin: { last: 'Asanova', first: 'Aigul' },
      birthDate: facts?.birthDate ?? '1990-01-01',
      sex: facts?.sex ?? 'FEMALE',
      homeRegion: 'KG-C',
      russianProficiency: 'GOOD',
    };
  }

  /** The registered names, Cyrillic and Latin, each as [last, first]. */
  named(cyrillic: Name, latin: Name): this {
    this.registration.nameCyrillic = { last: cyrillic[0], first: cyrillic[1] };
    this.registration.nameLatin = { last: latin[0], first: latin[1] };
    return this;
  }

  /** @default the birth date and sex the PIN states */
  born(birthDate: string, sex?: string): this {
    this.registration.birthDate = birthDate;
    if (sex) this.registration.sex = sex;
    return this;
  }

  /** The home region (`KG-O`). @default 'KG-C' */
  from(homeRegion: string): this {
    this.registration.homeRegion = homeRegion;
    return this;
  }

  /** @default 'GOOD' */
  speaksRussian(level: string): this {
    this.registration.russianProficiency = level;
    return this;
  }

  /** A departure to `country` for work (a city only when given), and the return when `until`. */
  abroadIn(
    country: string,
    options: { since: string; until?: string; city?: string; purpose?: string },
  ): this {
    const { since, until, ...rest } = options;
    this.country = country;
    this.migration('registerDeparture', { departedOn: since, country, purpose: 'WORK', ...rest });
    if (until) this.migration('registerReturn', { returnedOn: until });
    return this;
  }

  bannedFrom(country: string, options: { from: string; until: string; reason?: string }): this {
    return this.migration('recordEntryBan', { country, reason: 'OVERSTAY', ...options });
  }

  /** A child left at home, cared for by grandparents unless told otherwise. */
  withDependant(childPin: string, options: { relation?: string; caregiver?: string } = {}): this {
    return this.migration('recordDependant', {
      childPin,
      relation: 'CHILD',
      caregiver: 'GRANDPARENT',
      ...options,
    });
  }

  /** Formal work in construction in the country of the last stay abroad. */
  employedAs(employer: string, options: Input & { from?: string } = {}): this {
    return this.write('LABOUR_OFFICER', 'recordEmployment', {
      country: this.country,
      employer,
      sector: 'CONSTRUCTION',
      formal: true,
      from: '2021-03-01',
      ...options,
    });
  }

  /** An enrolment in a reintegration programme, completed on `completedOn` when given. */
  reintegratedIn(programme: string, options: { enrolledOn: string; completedOn?: string }): this {
    const { completedOn, enrolledOn } = options;
    return this.write(
      'LABOUR_OFFICER',
      'enrolInReintegration',
      { programme, enrolledOn },
      completedOn
        ? ({ id }) => [
            step('LABOUR_OFFICER', 'updateReintegrationStatus', {
              id,
              status: 'COMPLETED',
              on: completedOn,
            }),
          ]
        : undefined,
    );
  }

  skilledIn(name: string, options: Input = {}): this {
    return this.write('LABOUR_OFFICER', 'recordSkill', { name, level: 'ADVANCED', ...options });
  }

  /** A screening of `kind` (TB, HIV), negative unless told otherwise. */
  screenedFor(kind: string, options: { on: string; facility: string; result?: string }): this {
    const { on, ...rest } = options;
    return this.write('HEALTH_OFFICER', 'recordScreening', {
      kind,
      result: 'NEGATIVE',
      screenedOn: on,
      ...rest,
    });
  }

  /** A TB case, not drug-resistant; treated then closed with `outcome` when given. */
  withTbCase(options: {
    diagnosedOn: string;
    drugResistant?: boolean;
    outcome?: { outcome: string; on: string };
  }): this {
    const { outcome, ...rest } = options;
    return this.write(
      'HEALTH_OFFICER',
      'recordTbCase',
      { drugResistant: false, treatmentStatus: 'NOT_STARTED', ...rest },
      outcome
        ? ({ id }) => [
            step('HEALTH_OFFICER', 'updateTbTreatmentStatus', { id, status: 'IN_TREATMENT' }),
            step('HEALTH_OFFICER', 'recordTbOutcome', { id, ...outcome }),
          ]
        : undefined,
    );
  }

  /** Health insurance under the migrants' policy. */
  insuredForHealth(options: { validFrom: string; validUntil: string } & Input): this {
    return this.write('HEALTH_OFFICER', 'setHealthInsurance', {
      status: 'INSURED',
      scheme: 'MIGRANT_POLICY',
      ...options,
    });
  }

  /**
   * Consent to share health data: granted by the person themselves, or recorded by a health
   * officer and, with `revoked`, revoked at once.
   */
  consentsTo(
    recipientAgency: string,
    options: { purpose: string; expiresOn: string; by: 'SUBJECT' | 'OFFICER'; revoked?: boolean },
  ): this {
    const { by, revoked, ...rest } = options;
    const input = { recipientAgency, ...rest };
    const role = by === 'SUBJECT' ? 'DATA_SUBJECT' : 'HEALTH_OFFICER';
    const then = revoked
      ? ({ id }: { id?: string }) => [step('HEALTH_OFFICER', 'revokeHealthConsent', { id })]
      : undefined;
    this.steps.push({
      ...step(role, 'grantHealthConsent', { pin: this.pin, ...input }),
      ...(by === 'SUBJECT' ? { claims: { pin: this.pin } } : {}),
      ...(then ? { then } : {}),
    });
    return this;
  }

  /** A period of insurance abroad, reported by the partner, in the country of the last stay. */
  insuredAbroad(options: { from: string; to?: string } & Input): this {
    return this.write('PENSION_OFFICER', 'recordInsurancePeriod', {
      country: this.country,
      type: 'EMPLOYMENT',
      source: 'PARTNER_REPORTED',
      ...options,
    });
  }

  /** A voluntary contribution paid in roubles. */
  contributed(options: { paidOn: string; periodMonth: string; amount: string } & Input): this {
    return this.write('PENSION_OFFICER', 'recordContribution', {
      currency: 'RUB',
      kind: 'VOLUNTARY',
      ...options,
    });
  }

  /** A registration with a consulate, from `from` (ended on `to` when given). */
  registeredAt(
    consulate: string,
    options: { from: string; to?: string; addressCity?: string },
  ): this {
    const { to, ...rest } = options;
    return this.write(
      'CONSULAR_OFFICER',
      'registerConsularRegistration',
      { consulate, addressCity: 'Moscow', ...rest },
      to
        ? ({ id }) => [step('CONSULAR_OFFICER', 'endConsularRegistration', { id, to })]
        : undefined,
    );
  }

  /** An assistance case of `type` at a consulate, closed on `closedOn` when given. */
  assistedAbroad(
    type: string,
    options: { consulate: string; openedOn: string; closedOn?: string },
  ): this {
    const { closedOn, ...rest } = options;
    return this.write(
      'CONSULAR_OFFICER',
      'openAssistanceCase',
      { type, ...rest },
      closedOn
        ? ({ id }) => [step('CONSULAR_OFFICER', 'closeAssistanceCase', { id, closedOn })]
        : undefined,
    );
  }

  /** The writes, in order: the registration, then every record in the order it was added. */
  plan(): SeedStep[] {
    return [step('MIGRATION_OFFICER', 'registerPerson', { ...this.registration }), ...this.steps];
  }

  /** Writes the person through `writer`, one step after the other (a step's follow-ups next). */
  async writeWith(writer: SeedWriter): Promise<void> {
    const run = async (steps: SeedStep[]): Promise<void> => {
      for (const next of steps) {
        const written = await writer(next);
        if (next.then) await run(next.then(written));
      }
    };
    await run(this.plan());
  }

  private migration(mutation: string, input: Input): this {
    return this.write('MIGRATION_OFFICER', mutation, input);
  }

  private write(role: Role, mutation: string, input: Input, then?: SeedStep['then']): this {
    this.steps.push({
      ...step(role, mutation, { pin: this.pin, ...input }),
      ...(then ? { then } : {}),
    });
    return this;
  }
}

function step(role: Role, mutation: string, input: Input): SeedStep {
  return { role, mutation, input };
}

/** The entry point of the builder: `seed.person(pin)...writeWith(writer)`. */
export const seed = { person: (pin: string) => new PersonSeed(pin) };
