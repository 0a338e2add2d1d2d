import { formatIsoDate, today } from '@jol/kernel';
import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWrite,
  outsidersOf,
  useTestSubgraph,
} from '@jol/testkit/service';
import { createHealthServer } from '../server';

const FIELDS =
  'id pin recipientAgency purpose grantedAt expiresOn revokedAt recordedBy recordedAs revokedBy revokedAs active';
const GRANT = /* GraphQL */ `
  mutation Grant($input: GrantHealthConsentInput!) { grantHealthConsent(input: $input) { ${FIELDS} } }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($input: RevokeHealthConsentInput!) { revokeHealthConsent(input: $input) { ${FIELDS} } }
`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        healthConsents {
          recipientAgency
          purpose
          expiresOn
          revokedAt
          recordedAs
          active
        }
      }
    }
  }
`;

const daysFromToday = (days: number) => {
  const day = today();
  day.setUTCDate(day.getUTCDate() + days);
  return formatIsoDate(day);
};
const TODAY = daysFromToday(0);
const NEXT_YEAR = daysFromToday(365);
const UNKNOWN_ID = '65a0000000000000000000ff';

describe('health: consents', () => {
  const subgraph = useTestSubgraph('health', createHealthServer);
  const consents = () => subgraph.connection.collection('health_consents');
  const snapshot = async (pin: string) =>
    (await consents().find({ pin }).sort({ _id: 1 }).toArray()).map(
      ({ updatedAt: _u, ...rest }) => rest,
    );
  const subject = (pin: string) => callerAs('DATA_SUBJECT', { pin });
  const noPurpose = callerWithPurpose('HEALTH_OFFICER', null);
  const grantInput = (pin: string, change: Record<string, unknown> = {}) => ({
    input: {
      pin,
      recipientAgency: 'LABOUR',
      purpose: 'EMPLOYMENT_SERVICES',
      expiresOn: NEXT_YEAR,
      ...change,
    },
  });

  /** Grants a consent as the data subject and returns its id. */
  async function grantAsSubject(
    pin: string,
    change: Record<string, unknown> = {},
  ): Promise<string> {
    const result = await execute(subgraph.server, GRANT, grantInput(pin, change), subject(pin));
    expect(result.errors).toBeUndefined();
    return result.data?.grantHealthConsent.id;
  }

  describe('grantHealthConsent', () => {
    it('records a consent granted by the data subject, active from today', async () => {
      const pin = '10503199012345';
      const result = await execute(subgraph.server, GRANT, grantInput(pin), subject(pin));
      expect(result.errors).toBeUndefined();
      expect(result.data?.grantHealthConsent).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        pin,
        recipientAgency: 'LABOUR',
        purpose: 'EMPLOYMENT_SERVICES',
        grantedAt: TODAY,
        expiresOn: NEXT_YEAR,
        revokedAt: null,
        recordedBy: 'test-data_subject',
        recordedAs: 'DATA_SUBJECT',
        revokedBy: null,
        revokedAs: null,
        active: true,
      });
      expect(await consents().countDocuments({ pin })).toBe(1);
    });

    it('records a consent for any person when a health officer records it', async () => {
      const pin = '20202199200002';
      const result = await execute(
        subgraph.server,
        GRANT,
        grantInput(pin, { recipientAgency: 'PENSIONS', purpose: 'PENSION_ASSESSMENT' }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.grantHealthConsent).toMatchObject({
        pin,
        recipientAgency: 'PENSIONS',
        recordedBy: 'test-health_officer',
        recordedAs: 'HEALTH_OFFICER',
      });
    });

    itRefusesWrite(
      subgraph,
      {
        name: 'grantHealthConsent',
        mutation: GRANT,
        variables: grantInput('10707199300007'),
        state: () => consents().countDocuments({ pin: '10707199300007' }),
      },
      [
        ['the data subject of another PIN', 'FORBIDDEN', subject('10503199012345')],
        [
          'the data subject declaring a health purpose',
          'FORBIDDEN',
          callerWithPurpose('DATA_SUBJECT', 'MEDICAL_CARE', { pin: '10707199300007' }),
        ],
        ['the labour officer who would receive it', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
        ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
        ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
        // A consent opens the certificate, which public health may not read.
        [
          'a health officer for public health',
          'FORBIDDEN',
          callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH'),
        ],
        ['a health officer declaring no purpose', 'FORBIDDEN', noPurpose],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );

    it.each([
      [
        'a purpose of another agency',
        { purpose: 'PENSION_ASSESSMENT' },
        'purpose',
        'PENSION_ASSESSMENT',
      ],
      ['a health purpose', { purpose: 'PUBLIC_HEALTH' }, 'purpose', 'PUBLIC_HEALTH'],
      ['an unknown purpose', { purpose: 'MARKETING' }, 'purpose', 'MARKETING'],
      ['an expiry today', { expiresOn: TODAY }, 'expiresOn', TODAY],
      ['an expiry in the past', { expiresOn: '2020-01-01' }, 'expiresOn', '2020-01-01'],
      [
        'an expiry more than 5 years ahead',
        { expiresOn: daysFromToday(5 * 366 + 1) },
        'expiresOn',
        daysFromToday(5 * 366 + 1),
      ],
      ['an unknown recipient', { recipientAgency: 'HEALTH' }, 'HEALTH', 'HEALTH'],
      ['a malformed PIN', { pin: '3080819940008' }, 'pin', '3080819940008'],
    ])(
      'refuses %s with BAD_USER_INPUT naming the value and writes nothing',
      async (_why, change, field, offending) => {
        const pin = '10808199400008';
        const result = await execute(subgraph.server, GRANT, grantInput(pin, change), subject(pin));
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toContain(field);
        expect(result.errors?.[0]?.message).toContain(offending);
        expect(result.data ?? null).toBeNull();
        expect(await consents().countDocuments({ pin })).toBe(0);
        expect(
          await consents().countDocuments({ pin: (change as { pin?: string }).pin ?? pin }),
        ).toBe(0);
      },
    );

    it('refuses a second open consent for the same recipient and purpose with CONFLICT', async () => {
      const pin = '10909199500009';
      const id = await grantAsSubject(pin);
      const before = await snapshot(pin);
      const again = await execute(
        subgraph.server,
        GRANT,
        grantInput(pin, { expiresOn: daysFromToday(30) }),
        subject(pin),
      );
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toContain(pin);
      expect(again.errors?.[0]?.message).toContain(id);
      expect(await snapshot(pin)).toEqual(before);

      // Another purpose or another recipient is another consent.
      await grantAsSubject(pin, { purpose: 'RETURNEE_SUPPORT' });
      await grantAsSubject(pin, { recipientAgency: 'MIGRATION', purpose: 'RETURNEE_SUPPORT' });
      expect(await consents().countDocuments({ pin })).toBe(3);
    });

    it('lets only one of several concurrent grants for the same consent succeed', async () => {
      const pin = '11010199600010';
      const results = await Promise.all(
        [1, 2, 3].map(() => execute(subgraph.server, GRANT, grantInput(pin), subject(pin))),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
      expect(await consents().countDocuments({ pin })).toBe(1);
    });

    it('grants again once the previous consent has expired', async () => {
      const pin = '11111199700011';
      await consents().insertOne({
        pin,
        recipientAgency: 'LABOUR',
        purpose: 'EMPLOYMENT_SERVICES',
        grantedAt: new Date('2020-01-01T00:00:00Z'),
        expiresOn: new Date('2021-01-01T00:00:00Z'),
        revokedAt: null,
        recordedBy: 'someone',
        recordedAs: 'DATA_SUBJECT',
        revokedBy: null,
        revokedAs: null,
        open: true,
      });
      await grantAsSubject(pin);
      const result = await execute(
        subgraph.server,
        ENTITIES,
        { reps: [{ __typename: 'Person', pin }] },
        subject(pin),
      );
      expect(result.errors).toBeUndefined();
      expect(
        result.data?._entities[0].healthConsents.map(
          (c: { expiresOn: string; active: boolean }) => [c.expiresOn, c.active],
        ),
      ).toEqual([
        [NEXT_YEAR, true],
        ['2021-01-01', false],
      ]);
    });
  });

  describe('revokeHealthConsent', () => {
    it('lets the data subject revoke their own consent, once, and then grant it again', async () => {
      const pin = '11212199800012';
      const id = await grantAsSubject(pin);
      const result = await execute(subgraph.server, REVOKE, { input: { id } }, subject(pin));
      expect(result.errors).toBeUndefined();
      expect(result.data?.revokeHealthConsent).toMatchObject({
        id,
        revokedAt: TODAY,
        revokedBy: 'test-data_subject',
        revokedAs: 'DATA_SUBJECT',
        active: false,
      });

      const before = await snapshot(pin);
      const again = await execute(subgraph.server, REVOKE, { input: { id } }, subject(pin));
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toContain(id);
      expect(await snapshot(pin)).toEqual(before);

      await grantAsSubject(pin);
      expect(await consents().countDocuments({ pin })).toBe(2);
    });

    it('lets a health officer revoke any consent', async () => {
      const pin = '11303199900013';
      const id = await grantAsSubject(pin);
      const result = await execute(subgraph.server, REVOKE, { input: { id } });
      expect(result.errors).toBeUndefined();
      expect(result.data?.revokeHealthConsent).toMatchObject({
        revokedAs: 'HEALTH_OFFICER',
        active: false,
      });
    });

    itRefusesWrite(
      subgraph,
      {
        name: 'revokeHealthConsent',
        mutation: REVOKE,
        variables: async () => {
          const pin = '11404199000014';
          const id =
            (await consents().findOne({ pin }))?._id.toHexString() ?? (await grantAsSubject(pin));
          return { input: { id } };
        },
        state: () => snapshot('11404199000014'),
      },
      [
        ['the data subject of another PIN', 'FORBIDDEN', subject('10503199012345')],
        ['the labour officer it was granted to', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
        [
          'a health officer for public health',
          'FORBIDDEN',
          callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH'),
        ],
        ['a health officer declaring no purpose', 'FORBIDDEN', noPurpose],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );

    it('answers a health officer NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const missing = await execute(subgraph.server, REVOKE, { input: { id: UNKNOWN_ID } });
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(missing.errors?.[0]?.message).toContain(UNKNOWN_ID);
      const malformed = await execute(subgraph.server, REVOKE, { input: { id: 'not-an-id' } });
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(malformed.errors?.[0]?.message).toContain('not-an-id');
    });

    it('tells a data subject nothing about ids that are not theirs', async () => {
      for (const id of [UNKNOWN_ID, 'not-an-id']) {
        const result = await execute(
          subgraph.server,
          REVOKE,
          { input: { id } },
          subject('10503199012345'),
        );
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('audit', () => {
    it('writes an audit event for every grant and revocation, and for a refused one', async () => {
      const pin = '11505199100015';
      const granted = await execute(subgraph.server, GRANT, grantInput(pin), {
        ...subject(pin),
        headers: { 'x-request-id': 'consent-grant' },
      });
      expect(granted.errors).toBeUndefined();
      expect(await subgraph.auditOf('consent-grant')).toEqual([
        expect.objectContaining({
          service: 'health',
          sub: 'test-data_subject',
          roles: ['DATA_SUBJECT'],
          purpose: 'SELF_SERVICE',
          callerOperationName: 'Grant',
          served: ['Mutation.grantHealthConsent'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);

      const revoked = await executeAudited(subgraph, 'consent-revoke', REVOKE, {
        input: { id: granted.data?.grantHealthConsent.id },
      });
      expect(revoked.result.errors).toBeUndefined();
      expect(revoked.events).toEqual([
        expect.objectContaining({
          sub: 'test-health_officer',
          roles: ['HEALTH_OFFICER'],
          purpose: 'MEDICAL_CARE',
          callerOperationName: 'Revoke',
          served: ['Mutation.revokeHealthConsent'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);

      const refused = await execute(subgraph.server, GRANT, grantInput(pin), {
        ...callerAs('LABOUR_OFFICER'),
        headers: { 'x-request-id': 'consent-grant-refused' },
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await subgraph.auditOf('consent-grant-refused')).toEqual([
        expect.objectContaining({
          roles: ['LABOUR_OFFICER'],
          refused: ['Mutation.grantHealthConsent'],
          pins: [pin],
          outcome: 'DENIED',
        }),
      ]);
    });
  });

  describe('Person.healthConsents', () => {
    const pin = '11606199200016';
    const homeRegion = 'KG-B';
    const rep = { __typename: 'Person', pin, homeRegion };
    const read = {
      query: ENTITIES,
      representation: rep,
      field: 'healthConsents',
      alongside: { pin },
    };

    beforeAll(async () => {
      await grantAsSubject(pin);
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('HEALTH_OFFICER', {
        otherPin: '20101199099999',
        otherRegion: 'KG-O',
        foreignPurpose: 'RETURNEE_SUPPORT',
      }),
      ['the labour officer it was granted to', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
    ]);

    itGivesEntityField(
      subgraph,
      read,
      [
        {
          recipientAgency: 'LABOUR',
          purpose: 'EMPLOYMENT_SERVICES',
          expiresOn: NEXT_YEAR,
          revokedAt: null,
          recordedAs: 'DATA_SUBJECT',
          active: true,
        },
      ],
      [
        ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
        ['the data subject', callerAs('DATA_SUBJECT', { pin })],
      ],
    );

    it('lists [] for a PIN without consents', async () => {
      const result = await execute(subgraph.server, ENTITIES, {
        reps: [{ __typename: 'Person', pin: '20101199099999', homeRegion }],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ pin: '20101199099999', healthConsents: [] }]);
    });

    it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
      expect(
        (await executeAudited(subgraph, 'consents-read', ENTITIES, { reps: [rep] }, subject(pin)))
          .events,
      ).toEqual([
        expect.objectContaining({
          served: ['Person.healthConsents'],
          pins: [pin],
          roles: ['DATA_SUBJECT'],
          outcome: 'ALLOWED',
        }),
      ]);
      expect(
        (
          await executeAudited(
            subgraph,
            'consents-read-denied',
            ENTITIES,
            { reps: [rep] },
            callerAs('LABOUR_OFFICER'),
          )
        ).events,
      ).toEqual([expect.objectContaining({ roles: ['LABOUR_OFFICER'], outcome: 'DENIED' })]);
    });
  });
});
