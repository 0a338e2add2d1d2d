import { Sex } from '@jol/kernel';
import { IndicatorCubeBuilder } from '@jol/statistics';
import { countPerson } from './indicators.build';
import { MIGRATION_CUBE } from './indicators.measures';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('countPerson (migration cube)', () => {
  it('counts children left behind once each, and their parent once, by the parent', () => {
    // Planted record keys: 1000 for the parents, the child's digits for a child.
    const builder = new IndicatorCubeBuilder(day('2025-12-31'), (pin) =>
      pin.startsWith('215') ? 1000 : Number(pin.slice(-1)),
    );
    const counted = new Map<number, Set<string>>();
    const parent = {
      pin: '21504198500099',
      sex: Sex.FEMALE,
      birthDate: day('1985-04-01'),
      homeRegion: 'KG-O' as const,
    };
    const stays = [{ departedOn: day('2025-03-01'), returnedOn: null, country: 'RU' }];
    const children = ['10101201500001', '20101201700002', '10101201900003'].map((childPin) => ({
      childPin,
    }));
    countPerson(builder, parent, { stays, bans: [], children, counted });
    // The second parent of the first child: the child is not counted twice, the parent is counted.
    countPerson(
      builder,
      { ...parent, sex: Sex.MALE },
      {
        stays,
        bans: [],
        children: children.slice(0, 1),
        counted,
      },
    );
    const persons = (measure: string, sex: string) =>
      builder
        .cells('b')
        .filter((c) => c.measure === measure && c.sex === sex)
        .reduce((n, c) => n + c.persons, 0);
    expect(persons(MIGRATION_CUBE.childrenWithParentAbroad, 'FEMALE')).toBe(3);
    expect(persons(MIGRATION_CUBE.parentsAbroadWithChildren, 'FEMALE')).toBe(1);
    expect(persons(MIGRATION_CUBE.childrenWithParentAbroad, 'MALE')).toBe(0);
    expect(persons(MIGRATION_CUBE.parentsAbroadWithChildren, 'MALE')).toBe(0);
    // The children's cell sums the children's keys (1 + 2 + 3), not their mother's three times.
    const keySum = (measure: string, sex: string) =>
      builder.cells('b').find((c) => c.measure === measure && c.sex === sex)?.keySum;
    expect(keySum(MIGRATION_CUBE.childrenWithParentAbroad, 'FEMALE')).toBe(6);
    expect(keySum(MIGRATION_CUBE.parentsAbroadWithChildren, 'FEMALE')).toBe(1000);
  });
});
