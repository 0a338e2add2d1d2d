import type { IMiddleware } from 'graphql-middleware';
import { allow, mayRead, readRule, writeRule, type AccessRules } from '@jol/kernel';
import type { MigrationContext } from '../context';
import type { ParentedDependant } from './dependant.model';

export const dependantRules: AccessRules = {
  Person: { dependants: readRule('Person.dependants') },
  Dependant: allow,
  Mutation: { recordDependant: writeRule('migration') },
};

/** A child's PIN is shown only to migration officers and to the parent; others see null. */
export const dependantMasks: IMiddleware = {
  Dependant: {
    childPin: (resolve, parent: ParentedDependant, args, context: MigrationContext, info) =>
      mayRead(context, 'childIdentity', { pin: parent.pin })
        ? resolve(parent, args, context, info)
        : null,
  },
};
