import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  checkDatesNotBeforeBirth,
  conflict,
  notFound,
  officeScopeOf,
  parseRecordId,
} from '@jol/kernel';
import type { ConsularContext } from '../context';
import { countryOfConsulate } from '../consulate/consulate';
import { Person } from '../person/person.type';
import {
  checkCloseTransition,
  checkOpenInput,
  checkOpenStatus,
  CloseAssistanceCaseInput,
  OpenAssistanceCaseInput,
  UpdateAssistanceCaseStatusInput,
} from './assistance-case.inputs';
import { toAssistanceCase, type AssistanceCaseRecord } from './assistance-case.model';
import { AssistanceCase, AssistanceCaseStatus } from './assistance-case.type';

@Resolver(() => Person)
export class PersonAssistanceCasesResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [AssistanceCase], {
    nullable: true,
    description:
      "Consular assistance cases, newest first; an officer posted at a consulate sees its own post's only.",
  })
  async assistanceCases(
    @Root() person: Person,
    @Ctx() ctx: ConsularContext,
  ): Promise<AssistanceCase[]> {
    const post = officeScopeOf(ctx);
    const records = await ctx.loaders.assistanceCasesByPin.load(person.pin);
    return records.filter((r) => post === null || r.consulate === post).map(toAssistanceCase);
  }
}

@Resolver(() => AssistanceCase)
export class AssistanceCaseResolver {
  @Mutation(() => AssistanceCase, { description: 'Opens an assistance case at a consulate.' })
  async openAssistanceCase(
    @Arg('input', () => OpenAssistanceCaseInput) input: OpenAssistanceCaseInput,
    @Ctx() ctx: ConsularContext,
  ): Promise<AssistanceCase> {
    checkOpenInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { openedOn: input.openedOn });
    const created = await ctx.models.AssistanceCase.create({
      pin: input.pin,
      type: input.type,
      status: AssistanceCaseStatus.OPEN,
      country: countryOfConsulate(input.consulate),
      consulate: input.consulate,
      openedOn: input.openedOn,
      closedOn: null,
    });
    return toAssistanceCase(created.toObject());
  }

  @Mutation(() => AssistanceCase, {
    description: 'Moves an open case between OPEN and IN_PROGRESS; a closed case stays closed.',
  })
  async updateAssistanceCaseStatus(
    @Arg('input', () => UpdateAssistanceCaseStatusInput) input: UpdateAssistanceCaseStatusInput,
    @Ctx() ctx: ConsularContext,
  ): Promise<AssistanceCase> {
    const id = parseRecordId(input.id);
    checkOpenStatus(input.status);
    const { AssistanceCase: Cases } = ctx.models;
    const updated = await Cases.findOneAndUpdate(
      { _id: id, status: { $ne: AssistanceCaseStatus.CLOSED } },
      { $set: { status: input.status } },
      { returnDocument: 'after' },
    ).lean<AssistanceCaseRecord>();
    if (updated) return toAssistanceCase(updated);
    if (!(await Cases.exists({ _id: id }))) throw notFound('AssistanceCase', 'id', input.id);
    throw conflict(`AssistanceCase ${input.id} is closed; its status cannot change`, 'id');
  }

  @Mutation(() => AssistanceCase, { description: 'Closes an open case on the day given.' })
  async closeAssistanceCase(
    @Arg('input', () => CloseAssistanceCaseInput) input: CloseAssistanceCaseInput,
    @Ctx() ctx: ConsularContext,
  ): Promise<AssistanceCase> {
    const id = parseRecordId(input.id);
    const { AssistanceCase: Cases } = ctx.models;
    const record = await Cases.findById(id).lean<AssistanceCaseRecord>();
    if (!record) throw notFound('AssistanceCase', 'id', input.id);
    checkCloseTransition(record, input.closedOn);
    // Compare-and-set on the state the checks saw, so a concurrent close cannot slip in between.
    const closed = await Cases.findOneAndUpdate(
      { _id: id, status: record.status },
      { $set: { status: AssistanceCaseStatus.CLOSED, closedOn: input.closedOn } },
      { returnDocument: 'after' },
    ).lean<AssistanceCaseRecord>();
    if (!closed)
      throw conflict(`AssistanceCase ${input.id} changed concurrently; read it again`, 'id');
    return toAssistanceCase(closed);
  }
}
