import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  conflict,
  formatIsoDate,
  isDuplicateKeyError,
  notFound,
  ownerOrSubjectRoleOf,
  recordChangeEvent,
  today,
} from '@jol/kernel';
import type { HealthContext } from '../context';
import { Person } from '../person/person.type';
import {
  checkGrantHealthConsentInput,
  GrantHealthConsentInput,
  parseConsentId,
  RevokeHealthConsentInput,
} from './consent.inputs';
import { toHealthConsent, type HealthConsentRecord } from './consent.model';
import { HealthConsent } from './consent.type';

@Resolver(() => Person)
export class PersonHealthConsentsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [HealthConsent], {
    nullable: true,
    description: 'Consents to show fitForWorkAbroad outside health, newest grant first.',
  })
  async healthConsents(
    @Root() person: Person,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthConsent[]> {
    return (await ctx.loaders.consentsByPin.load(person.pin)).map((c) => toHealthConsent(c));
  }
}

/** Who is changing a consent, as its rule allowed it; the rule runs first, so both are known. */
function actorOf(ctx: HealthContext, pin: string | undefined): { sub: string; role: string } {
  const role = ownerOrSubjectRoleOf(ctx, 'health', pin);
  if (!ctx.caller || !role)
    throw new Error('a consent changed without its access rule allowing it');
  return { sub: ctx.caller.sub, role };
}

@Resolver(() => HealthConsent)
export class HealthConsentResolver {
  @Mutation(() => HealthConsent, {
    description:
      'Records that the person lets officers of recipientAgency, declaring purpose, see Person.fitForWorkAbroad ' +
      'until expiresOn. By the person (DATA_SUBJECT, SELF_SERVICE) or a health officer. One open consent per ' +
      'recipient and purpose (CONFLICT otherwise).',
  })
  async grantHealthConsent(
    @Arg('input', () => GrantHealthConsentInput) input: GrantHealthConsentInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthConsent> {
    const values = checkGrantHealthConsentInput(input);
    const actor = actorOf(ctx, input.pin);
    const { HealthConsent: Consents } = ctx.models;
    const slot = {
      pin: values.pin,
      recipientAgency: values.recipientAgency,
      purpose: values.purpose,
    };
    // An expired consent no longer holds the slot; releasing it changes nothing a client can see.
    await Consents.updateMany(
      { ...slot, open: true, expiresOn: { $lt: values.grantedAt } },
      { $set: { open: false } },
    );
    try {
      // The unique index on open consents makes check-and-insert one atomic step.
      const created = await ctx.models.connection.transaction(async (session) => {
        const [granted] = await Consents.create(
          [
            {
              ...values,
              revokedAt: null,
              recordedBy: actor.sub,
              recordedAs: actor.role,
              revokedBy: null,
              revokedAs: null,
              open: true,
            },
          ],
          { session },
        );
        await recordChangeEvent(ctx.models, session, {
          type: 'HEALTH_CONSENT_GRANTED',
          recordId: granted!._id.toHexString(),
          pin: values.pin,
        });
        return granted!;
      });
      return toHealthConsent(created.toObject());
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await Consents.findOne({ ...slot, open: true }).lean<HealthConsentRecord>();
      const until = existing
        ? ` until ${formatIsoDate(existing.expiresOn)} (id ${existing._id.toHexString()})`
        : '';
      throw conflict(
        `Person ${values.pin} already has a consent for ${values.recipientAgency} with purpose ${values.purpose}${until}; revoke it first`,
        'purpose',
      );
    }
  }

  @Mutation(() => HealthConsent, {
    description:
      'Withdraws a consent from today on. By the person it concerns (DATA_SUBJECT, SELF_SERVICE) or a health officer.',
  })
  async revokeHealthConsent(
    @Arg('input', () => RevokeHealthConsentInput) input: RevokeHealthConsentInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthConsent> {
    const id = parseConsentId(input.id);
    const { HealthConsent: Consents } = ctx.models;
    const existing = await Consents.findById(id).lean<HealthConsentRecord>();
    if (!existing) throw notFound('HealthConsent', 'id', input.id);
    const actor = actorOf(ctx, existing.pin);
    // Compare-and-set on "not revoked", so that two revocations cannot both be recorded.
    const revoked = await ctx.models.connection.transaction(async (session) => {
      const changed = await Consents.findOneAndUpdate(
        { _id: id, revokedAt: null },
        {
          $set: { revokedAt: today(), revokedBy: actor.sub, revokedAs: actor.role, open: false },
        },
        { returnDocument: 'after', session },
      ).lean<HealthConsentRecord>();
      if (changed)
        await recordChangeEvent(ctx.models, session, {
          type: 'HEALTH_CONSENT_REVOKED',
          recordId: changed._id.toHexString(),
          pin: changed.pin,
        });
      return changed;
    });
    if (!revoked) {
      const on = existing.revokedAt ? ` on ${formatIsoDate(existing.revokedAt)}` : '';
      throw conflict(`HealthConsent ${input.id} is already revoked${on}`, 'id');
    }
    return toHealthConsent(revoked);
  }
}
