import { GraphQLError } from 'graphql';
import { formatAmount, parseAmount } from './contribution.amount';
import { PensionCurrency } from './contribution.type';

describe('parseAmount', () => {
  it.each([
    ['1250', 125_000],
    ['1250.5', 125_050],
    ['1250.50', 125_050],
    ['0.01', 1],
    ['007.10', 710],
    ['999999999.99', 99_999_999_999],
  ])('reads %s as %d hundredths', (value, hundredths) => {
    expect(parseAmount(value, PensionCurrency.KGS)).toBe(hundredths);
  });

  it('keeps amounts that binary floating point cannot hold exactly', () => {
    expect(parseAmount('0.29', PensionCurrency.USD)).toBe(29);
    expect(parseAmount('1234567.89', PensionCurrency.RUB)).toBe(123_456_789);
  });

  it.each([
    ['', 'decimal'],
    ['12.345', 'decimal'],
    ['1234567890', 'decimal'],
    ['-5', 'decimal'],
    ['1e5', 'decimal'],
    ['1,50', 'decimal'],
    [' 12', 'decimal'],
    ['12.', 'decimal'],
    ['.5', 'decimal'],
    ['0', 'greater than zero'],
    ['0.00', 'greater than zero'],
  ])('refuses %j', (value, contract) => {
    let error: GraphQLError | undefined;
    try {
      parseAmount(value, PensionCurrency.KGS);
    } catch (caught) {
      error = caught as GraphQLError;
    }
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions.field).toBe('amount');
    expect(error?.message).toContain(contract);
    expect(error?.message).toContain(JSON.stringify(value));
  });

  it('requires whole amounts in KRW, which has no minor unit', () => {
    expect(parseAmount('15000', PensionCurrency.KRW)).toBe(1_500_000);
    expect(parseAmount('15000.00', PensionCurrency.KRW)).toBe(1_500_000);
    expect(() => parseAmount('15000.50', PensionCurrency.KRW)).toThrow('whole number in KRW');
  });
});

describe('formatAmount', () => {
  it.each([
    [125_000, '1250.00'],
    [125_050, '1250.50'],
    [1, '0.01'],
    [10, '0.10'],
    [99_999_999_999, '999999999.99'],
  ])('writes %d hundredths as %s', (hundredths, text) => {
    expect(formatAmount(hundredths)).toBe(text);
  });

  it('round-trips every parsed amount', () => {
    for (const value of ['1.00', '1250.50', '0.07', '42.10', '100000000.01']) {
      expect(formatAmount(parseAmount(value, PensionCurrency.EUR))).toBe(value);
    }
  });
});
