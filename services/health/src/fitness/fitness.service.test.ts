import { formatIsoDate, today } from '@jol/kernel';
import { callerAs, execute, useTestSubgraph } from '@jol/testkit/service';
import { createHealthServer } from '../server';

const FITNESS = /* GraphQL */ `
  query Fitness($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        fitForWorkAbroad
      }
    }
  }
`;
const FITNESS_AND_SCREENINGS = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        fitForWorkAbroad
        screenings {
          kind
        }
      }
    }
  }
`;
const RECORD_SCREENING = /* GraphQL */ `
  mutation ($input: RecordScreeningInput!) {
    recordScreening(input: $input) {
      id
    }
  }
`;
const RECORD_CASE = /* GraphQL */ `
  mutation ($input: RecordTbCaseInput!) {
    recordTbCase(input: $input) {
      id
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation ($input: GrantHealthConsentInput!) {
    grantHealthConsent(input: $input) {
      id
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation ($input: RevokeHealthConsentInput!) {
    revokeHealthConsent(input: $input) {
      id
    }
  }
`;

const daysFromToday = (days: number) => {
  const day = today();
  day.setUTCDate(day.getUTCDate() + days);
  return formatIsoDate(day);
};

const homeRegion = 'KG-B';
const labour = callerAs('LABOUR_OFFICER');
const labourFor = (purpose: string | null) => ({ ...labour, purpose });

describe('health: fitness for work abroad', () => {
  const subgraph = useTestSubgraph('health', createHealthServer);
  const audit = (requestId: string) =>
    subgraph.connection.collection('audit_events').find({ requestId }).toArray();
  const rep = (pin: string) => ({ __typename: 'Person', pin, homeRegion });
  const subject = (pin: string) => callerAs('DATA_SUBJECT', { pin });

  async function ok(query: string, variables: Record<string, unknown>, options = {}) {
    const result = await execute(subgraph.server, query, variables, options);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  /** Records recent negative TB and HIV screenings: the person is FIT. */
  async function screenFit(pin: string) {
    for (const kind of ['TB', 'HIV']) {
      await ok(RECORD_SCREENING, {
        input: {
          pin,
          kind,
          result: 'NEGATIVE',
          screenedOn: daysFromToday(-30),
          facility: 'Batken FMC',
        },
      });
    }
  }

  async function grantLabourConsent(pin: string, purpose = 'EMPLOYMENT_SERVICES'): Promise<string> {
    const data = await ok(
      GRANT,
      { input: { pin, recipientAgency: 'LABOUR', purpose, expiresOn: daysFromToday(90) } },
      subject(pin),
    );
    return data.grantHealthConsent.id;
  }

  async function fitnessAs(pin: string, options: Parameters<typeof execute>[3]) {
    const result = await execute(subgraph.server, FITNESS, { reps: [rep(pin)] }, options);
    return {
      value: result.data?._entities[0].fitForWorkAbroad,
      code: result.errors?.[0]?.extensions?.code,
      result,
    };
  }

  describe('derivation', () => {
    it('is FIT, NOT_FIT or UNDETERMINED from the screenings and TB cases', async () => {
      const fit = '10101199000101';
      const sick = '10101199000102';
      const unknown = '10101199000103';
      await screenFit(fit);
      await screenFit(sick);
      await ok(RECORD_CASE, {
        input: { pin: sick, diagnosedOn: daysFromToday(-3), drugResistant: false },
      });
      const data = await ok(FITNESS, { reps: [rep(fit), rep(sick), rep(unknown)] });
      expect(data._entities).toEqual([
        { pin: fit, fitForWorkAbroad: 'FIT' },
        { pin: sick, fitForWorkAbroad: 'NOT_FIT' },
        { pin: unknown, fitForWorkAbroad: 'UNDETERMINED' },
      ]);
    });
  });

  describe('health roles', () => {
    const pin = '10202199000201';
    beforeAll(() => screenFit(pin));

    it.each([
      ['a health officer', callerAs('HEALTH_OFFICER')],
      ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
      ['the data subject', subject(pin)],
    ])('show the certificate to %s without any consent', async (_who, as) => {
      expect(await fitnessAs(pin, as)).toMatchObject({ value: 'FIT', code: undefined });
    });

    it.each([
      ['a health officer of another region', callerAs('HEALTH_OFFICER', { region: 'KG-O' })],
      ['the data subject of another PIN', subject('20101199099999')],
    ])('refuse %s with FORBIDDEN', async (_who, as) => {
      expect(await fitnessAs(pin, as)).toMatchObject({ value: null, code: 'FORBIDDEN' });
    });
  });

  describe('by consent', () => {
    it('shows FIT to a labour officer for the consented purpose once the data subject grants it, and audits it', async () => {
      const pin = '10303199000301';
      await screenFit(pin);
      const before = await fitnessAs(pin, {
        ...labour,
        headers: { 'x-request-id': 'fitness-before-consent' },
      });
      expect(before).toMatchObject({ value: null, code: 'CONSENT_REQUIRED' });
      expect(before.result.errors?.[0]?.path).toEqual(['_entities', 0, 'fitForWorkAbroad']);
      expect(await audit('fitness-before-consent')).toEqual([
        expect.objectContaining({
          roles: ['LABOUR_OFFICER'],
          purpose: 'EMPLOYMENT_SERVICES',
          refused: ['Person.fitForWorkAbroad'],
          pins: [pin],
          outcome: 'DENIED',
        }),
      ]);

      await grantLabourConsent(pin);
      expect(
        await fitnessAs(pin, { ...labour, headers: { 'x-request-id': 'fitness-by-consent' } }),
      ).toMatchObject({
        value: 'FIT',
        code: undefined,
      });
      expect(await audit('fitness-by-consent')).toEqual([
        expect.objectContaining({
          service: 'health',
          sub: 'test-labour_officer',
          roles: ['LABOUR_OFFICER'],
          purpose: 'EMPLOYMENT_SERVICES',
          callerOperationName: 'Fitness',
          served: ['Person.fitForWorkAbroad'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);
    });

    it('needs consent for the purpose declared: another purpose of the same officer gets CONSENT_REQUIRED', async () => {
      const pin = '10404199000401';
      await screenFit(pin);
      await grantLabourConsent(pin);
      expect(await fitnessAs(pin, labourFor('RETURNEE_SUPPORT'))).toMatchObject({
        value: null,
        code: 'CONSENT_REQUIRED',
      });
    });

    it('needs consent for the agency: a migration officer gets CONSENT_REQUIRED with a labour consent', async () => {
      const pin = '10505199000501';
      await screenFit(pin);
      await grantLabourConsent(pin, 'RETURNEE_SUPPORT');
      expect(await fitnessAs(pin, labourFor('RETURNEE_SUPPORT'))).toMatchObject({ value: 'FIT' });
      expect(
        await fitnessAs(pin, { ...callerAs('MIGRATION_OFFICER'), purpose: 'RETURNEE_SUPPORT' }),
      ).toMatchObject({ value: null, code: 'CONSENT_REQUIRED' });
    });

    it('ends with the revocation', async () => {
      const pin = '10606199000601';
      await screenFit(pin);
      const id = await grantLabourConsent(pin);
      expect(await fitnessAs(pin, labour)).toMatchObject({ value: 'FIT' });
      await ok(REVOKE, { input: { id } }, subject(pin));
      expect(await fitnessAs(pin, labour)).toMatchObject({ value: null, code: 'CONSENT_REQUIRED' });
    });

    it('ends with the expiry', async () => {
      const pin = '10707199000701';
      await screenFit(pin);
      const yesterday = today();
      yesterday.setUTCDate(yesterday.getUTCDate() - 1);
      await subgraph.connection.collection('health_consents').insertOne({
        pin,
        recipientAgency: 'LABOUR',
        purpose: 'EMPLOYMENT_SERVICES',
        grantedAt: new Date('2024-01-01T00:00:00Z'),
        expiresOn: yesterday,
        revokedAt: null,
        recordedBy: 'test-data_subject',
        recordedAs: 'DATA_SUBJECT',
        revokedBy: null,
        revokedAs: null,
        open: true,
      });
      expect(await fitnessAs(pin, labour)).toMatchObject({ value: null, code: 'CONSENT_REQUIRED' });
    });

    it('never opens screenings: a consented labour officer gets FORBIDDEN for them', async () => {
      const pin = '10808199000801';
      await screenFit(pin);
      await grantLabourConsent(pin);
      const result = await execute(
        subgraph.server,
        FITNESS_AND_SCREENINGS,
        { reps: [rep(pin)] },
        labour,
      );
      expect(result.data?._entities).toEqual([{ pin, fitForWorkAbroad: 'FIT', screenings: null }]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]).toMatchObject({
        path: ['_entities', 0, 'screenings'],
        extensions: { code: 'FORBIDDEN' },
      });
    });

    it('holds a regional officer to the region as the kernel does: their own certificate by consent, no other', async () => {
      const pin = '11010199001001';
      const other = '11111199001101';
      for (const p of [pin, other]) {
        await screenFit(p);
        await grantLabourConsent(p);
      }
      // The person is the officer (the token's pin claim): every other read of one's own record
      // is exempt from the region claim, so this one is too.
      const self = callerAs('LABOUR_OFFICER', { region: 'KG-O', pin });
      expect(await fitnessAs(pin, self)).toMatchObject({ value: 'FIT', code: undefined });
      expect(await fitnessAs(other, self)).toMatchObject({ value: null, code: 'FORBIDDEN' });
    });

    describe('refused callers', () => {
      const pin = '10909199000901';
      beforeAll(async () => {
        await screenFit(pin);
        await grantLabourConsent(pin);
      });

      it.each([
        [
          'a consented officer of another region',
          'FORBIDDEN',
          callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
        ],
        [
          'a consented officer declaring a purpose not his',
          'FORBIDDEN',
          labourFor('PENSION_ASSESSMENT'),
        ],
        ['a consented officer declaring no purpose', 'FORBIDDEN', labourFor(null)],
        ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
        ['a partner institution', 'FORBIDDEN', callerAs('PARTNER')],
        ['an auditor', 'FORBIDDEN', callerAs('AUDITOR')],
        ['an anonymous caller', 'UNAUTHENTICATED', { caller: null, purpose: null }],
      ])('_entities is no side door: %s gets null and %s', async (_who, code, as) => {
        const result = await execute(subgraph.server, FITNESS, { reps: [rep(pin)] }, as);
        expect(result.data?._entities).toEqual([{ pin, fitForWorkAbroad: null }]);
        expect(result.errors?.[0]?.extensions?.code).toBe(code);
      });
    });

    it('reads the consents of every representation in one query', async () => {
      const find = jest.spyOn(subgraph.server.createContext().models.HealthConsent, 'find');
      try {
        const pins = ['10303199000301', '10404199000401', '10303199000301', '20101199099999'];
        const result = await execute(subgraph.server, FITNESS, { reps: pins.map(rep) }, labour);
        expect(
          result.data?._entities.map(
            (p: { fitForWorkAbroad: string | null }) => p.fitForWorkAbroad,
          ),
        ).toEqual(['FIT', 'FIT', 'FIT', null]);
        expect(find).toHaveBeenCalledTimes(1);
      } finally {
        find.mockRestore();
      }
    });
  });
});
