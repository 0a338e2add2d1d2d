import type { PersonRecord } from './person.model';
import type { Person, PersonMatch } from './person.type';

/** The one place a stored person becomes an API person. */
export function toPerson(record: PersonRecord): Person {
  return {
    pin: record.pin,
    nameCyrillic: record.nameCyrillic,
    nameLatin: record.nameLatin,
    birthDate: record.birthDate,
    sex: record.sex,
    homeRegion: record.homeRegion,
    russianProficiency: record.russianProficiency,
    status: record.status,
  };
}

/** A stored person as a search lists it: identity fields only. */
export function toPersonMatch(record: PersonRecord): PersonMatch {
  return {
    pin: record.pin,
    nameCyrillic: record.nameCyrillic,
    nameLatin: record.nameLatin,
    birthDate: record.birthDate,
    sex: record.sex,
    homeRegion: record.homeRegion,
  };
}
