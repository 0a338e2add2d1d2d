import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { isDuplicateKeyError } from '@jol/schema';
import type { HealthContext } from '../context';
import { Person } from '../person/person.type';
import { checkSetHealthInsuranceInput, SetHealthInsuranceInput } from './insurance.inputs';
import { toHealthInsurance, type HealthInsuranceRecord } from './insurance.model';
import { HealthInsurance } from './insurance.type';

@Resolver(() => Person)
export class PersonHealthInsuranceResolver {
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
    const upsert = () =>
      ctx.models.HealthInsurance.findOneAndUpdate(
        { pin: input.pin },
        { $set: values },
        { upsert: true, returnDocument: 'after', runValidators: true },
      ).lean<HealthInsuranceRecord>();
    let record: HealthInsuranceRecord | null;
    try {
      record = await upsert();
    } catch (error) {
      // Two first-time upserts for one PIN race on the unique index; the loser updates instead.
      if (!isDuplicateKeyError(error)) throw error;
      record = await upsert();
    }
    // An upsert always returns the document; this only narrows the type.
    if (!record) throw new Error('health insurance upsert returned no document');
    return toHealthInsurance(record);
  }
}
