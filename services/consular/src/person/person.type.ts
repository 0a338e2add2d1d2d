import { createPersonStub } from '@jol/kernel';

/** The person as the consular service sees it: the key, and the home region its fields require. */
export const personEntity = createPersonStub();
export const Person = personEntity.type;
export type Person = InstanceType<typeof Person>;
