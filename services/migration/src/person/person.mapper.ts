import type { PersonRecord } from './person.model';
import type { Person } from './person.type';

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
