import { AgeBand, Sex } from '@jol/kernel';
import {
  cubeBuilderFor,
  groupByPin,
  IndicatorCubeBuilder,
  PersonYearChoices,
  writeIndicatorCube,
  type IndicatorBuildOptions,
  type PersonDimensions,
} from '@jol/statistics';
import type { MigrationModels } from '../context';
import type { DependantRecord } from '../dependant/dependant.model';
import type { EntryBanRecord } from '../entry-ban/entry-ban.model';
import type { EpisodeRecord } from '../episode/episode.model';
import type { PersonRecord } from '../person/person.model';
import { MIGRATION_CUBE } from './indicators.measures';

type Stay = Pick<EpisodeRecord, 'pin' | 'departedOn' | 'returnedOn' | 'country'>;
type Ban = Pick<EntryBanRecord, 'pin' | 'from' | 'country'>;
type Child = Pick<DependantRecord, 'pin' | 'childPin'>;

/**
 * Rebuilds the migration cube from the register: persons give the dimensions, stays the stocks
 * and flows, bans and dependants the rest. Reads every record once, with projections.
 */
export async function rebuildMigrationIndicators(
  models: MigrationModels,
  options: IndicatorBuildOptions = {},
): Promise<{ buildId: string; cells: number }> {
  const builder = cubeBuilderFor(options);
  const lean = { lean: true } as const;
  const stays = await groupByPin<Stay>(
    models.Episode.find(
      {},
      { _id: 0, pin: 1, departedOn: 1, returnedOn: 1, country: 1 },
      lean,
    ).cursor(),
  );
  const bans = await groupByPin<Ban>(
    models.EntryBan.find({}, { _id: 0, pin: 1, from: 1, country: 1 }, lean).cursor(),
  );
  const children = await groupByPin<Child>(
    models.Dependant.find({}, { _id: 0, pin: 1, childPin: 1 }, lean).cursor(),
  );
  const counted = new Map<number, Set<string>>();
  const persons = models.Person.find(
    {},
    { _id: 0, pin: 1, sex: 1, birthDate: 1, homeRegion: 1 },
    lean,
  )
    .sort({ pin: 1 })
    .cursor();
  for await (const person of persons as AsyncIterable<
    Pick<PersonRecord, 'pin' | 'sex' | 'birthDate' | 'homeRegion'>
  >) {
    countPerson(builder, person, {
      stays: stays.get(person.pin) ?? [],
      bans: bans.get(person.pin) ?? [],
      children: children.get(person.pin) ?? [],
      counted,
    });
  }
  return writeIndicatorCube(models, builder, options);
}

/** Counts one person into every migration measure, each once per year. */
export function countPerson(
  builder: IndicatorCubeBuilder,
  person: PersonDimensions,
  records: {
    stays: readonly Omit<Stay, 'pin'>[];
    bans: readonly Omit<Ban, 'pin'>[];
    children: readonly Omit<Child, 'pin'>[];
    /** Children already counted, by year: a child of two parents abroad counts once. */
    counted: Map<number, Set<string>>;
  },
): void {
  const choices = new PersonYearChoices<string>();
  for (const stay of records.stays) {
    const departed = builder.yearOf(stay.departedOn);
    if (departed !== null)
      choices.offer(MIGRATION_CUBE.departures, departed, stay.departedOn, stay.country);
    const returned = stay.returnedOn ? builder.yearOf(stay.returnedOn) : null;
    if (stay.returnedOn && returned !== null) {
      choices.offer(MIGRATION_CUBE.returns, returned, stay.returnedOn, stay.country);
    }
    for (const year of builder.yearsTouched(stay.departedOn, stay.returnedOn)) {
      if (builder.ongoingAtEndOf(stay.departedOn, stay.returnedOn, year)) {
        choices.offer(MIGRATION_CUBE.personsAbroad, year, stay.departedOn, stay.country);
      }
    }
  }
  for (const ban of records.bans) {
    const year = builder.yearOf(ban.from);
    if (year !== null) choices.offer(MIGRATION_CUBE.entryBans, year, ban.from, ban.country);
  }
  choices.forEach((measure, year, destination) => {
    builder.add(measure, year, person, destination);
    if (measure !== MIGRATION_CUBE.personsAbroad) return;
    if (person.sex === Sex.FEMALE)
      builder.add(MIGRATION_CUBE.personsAbroadWomen, year, person, destination);
    if (builder.ageBandIn(person, year) === AgeBand.AGE_15_29) {
      builder.add(MIGRATION_CUBE.personsAbroadAged15To29, year, person, destination);
    }
    let seen = records.counted.get(year);
    if (!seen) records.counted.set(year, (seen = new Set()));
    let counted = 0;
    for (const { childPin } of records.children) {
      if (seen.has(childPin)) continue;
      seen.add(childPin);
      builder.add(
        MIGRATION_CUBE.childrenWithParentAbroad,
        year,
        person,
        destination,
        null,
        childPin,
      );
      counted += 1;
    }
    if (counted > 0) {
      builder.add(MIGRATION_CUBE.parentsAbroadWithChildren, year, person, destination);
    }
  });
}
