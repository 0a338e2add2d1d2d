import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  checkDatesNotBeforeBirth,
  conflict,
  isDuplicateKeyError,
  notFound,
  recordChangeEvent,
} from '@jol/kernel';
import type { HealthContext } from '../context';
import { Person } from '../person/person.type';
import {
  checkActiveTreatmentStatus,
  checkRecordTbCaseInput,
  checkRecordTbOutcomeInput,
  checkTbOutcomeTransition,
  parseTbCaseId,
  RecordTbCaseInput,
  RecordTbOutcomeInput,
  treatmentStatusForOutcome,
  UpdateTbTreatmentStatusInput,
} from './tb-case.inputs';
import { toTbCase, type TbCaseRecord } from './tb-case.model';
import { TbCase } from './tb-case.type';

@Resolver(() => Person)
export class PersonTbCasesResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [TbCase], {
    nullable: true,
    description: 'Tuberculosis cases, newest diagnosis first.',
  })
  async tbCases(@Root() person: Person, @Ctx() ctx: HealthContext): Promise<TbCase[]> {
    return (await ctx.loaders.tbCasesByPin.load(person.pin)).map(toTbCase);
  }
}

@Resolver(() => TbCase)
export class TbCaseResolver {
  @Mutation(() => TbCase, {
    description: 'Opens a TB case; a person may have only one active case (CONFLICT otherwise).',
  })
  async recordTbCase(
    @Arg('input', () => RecordTbCaseInput) input: RecordTbCaseInput,
    @Ctx() ctx: HealthContext,
  ): Promise<TbCase> {
    checkRecordTbCaseInput(input);
    await checkDatesNotBeforeBirth(ctx, input.pin, { diagnosedOn: input.diagnosedOn });
    try {
      // The partial unique index on active cases makes check-and-insert one atomic step.
      const created = await ctx.models.connection.transaction(async (session) => {
        const [opened] = await ctx.models.TbCase.create(
          [
            {
              pin: input.pin,
              diagnosedOn: input.diagnosedOn,
              treatmentStatus: input.treatmentStatus,
              outcome: null,
              outcomeOn: null,
              drugResistant: input.drugResistant,
            },
          ],
          { session },
        );
        await recordChangeEvent(ctx.models, session, {
          type: 'TB_CASE_OPENED',
          recordId: opened!._id.toHexString(),
          pin: input.pin,
        });
        return opened!;
      });
      return toTbCase(created.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw conflict(
          `Person ${input.pin} already has an active TB case; record its outcome first`,
          'pin',
        );
      }
      throw error;
    }
  }

  @Mutation(() => TbCase, {
    description:
      'Closes an active case with a WHO outcome; treatment becomes COMPLETED for CURED and TREATMENT_COMPLETED, ' +
      'INTERRUPTED otherwise. CURED, TREATMENT_COMPLETED and TREATMENT_FAILED need a started treatment.',
  })
  async recordTbOutcome(
    @Arg('input', () => RecordTbOutcomeInput) input: RecordTbOutcomeInput,
    @Ctx() ctx: HealthContext,
  ): Promise<TbCase> {
    const id = checkRecordTbOutcomeInput(input);
    const { TbCase: TbCases } = ctx.models;
    const record = await TbCases.findById(id).lean<TbCaseRecord>();
    if (!record) throw notFound('TbCase', 'id', input.id);
    checkTbOutcomeTransition(record, input.outcome, input.on);
    // Compare-and-set on the state the checks saw, so a concurrent change cannot slip in between.
    const closed = await TbCases.findOneAndUpdate(
      { _id: id, outcome: null, treatmentStatus: record.treatmentStatus },
      {
        $set: {
          outcome: input.outcome,
          outcomeOn: input.on,
          treatmentStatus: treatmentStatusForOutcome(input.outcome),
        },
      },
      { returnDocument: 'after' },
    ).lean<TbCaseRecord>();
    if (!closed) throw conflict(`TbCase ${input.id} changed concurrently; read it again`, 'id');
    return toTbCase(closed);
  }

  @Mutation(() => TbCase, { description: 'Changes the treatment status of an active case.' })
  async updateTbTreatmentStatus(
    @Arg('input', () => UpdateTbTreatmentStatusInput) input: UpdateTbTreatmentStatusInput,
    @Ctx() ctx: HealthContext,
  ): Promise<TbCase> {
    const id = parseTbCaseId(input.id);
    checkActiveTreatmentStatus('status', input.status);
    const { TbCase: TbCases } = ctx.models;
    const updated = await TbCases.findOneAndUpdate(
      { _id: id, outcome: null },
      { $set: { treatmentStatus: input.status } },
      { returnDocument: 'after' },
    ).lean<TbCaseRecord>();
    if (updated) return toTbCase(updated);
    const existing = await TbCases.findById(id, { outcome: 1 }).lean<
      Pick<TbCaseRecord, 'outcome'>
    >();
    if (!existing) throw notFound('TbCase', 'id', input.id);
    throw conflict(
      `TbCase ${input.id} is closed with outcome ${existing.outcome}; its treatment cannot change`,
      'id',
    );
  }
}
