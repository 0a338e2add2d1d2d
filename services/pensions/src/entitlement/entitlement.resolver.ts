import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, parseIsoDate, Sex, today } from '@jol/kernel';
import type { PensionsContext } from '../context';
import { coverageByCountry } from '../partner/partner.coverage';
import { Person } from '../person/person.type';
import { computeEntitlement } from './entitlement.compute';
import { PensionEntitlement } from './entitlement.type';

/** A birth date from a representation (a YYYY-MM-DD string) or null when absent or malformed. */
function birthDateOf(value: unknown): Date | null {
  if (value instanceof Date) return value;
  try {
    return typeof value === 'string' ? parseIsoDate(value, 'birthDate') : null;
  } catch {
    return null;
  }
}

const sexOf = (value: unknown): Sex | null =>
  value === Sex.FEMALE || value === Sex.MALE ? value : null;

@Resolver(() => Person)
export class PersonPensionEntitlementResolver {
  // Birth date and sex are the State Migration Service's; the gateway fetches them under the
  // caller's own rights and sends them in the representation (never derived from the PIN).
  @Directive('@requires(fields: "homeRegion birthDate sex")')
  @FieldResolver(() => PensionEntitlement, {
    nullable: true,
    description:
      'The old-age pension entitlement: retirement age, full record, and the record with foreign periods summed under an agreement when the Kyrgyz record alone is not enough.',
  })
  async pensionEntitlement(
    @Root() person: Person,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Default: today.' })
    asOf: Date | null | undefined,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionEntitlement> {
    const day = asOf ?? today();
    const [periods, { agreements, partners }] = await Promise.all([
      ctx.loaders.insurancePeriodsByPin.load(person.pin),
      ctx.loaders.partnerRegistry.load(),
    ]);
    return computeEntitlement({
      asOf: day,
      sex: sexOf(person.sex),
      birthDate: birthDateOf(person.birthDate),
      periods: periods.map((p) => ({
        id: p._id.toHexString(),
        country: p.country,
        from: p.from,
        to: p.to,
        source: p.source,
      })),
      coverage: coverageByCountry(agreements, [...partners.values()], day),
    });
  }
}
