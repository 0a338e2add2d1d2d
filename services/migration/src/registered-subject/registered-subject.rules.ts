import { allow, readRule, type AccessRules } from '@jol/kernel';

export const registeredSubjectRules: AccessRules = {
  // The person named is the PIN asked about, whether or not it is registered.
  Query: {
    registeredSubject: readRule<unknown, { pin: string }>(
      'Query.registeredSubject',
      (_p, args) => ({
        pin: args.pin,
      }),
    ),
  },
  // Reached only through the guarded query above.
  RegisteredSubject: allow,
};
