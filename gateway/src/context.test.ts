import { createLogger } from '@jol/kernel';
import { createGatewayContext } from './context';

const log = createLogger('test', 'silent');

describe('createGatewayContext', () => {
  it("sends subgraphs Jol's request id, and the caller's own only as a label", () => {
    const context = createGatewayContext(
      'jol-id',
      { 'x-request-id': 'mine-1', authorization: 'Bearer t', 'x-purpose': 'AUDIT' },
      log,
      null,
    );
    expect(context.forwarded).toEqual({
      'x-request-id': 'jol-id',
      'x-caller-request-id': 'mine-1',
      authorization: 'Bearer t',
      'x-purpose': 'AUDIT',
    });
  });

  it('passes on no label the caller set directly, nor a malformed id', () => {
    const context = createGatewayContext(
      'jol-id',
      { 'x-request-id': 'not an id!', 'x-caller-request-id': 'spoofed' },
      log,
      null,
    );
    expect(context.forwarded).toEqual({ 'x-request-id': 'jol-id' });
  });
});
