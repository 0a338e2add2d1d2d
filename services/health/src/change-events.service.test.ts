import { Types } from 'mongoose';
import { CHANGE_EVENTS } from '@jol/schema';
import { callerWithPurpose, execute, useTestSubgraph } from '@jol/testkit/service';
import { createHealthServer } from './server';

const DELIVERIES = /* GraphQL */ `
  query ($id: ID!) {
    healthEventDeliveries(subscriptionId: $id) {
      id
      type
      pin
    }
  }
`;
const REPLAY = /* GraphQL */ `
  mutation ($id: ID!) {
    replayHealthEventDelivery(id: $id) {
      id
      type
      pin
      status
    }
  }
`;

const SUB = 'clinic-system';
const TB_PIN = '10808198000017';
const CONSENT_PIN = '20909198500028';

/**
 * A delivery names a person and what changed about them: a system is shown the deliveries of the
 * events its declared purpose hears of today, whatever purpose its subscription was made under.
 * The register gives every health event one class, so a consent is made a fact of the
 * certificate's class here, as a register may classify it: PUBLIC_HEALTH does not read it.
 */
describe("health's event deliveries, as the caller's purpose hears of them", () => {
  const subgraph = useTestSubgraph('health', createHealthServer);
  const medicalCare = callerWithPurpose('HEALTH_OFFICER', 'MEDICAL_CARE', { sub: SUB });
  const publicHealth = callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH', { sub: SUB });
  const consent = CHANGE_EVENTS.HEALTH_CONSENT_GRANTED as { dataClass: string };
  const declared = consent.dataClass;
  let subscriptionId: Types.ObjectId;
  const deliveryIds: Record<string, string> = {};

  beforeAll(async () => {
    consent.dataClass = 'healthCertificate';
    const now = new Date();
    subscriptionId = new Types.ObjectId();
    await subgraph.connection.collection('event_subscriptions').insertOne({
      _id: subscriptionId,
      sub: SUB,
      roles: ['HEALTH_OFFICER'],
      agency: 'health',
      region: null,
      purpose: 'MEDICAL_CARE',
      events: ['TB_CASE_OPENED', 'HEALTH_CONSENT_GRANTED'],
      url: 'https://hooks.example.kg/health',
      secret: 'whsec_test-secret-test-secret-test-secret-000',
      active: true,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
      cancelledAt: null,
    });
    for (const [type, pin] of [
      ['TB_CASE_OPENED', TB_PIN],
      ['HEALTH_CONSENT_GRANTED', CONSENT_PIN],
    ] as const) {
      const _id = new Types.ObjectId();
      deliveryIds[type] = _id.toHexString();
      await subgraph.connection.collection('event_deliveries').insertOne({
        _id,
        eventId: new Types.ObjectId(),
        subscriptionId,
        sub: SUB,
        type,
        recordId: new Types.ObjectId().toHexString(),
        pin,
        occurredAt: now,
        status: 'DEAD',
        attempts: 8,
        nextAttemptAt: now,
        leaseUntil: null,
        lastFailure: 'the subscriber could not be reached',
        deliveredAt: null,
      });
    }
  });
  afterAll(() => {
    consent.dataClass = declared;
  });

  const listed = async (as: typeof medicalCare) => {
    const result = await execute(
      subgraph.server,
      DELIVERIES,
      { id: subscriptionId.toHexString() },
      as,
    );
    expect(result.errors).toBeUndefined();
    return (result.data?.healthEventDeliveries as { type: string; pin: string }[]).map(
      (d) => `${d.type} ${d.pin}`,
    );
  };

  it('lists every delivery for a purpose that hears of both events', async () => {
    expect((await listed(medicalCare)).sort()).toEqual([
      `HEALTH_CONSENT_GRANTED ${CONSENT_PIN}`,
      `TB_CASE_OPENED ${TB_PIN}`,
    ]);
  });

  it('leaves out, for a purpose that does not hear of consents, who gave one', async () => {
    expect(await listed(publicHealth)).toEqual([`TB_CASE_OPENED ${TB_PIN}`]);
  });

  it('answers a replay of such a delivery like an unknown one, and replays it for a purpose that hears of it', async () => {
    const id = deliveryIds.HEALTH_CONSENT_GRANTED;
    const refused = await execute(subgraph.server, REPLAY, { id }, publicHealth);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refused.data?.replayHealthEventDelivery ?? null).toBeNull();
    expect(JSON.stringify(refused)).not.toContain(CONSENT_PIN);
    const replayed = await execute(subgraph.server, REPLAY, { id }, medicalCare);
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data?.replayHealthEventDelivery).toMatchObject({ id, status: 'PENDING' });
  });
});
