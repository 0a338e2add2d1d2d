import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  checkDatesNotBeforeBirth,
  conflict,
  isDuplicateKeyError,
  notFound,
  officeScopeOf,
  parseRecordId,
} from '@jol/kernel';
import type { ConsularContext } from '../context';
import { countryOfConsulate } from '../consulate/consulate';
import { Person } from '../person/person.type';
import {
  checkEndTransition,
  checkNotBeforeLastEnd,
  checkRegisterInput,
  EndConsularRegistrationInput,
  RegisterConsularRegistrationInput,
} from './registration.inputs';
import { toConsularRegistration, type ConsularRegistrationRecord } from './registration.model';
import { ConsularRegistration } from './registration.type';

@Resolver(() => Person)
export class PersonConsularRegistrationsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [ConsularRegistration], {
    nullable: true,
    description:
      "Consular registrations abroad, newest first; an officer posted at a consulate sees its own post's only.",
  })
  async consularRegistrations(
    @Root() person: Person,
    @Ctx() ctx: ConsularContext,
  ): Promise<ConsularRegistration[]> {
    const post = officeScopeOf(ctx);
    const records = await ctx.loaders.registrationsByPin.load(person.pin);
    return records.filter((r) => post === null || r.consulate === post).map(toConsularRegistration);
  }
}

@Resolver(() => ConsularRegistration)
export class ConsularRegistrationResolver {
  @Mutation(() => ConsularRegistration, {
    description:
      'Registers a citizen with a consulate; a citizen holds one current registration (CONFLICT otherwise), beginning on or after the day their last one ended (BAD_USER_INPUT otherwise).',
  })
  async registerConsularRegistration(
    @Arg('input', () => RegisterConsularRegistrationInput) input: RegisterConsularRegistrationInput,
    @Ctx() ctx: ConsularContext,
  ): Promise<ConsularRegistration> {
    const addressCity = checkRegisterInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { from: input.from });
    // The registration that ended last (a current one, null, sorts after every day).
    const last = await ctx.models.ConsularRegistration.findOne(
      { pin: input.pin },
      { _id: 0, consulate: 1, to: 1 },
    )
      .sort({ to: -1 })
      .lean<Pick<ConsularRegistrationRecord, 'consulate' | 'to'>>();
    const post = officeScopeOf(ctx);
    checkNotBeforeLastEnd(input.from, last, post === null || last?.consulate === post);
    try {
      // The partial unique index on current registrations makes check-and-insert one step.
      const created = await ctx.models.ConsularRegistration.create({
        pin: input.pin,
        country: countryOfConsulate(input.consulate),
        consulate: input.consulate,
        addressCity,
        from: input.from,
        to: null,
      });
      return toConsularRegistration(created.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw conflict(
          `Person ${input.pin} already has a current consular registration; end it first`,
          'pin',
        );
      throw error;
    }
  }

  @Mutation(() => ConsularRegistration, {
    description: 'Ends a current registration on the day the citizen left the country.',
  })
  async endConsularRegistration(
    @Arg('input', () => EndConsularRegistrationInput) input: EndConsularRegistrationInput,
    @Ctx() ctx: ConsularContext,
  ): Promise<ConsularRegistration> {
    const id = parseRecordId(input.id);
    const { ConsularRegistration: Registrations } = ctx.models;
    const record = await Registrations.findById(id).lean<ConsularRegistrationRecord>();
    if (!record) throw notFound('ConsularRegistration', 'id', input.id);
    checkEndTransition(record, input.to);
    // Compare-and-set on the state the checks saw, so a concurrent end cannot slip in between.
    const ended = await Registrations.findOneAndUpdate(
      { _id: id, to: null },
      { $set: { to: input.to } },
      { returnDocument: 'after' },
    ).lean<ConsularRegistrationRecord>();
    if (!ended)
      throw conflict(`ConsularRegistration ${input.id} changed concurrently; read it again`, 'id');
    return toConsularRegistration(ended);
  }
}
