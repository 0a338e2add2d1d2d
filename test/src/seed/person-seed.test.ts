import { mutationDocument } from './gateway-writer';
import { seed, type SeedStep } from './person-seed';

const PIN = '21503199000042';

/** A person with one record of every kind the builder writes. */
const everything = () =>
  seed
    .person(PIN)
    .from('KG-O')
    .abroadIn('RU', { since: '2021-02-01', until: '2024-10-15', city: 'Kazan' })
    .bannedFrom('RU', { from: '2024-10-16', until: '2029-10-15' })
    .withDependant('21503201500042')
    .employedAs('Stroy LLC', { to: '2024-09-30' })
    .reintegratedIn('VOCATIONAL_TRAINING', { enrolledOn: '2024-11-01', completedOn: '2025-02-01' })
    .skilledIn('Welding')
    .screenedFor('TB', { on: '2025-05-01', facility: 'Osh TB Dispensary' })
    .withTbCase({ diagnosedOn: '2023-01-10', outcome: { outcome: 'CURED', on: '2023-08-01' } })
    .insuredForHealth({ validFrom: '2024-11-01', validUntil: '2025-11-01' })
    .consentsTo('LABOUR', { purpose: 'EMPLOYMENT', expiresOn: '2026-01-01', by: 'SUBJECT' })
    .consentsTo('MIGRATION', {
      purpose: 'MIGRATION_REGISTRATION',
      expiresOn: '2026-01-01',
      by: 'OFFICER',
      revoked: true,
    })
    .insuredAbroad({ from: '2021-03-01', to: '2024-09-30' })
    .contributed({ paidOn: '2024-05-10', periodMonth: '2024-04', amount: '1250.00' });

/** Runs a seed against a writer that numbers the records it writes. */
async function written(steps: {
  writeWith: (w: (s: SeedStep) => Promise<{ id?: string }>) => Promise<void>;
}) {
  const sent: SeedStep[] = [];
  await steps.writeWith(async (step) => {
    sent.push(step);
    return { id: `record-${sent.length}` };
  });
  return sent;
}

describe('the seed builder', () => {
  it('registers the person first, with the birth date and sex the PIN states', () => {
    const [registration, ...rest] = seed.person(PIN).from('KG-O').plan();
    expect(registration).toEqual({
      role: 'MIGRATION_OFFICER',
      mutation: 'registerPerson',
      input: {
        pin: PIN,
        nameCyrillic: { last: 'Асанова', first: 'Айгуль' },
        nameLatin: { last: 'Asanova', first: 'Aigul' },
        birthDate: '1990-03-15',
        sex: 'FEMALE',
        homeRegion: 'KG-O',
        russianProficiency: 'GOOD',
      },
    });
    expect(rest).toEqual([]);
  });

  it('takes names, birth and language as given', () => {
    const [{ input }] = seed
      .person('not-a-pin')
      .named(['Сыдыков', 'Бакыт'], ['Sydykov', 'Bakyt'])
      .born('1985-11-11', 'MALE')
      .speaksRussian('FLUENT')
      .plan() as [SeedStep];
    expect(input).toMatchObject({
      nameCyrillic: { last: 'Сыдыков', first: 'Бакыт' },
      nameLatin: { last: 'Sydykov', first: 'Bakyt' },
      birthDate: '1985-11-11',
      sex: 'MALE',
      russianProficiency: 'FLUENT',
    });
  });

  it('writes each record as the role that owns it, in the order it was told', () => {
    expect(
      everything()
        .plan()
        .map((s) => [s.role, s.mutation]),
    ).toEqual([
      ['MIGRATION_OFFICER', 'registerPerson'],
      ['MIGRATION_OFFICER', 'registerDeparture'],
      ['MIGRATION_OFFICER', 'registerReturn'],
      ['MIGRATION_OFFICER', 'recordEntryBan'],
      ['MIGRATION_OFFICER', 'recordDependant'],
      ['LABOUR_OFFICER', 'recordEmployment'],
      ['LABOUR_OFFICER', 'enrolInReintegration'],
      ['LABOUR_OFFICER', 'recordSkill'],
      ['HEALTH_OFFICER', 'recordScreening'],
      ['HEALTH_OFFICER', 'recordTbCase'],
      ['HEALTH_OFFICER', 'setHealthInsurance'],
      ['DATA_SUBJECT', 'grantHealthConsent'],
      ['HEALTH_OFFICER', 'grantHealthConsent'],
      ['PENSION_OFFICER', 'recordInsurancePeriod'],
      ['PENSION_OFFICER', 'recordContribution'],
    ]);
  });

  it('fills what it was not told, about this PIN, and work and periods where the person went', () => {
    const steps = seed
      .person(PIN)
      .abroadIn('KZ', { since: '2023-03-01' })
      .employedAs('Almaty Build')
      .insuredAbroad({ from: '2023-04-01' })
      .plan();
    expect(steps.slice(1).map((s) => s.input)).toEqual([
      { pin: PIN, departedOn: '2023-03-01', country: 'KZ', purpose: 'WORK' },
      {
        pin: PIN,
        country: 'KZ',
        employer: 'Almaty Build',
        sector: 'CONSTRUCTION',
        formal: true,
        from: '2021-03-01',
      },
      {
        pin: PIN,
        country: 'KZ',
        type: 'EMPLOYMENT',
        source: 'PARTNER_REPORTED',
        from: '2023-04-01',
      },
    ]);
  });

  it('lets a person grant their own consent under their own PIN', () => {
    const consents = everything()
      .plan()
      .filter((s) => s.mutation === 'grantHealthConsent');
    expect(consents.map((s) => s.claims)).toEqual([{ pin: PIN }, undefined]);
  });

  it('sends follow-ups right after the record they act on, with its id', async () => {
    const sent = await written(everything());
    const follow = (mutation: string) => sent.find((s) => s.mutation === mutation)!;
    const idOf = (mutation: string) => `record-${sent.indexOf(follow(mutation)) + 1}`;
    expect(follow('updateReintegrationStatus').input).toEqual({
      id: idOf('enrolInReintegration'),
      status: 'COMPLETED',
      on: '2025-02-01',
    });
    expect(follow('updateTbTreatmentStatus').input).toEqual({
      id: idOf('recordTbCase'),
      status: 'IN_TREATMENT',
    });
    expect(follow('recordTbOutcome').input).toEqual({
      id: idOf('recordTbCase'),
      outcome: 'CURED',
      on: '2023-08-01',
    });
    expect(follow('revokeHealthConsent').input).toEqual({ id: `record-${sent.length - 3}` });
    expect(sent.map((s) => s.mutation).slice(6, 13)).toEqual([
      'enrolInReintegration',
      'updateReintegrationStatus',
      'recordSkill',
      'recordScreening',
      'recordTbCase',
      'updateTbTreatmentStatus',
      'recordTbOutcome',
    ]);
  });

  it('stops at the first refused write', async () => {
    const sent: string[] = [];
    const refused = seed
      .person(PIN)
      .abroadIn('RU', { since: '2023-03-01' })
      .writeWith(async (step) => {
        sent.push(step.mutation);
        throw new Error(`${step.mutation} refused`);
      });
    await expect(refused).rejects.toThrow('registerPerson refused');
    expect(sent).toEqual(['registerPerson']);
  });

  it('writes consular records as a consular officer, closing and ending them with their ids', async () => {
    const sent = await written(
      seed
        .person(PIN)
        .abroadIn('RU', { since: '2023-03-01' })
        .registeredAt('RU_MOSCOW', { from: '2023-04-01', to: '2024-01-31' })
        .assistedAbroad('DETENTION', {
          consulate: 'RU_MOSCOW',
          openedOn: '2023-06-01',
          closedOn: '2023-09-01',
        }),
    );
    expect(sent.slice(2)).toEqual([
      {
        role: 'CONSULAR_OFFICER',
        mutation: 'registerConsularRegistration',
        input: { pin: PIN, consulate: 'RU_MOSCOW', addressCity: 'Moscow', from: '2023-04-01' },
        then: expect.any(Function),
      },
      {
        role: 'CONSULAR_OFFICER',
        mutation: 'endConsularRegistration',
        input: { id: 'record-3', to: '2024-01-31' },
      },
      {
        role: 'CONSULAR_OFFICER',
        mutation: 'openAssistanceCase',
        input: { pin: PIN, type: 'DETENTION', consulate: 'RU_MOSCOW', openedOn: '2023-06-01' },
        then: expect.any(Function),
      },
      {
        role: 'CONSULAR_OFFICER',
        mutation: 'closeAssistanceCase',
        input: { id: 'record-5', closedOn: '2023-09-01' },
      },
    ]);
    for (const step of sent)
      expect(mutationDocument(step.mutation)).toContain(`${step.mutation}(input: $input)`);
  });

  it('names only mutations of the committed supergraph, each taking its input as `input`', async () => {
    for (const step of await written(everything()))
      expect(mutationDocument(step.mutation)).toContain(`${step.mutation}(input: $input)`);
  });
});
