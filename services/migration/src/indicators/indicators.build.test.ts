import { IndicatorCubeBuilder, Sex } from '@jol/schema';
import { countPerson } from './indicators.build';
import { MIGRATION_CUBE } from './indicators.measures';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('countPerson (migration cube)', () => {
  it('counts children left behind once each, and their parent once, by the parent', () => {
    const builder = new IndicatorCubeBuilder(day('2025-12-31'));
    const counted = new Map<number, Set<string>>();
    const parent = { sex: Sex.FEMALE, birthDate: day('1985-04-01'), homeRegion: 'KG-O' as const };
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
  });
});
