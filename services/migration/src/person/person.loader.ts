import { createOneByKeyLoader } from '@jol/kernel';
import type { PersonModel, PersonRecord } from './person.model';

/** Persons by PIN, one query per batch; null for an unknown PIN. */
export function createPersonByPinLoader(Person: PersonModel) {
  return createOneByKeyLoader<PersonRecord>(
    (pins) => Person.find({ pin: { $in: [...pins] } }).lean<PersonRecord[]>(),
    (person) => person.pin,
  );
}
