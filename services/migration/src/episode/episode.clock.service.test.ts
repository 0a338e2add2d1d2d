import { execute, useTestSubgraph } from '@jol/testkit/service';
import { createMigrationServer } from '../server';

const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`;
const DEPART = `mutation ($input: RegisterDepartureInput!) {
  registerDeparture(input: $input) { departedOn } }`;

/** 02:00 on 30 July 2025 in Bishkek (UTC+6), still 29 July in UTC. */
const TWO_AM_IN_BISHKEK = new Date('2025-07-29T20:00:00Z');

const person = (pin: string, birthDate = '1988-01-20') => ({
  pin,
  nameCyrillic: { last: 'Токтогулов', first: 'Бакыт' },
  nameLatin: { last: 'Toktogulov', first: 'Bakyt' },
  birthDate,
  sex: 'MALE',
  homeRegion: 'KG-B',
  russianProficiency: 'BASIC',
});

describe('migration: "today" is the day in Bishkek, and nothing precedes birth', () => {
  const subgraph = useTestSubgraph('migration', createMigrationServer);
  const episodes = (pin: string) =>
    subgraph.connection.collection('migration_episodes').countDocuments({ pin });

  beforeAll(async () => {
    for (const pin of ['20101198812345', '20202198812346'])
      expect(
        (await execute(subgraph.server, REGISTER, { input: person(pin) })).errors,
      ).toBeUndefined();
  });

  describe('with the clock at 02:00 in Bishkek on 30 July 2025', () => {
    // Only Date is faked: the store's driver keeps its real timers.
    beforeEach(() => {
      jest.useFakeTimers({
        now: TWO_AM_IN_BISHKEK,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
    });
    afterEach(() => jest.useRealTimers());

    it('registers a departure on its own date: it is not in the future', async () => {
      const result = await execute(subgraph.server, DEPART, {
        input: { pin: '20101198812345', departedOn: '2025-07-30', country: 'RU', purpose: 'WORK' },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ registerDeparture: { departedOn: '2025-07-30' } });
    });

    it('refuses the next day as in the future, writing nothing', async () => {
      const result = await execute(subgraph.server, DEPART, {
        input: { pin: '20202198812346', departedOn: '2025-07-31', country: 'RU', purpose: 'WORK' },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'departedOn',
      });
      expect(await episodes('20202198812346')).toBe(0);
    });
  });

  it('refuses a departure before the birth of the person, writing nothing', async () => {
    const result = await execute(subgraph.server, DEPART, {
      input: { pin: '20202198812346', departedOn: '1980-05-01', country: 'RU', purpose: 'WORK' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'departedOn',
    });
    expect(result.errors?.[0]?.message).not.toContain('1988');
    expect(await episodes('20202198812346')).toBe(0);
  });
});
