import { acknowledgementTime } from './exchange-document.writer';

describe('acknowledgementTime', () => {
  const receivedAt = new Date('2025-06-15T10:00:00.000Z');

  it('is the time of the acknowledgement when it comes after the receipt', () => {
    const later = new Date('2025-06-15T10:00:05.000Z');
    expect(acknowledgementTime({ createdAt: receivedAt }, later)).toEqual(later);
  });

  it('is never before the receipt, whatever the clock of the process that records it', () => {
    const behind = new Date('2025-06-15T09:59:58.000Z');
    expect(acknowledgementTime({ createdAt: receivedAt }, behind)).toEqual(receivedAt);
  });
});
