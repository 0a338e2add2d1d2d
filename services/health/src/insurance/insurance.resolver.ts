import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { checkDatesNotBeforeBirth, isDuplicateKeyError } from '@jol/kernel';
import type { HealthContext } from '../context';
import { Person } from '../person/person.type';
import { checkSetHealthInsuranceInput, SetHealthInsuranceInput } from './insurance.inputs';
import { toHealthInsurance, type HealthInsuranceRecord } from './insurance.model';
import { HealthInsurance } from './insurance.type';

@Resolver(() => Person)
export class PersonHealthInsuranceResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => HealthInsurance, {
    nullable: true,
    description: 'Null when nothing is recorded.',
  })
  async healthInsurance(
    @Root() person: Person,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthInsurance | null> {
    const record = await ctx.loaders.healthInsuranceByPin.load(person.pin);
    return record ? toHealthInsurance(record) : null;
  }
}

@Resolver(() => HealthInsurance)
export class HealthInsuranceResolver {
  @Mutation(() => HealthInsurance, {
    description: "Creates or replaces the person's single insurance record.",
  })
  async setHealthInsurance(
    @Arg('input', () => SetHealthInsuranceInput) input: SetHealthInsuranceInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthInsurance> {
    const values = checkSetHealthInsuranceInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { validFrom: values.validFrom });
    // Two first-time upserts for one PIN race on the unique index. The loser sees a duplicate-key
    // error, or on the embedded test store an empty result; either way it updates on a second try.
    const upsert = async () => {
      try {
        return await ctx.models.HealthInsurance.findOneAndUpdate(
          { pin: input.pin },
          { $set: values },
          { upsert: true, returnDocument: 'after', runValidators: true },
        ).lean<HealthInsuranceRecord>();
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return null;
      }
    };
    const record = (await upsert()) ?? (await upsert());
    if (!record)
      throw new Error(`health insurance upsert for ${input.pin} returned no document twice`);
    return toHealthInsurance(record);
  }
}
