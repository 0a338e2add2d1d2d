import { createHmac } from 'node:crypto';
import { newSubscriptionSecret, signDelivery, verifyDeliverySignature } from './delivery-signature';

const SECRET = 'whsec_test-secret';
const BODY = '{"id":"6566","type":"PERSON_RETURNED"}';

describe('delivery signatures', () => {
  it('signs HMAC-SHA256 over "<timestamp>.<body>", as the README tells subscribers', () => {
    // Computed here from the documented recipe, not by the code under test.
    const expected = createHmac('sha256', SECRET).update(`1700000000.${BODY}`).digest('hex');
    expect(signDelivery(SECRET, 1_700_000_000, BODY)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signDelivery(SECRET, 1_700_000_000, BODY);
    expect(verifyDeliverySignature(SECRET, header, BODY, 1_700_000_100)).toBe(true);
  });

  it.each<[string, string | undefined, string, number, string]>([
    ['another body', 'ok', `${BODY} `, 1_700_000_000, SECRET],
    ['another secret', 'ok', BODY, 1_700_000_000, 'whsec_other'],
    ['too old', 'ok', BODY, 1_700_000_301, SECRET],
    ['from the future', 'ok', BODY, 1_699_999_699, SECRET],
    ['no header', undefined, BODY, 1_700_000_000, SECRET],
    ['garbage', 't=x,v1=zz', BODY, 1_700_000_000, SECRET],
    ['a short mac', 't=1700000000,v1=abcd', BODY, 1_700_000_000, SECRET],
  ])('refuses %s', (_name, header, body, now, secret) => {
    const sent = header === 'ok' ? signDelivery(SECRET, 1_700_000_000, BODY) : header;
    expect(verifyDeliverySignature(secret, sent, body, now)).toBe(false);
  });

  it('makes a fresh 256-bit secret each time', () => {
    const a = newSubscriptionSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSubscriptionSecret()).not.toBe(a);
  });
});
