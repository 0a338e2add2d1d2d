import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Types } from 'mongoose';
import { checkDatesNotBeforeBirth, conflict, notFound } from '@jol/kernel';
import { checkNotBefore } from '../checks';
import type { LabourContext } from '../context';
import { Person } from '../person/person.type';
import {
  checkEnrolInReintegrationInput,
  checkUpdateReintegrationStatusInput,
  EnrolInReintegrationInput,
  isReintegrationTransition,
  UpdateReintegrationStatusInput,
} from './reintegration.inputs';
import { toReintegrationEnrolment, type ReintegrationEnrolmentRecord } from './reintegration.model';
import { ReintegrationEnrolment, ReintegrationStatus } from './reintegration.type';

@Resolver(() => Person)
export class PersonReintegrationEnrolmentsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [ReintegrationEnrolment], {
    nullable: true,
    description: 'Reintegration programmes the person enrolled in, oldest first.',
  })
  async reintegrationEnrolments(
    @Root() person: Person,
    @Ctx() ctx: LabourContext,
  ): Promise<ReintegrationEnrolment[]> {
    return (await ctx.loaders.reintegrationEnrolmentsByPin.load(person.pin)).map(
      toReintegrationEnrolment,
    );
  }
}

@Resolver(() => ReintegrationEnrolment)
export class ReintegrationEnrolmentResolver {
  @Mutation(() => ReintegrationEnrolment, {
    description: 'Enrols a returnee in a programme; it starts ENROLLED.',
  })
  async enrolInReintegration(
    @Arg('input', () => EnrolInReintegrationInput) input: EnrolInReintegrationInput,
    @Ctx() ctx: LabourContext,
  ): Promise<ReintegrationEnrolment> {
    checkEnrolInReintegrationInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { enrolledOn: input.enrolledOn });
    const created = await ctx.models.ReintegrationEnrolment.create({
      pin: input.pin,
      programme: input.programme,
      status: ReintegrationStatus.ENROLLED,
      enrolledOn: input.enrolledOn,
      completedOn: null,
      droppedOutOn: null,
    });
    return toReintegrationEnrolment(created.toObject());
  }

  @Mutation(() => ReintegrationEnrolment, {
    description:
      'Ends an enrolment: ENROLLED becomes COMPLETED or DROPPED_OUT; any other move is a CONFLICT.',
  })
  async updateReintegrationStatus(
    @Arg('input', () => UpdateReintegrationStatusInput) input: UpdateReintegrationStatusInput,
    @Ctx() ctx: LabourContext,
  ): Promise<ReintegrationEnrolment> {
    const id = new Types.ObjectId(checkUpdateReintegrationStatusInput(input));
    const Enrolments = ctx.models.ReintegrationEnrolment;
    if (input.status !== ReintegrationStatus.ENROLLED) {
      // Compare-and-set: only an ENROLLED enrolment that began on or before `on` moves, once.
      const dateField =
        input.status === ReintegrationStatus.COMPLETED ? 'completedOn' : 'droppedOutOn';
      const updated = await Enrolments.findOneAndUpdate(
        { _id: id, status: ReintegrationStatus.ENROLLED, enrolledOn: { $lte: input.on } },
        { $set: { status: input.status, [dateField]: input.on } },
        { returnDocument: 'after' },
      ).lean<ReintegrationEnrolmentRecord>();
      if (updated) return toReintegrationEnrolment(updated);
    }
    // Nothing moved: say why, from the enrolment as it stands.
    const current = await Enrolments.findById(id, {
      status: 1,
      enrolledOn: 1,
    }).lean<ReintegrationEnrolmentRecord>();
    if (!current) throw notFound('ReintegrationEnrolment', 'id', input.id);
    if (!isReintegrationTransition(current.status, input.status)) {
      throw conflict(
        `ReintegrationEnrolment ${input.id} cannot move from ${current.status} to ${input.status}; ` +
          'only ENROLLED may become COMPLETED or DROPPED_OUT',
        'status',
      );
    }
    checkNotBefore('on', input.on, 'enrolledOn', current.enrolledOn);
    throw conflict(
      `ReintegrationEnrolment ${input.id} changed concurrently; read it and try again`,
      'status',
    );
  }
}
