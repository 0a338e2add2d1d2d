import { registerEnumType } from 'type-graphql';

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}

registerEnumType(Sex, { name: 'Sex', description: 'Sex as recorded by the civil registry.' });
