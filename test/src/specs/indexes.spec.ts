import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Types, type Connection, type Model } from 'mongoose';
import { connectStore, ensureIndexes } from '@jol/kernel';
import { createHealthModels, ScreeningKind } from '@jol/health';
import { createLabourModels } from '@jol/labour';
import { createMigrationModels, MigrationStatus } from '@jol/migration';
import { createPensionsModels } from '@jol/pensions';
import { REPO_ROOT } from '@jol/tools';

/**
 * deploy/SCALING.md in step with the models: every index a model declares is listed there, and
 * the queries it names run on that index (the store's `explain`, queryPlanner verbosity).
 */

const SCALING = readFileSync(join(REPO_ROOT, 'deploy', 'SCALING.md'), 'utf8');
const FACTORIES = {
  migration: createMigrationModels,
  labour: createLabourModels,
  health: createHealthModels,
  pensions: createPensionsModels,
} as const;
type Agency = keyof typeof FACTORIES;

interface PlanStage {
  stage: string;
  indexName?: string;
  inputStage?: PlanStage;
  inputStages?: PlanStage[];
}

/** The stages of a winning plan from the root down, index scans with their index's name. */
function stagesOf(plan: PlanStage | undefined): string[] {
  if (!plan) return [];
  const own = plan.indexName ? `${plan.stage}(${plan.indexName})` : plan.stage;
  return [own, ...stagesOf(plan.inputStage), ...(plan.inputStages ?? []).flatMap(stagesOf)];
}

/** The first two cells of every table row of SCALING.md: `collection` | `index`. */
const TABLE_ROWS = new Set(
  SCALING.split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim())
        .join(' | '),
    ),
);

/** `{ pin: 1, from: 1 }`, as SCALING.md writes a key pattern. */
const keyText = (key: Record<string, unknown>) =>
  `{ ${Object.entries(key)
    .map(([field, order]) => `${field}: ${String(order)}`)
    .join(', ')} }`;

describe('indexes and the queries that use them (deploy/SCALING.md)', () => {
  const prefix = `e2e_indexes_${randomUUID().slice(0, 8)}`;
  const connections = {} as Record<Agency, Connection>;
  const models = {} as { [A in Agency]: ReturnType<(typeof FACTORIES)[A]> };

  beforeAll(async () => {
    for (const agency of Object.keys(FACTORIES) as Agency[]) {
      const connection = await connectStore({
        uri: process.env.MONGODB_URI!,
        dbName: `${prefix}_${agency}`,
      });
      connections[agency] = connection;
      (models as Record<Agency, unknown>)[agency] = FACTORIES[agency](connection);
      await ensureIndexes(connection);
    }
  });
  afterAll(async () => {
    for (const connection of Object.values(connections)) {
      await connection.dropDatabase();
      await connection.close();
    }
  });

  it('lists every index every model declares', () => {
    const missing: string[] = [];
    for (const connection of Object.values(connections))
      for (const model of Object.values(connection.models) as Model<unknown>[])
        for (const [key] of model.schema.indexes()) {
          const row = `\`${model.collection.collectionName}\` | \`${keyText(key)}\``;
          if (!TABLE_ROWS.has(row)) missing.push(row);
        }
    expect(missing).toEqual([]);
  });

  const pins = ['10101199000011', '10101199000012'];
  const id = new Types.ObjectId();
  // Each query as the code sends it (loaders, lists, checks), and the index SCALING.md names.
  const QUERIES: [string, Agency, (m: typeof models) => { explain(v: string): unknown }, string][] =
    [
      [
        'a page of persons in a region',
        'migration',
        (m) =>
          m.migration.Person.find({ homeRegion: 'KG-O', pin: { $gt: pins[0] } })
            .sort({ pin: 1 })
            .limit(51),
        'homeRegion_1_pin_1',
      ],
      [
        'a page of persons by status',
        'migration',
        (m) =>
          m.migration.Person.find({ status: MigrationStatus.ABROAD }).sort({ pin: 1 }).limit(51),
        'status_1_pin_1',
      ],
      [
        'a page of persons by destination',
        'migration',
        (m) => m.migration.Person.find({ destinations: 'RU' }).sort({ pin: 1 }).limit(51),
        'destinations_1_pin_1',
      ],
      [
        'a page of persons in an age band',
        'migration',
        (m) =>
          m.migration.Person.find({
            birthDate: { $gte: new Date('1990-01-01'), $lte: new Date('2000-12-31') },
          })
            .sort({ pin: 1 })
            .limit(51),
        'birthDate_1',
      ],
      [
        'TB screenings for the cube build',
        'health',
        (m) =>
          m.health.HealthScreening.find(
            { kind: ScreeningKind.TB },
            { _id: 0, pin: 1, screenedOn: 1 },
          ),
        'kind_1_screenedOn_1',
      ],
      [
        'persons by PIN (loader)',
        'migration',
        (m) => m.migration.Person.find({ pin: { $in: pins } }),
        'pin_1',
      ],
      [
        'stays abroad by PIN (loader)',
        'migration',
        (m) => m.migration.Episode.find({ pin: { $in: pins } }).sort({ pin: 1, departedOn: 1 }),
        'pin_1_departedOn_1',
      ],
      [
        'entry bans by PIN (loader)',
        'migration',
        (m) => m.migration.EntryBan.find({ pin: { $in: pins } }).sort({ pin: 1, from: 1 }),
        'pin_1_from_1',
      ],
      [
        'dependants by PIN (loader)',
        'migration',
        (m) => m.migration.Dependant.find({ pin: { $in: pins } }).sort({ pin: 1, childPin: 1 }),
        'pin_1_childPin_1',
      ],
      [
        'employment by PIN (loader, overlap check)',
        'labour',
        (m) =>
          m.labour.EmploymentRecord.find({ pin: { $in: pins } }).sort({ pin: 1, from: 1, _id: 1 }),
        'pin_1_from_1',
      ],
      [
        'reintegration by PIN (loader)',
        'labour',
        (m) =>
          m.labour.ReintegrationEnrolment.find({ pin: { $in: pins } }).sort({
            pin: 1,
            enrolledOn: 1,
            _id: 1,
          }),
        'pin_1_enrolledOn_1',
      ],
      [
        'skills by PIN (loader)',
        'labour',
        (m) => m.labour.Skill.find({ pin: { $in: pins } }).sort({ pin: 1, name: 1 }),
        'pin_1_name_1',
      ],
      [
        'screenings by PIN (loader)',
        'health',
        (m) =>
          m.health.HealthScreening.find({ pin: { $in: pins } }).sort({
            pin: 1,
            screenedOn: -1,
            _id: -1,
          }),
        'pin_1_screenedOn_-1',
      ],
      [
        'TB cases by PIN (loader)',
        'health',
        (m) =>
          m.health.TbCase.find({ pin: { $in: pins } }).sort({ pin: 1, diagnosedOn: -1, _id: -1 }),
        'pin_1_diagnosedOn_-1',
      ],
      [
        'health insurance by PIN (loader)',
        'health',
        (m) => m.health.HealthInsurance.find({ pin: { $in: pins } }),
        'pin_1',
      ],
      [
        'consents by PIN (loader, consent rule)',
        'health',
        (m) =>
          m.health.HealthConsent.find({ pin: { $in: pins } }).sort({
            pin: 1,
            grantedAt: -1,
            _id: -1,
          }),
        'pin_1_grantedAt_-1',
      ],
      [
        'insurance periods by PIN (loader, overlap check)',
        'pensions',
        (m) => m.pensions.InsurancePeriod.find({ pin: { $in: pins } }).sort({ pin: 1, from: 1 }),
        'pin_1_from_1',
      ],
      [
        'contributions by PIN (loader)',
        'pensions',
        (m) =>
          m.pensions.Contribution.find({ pin: { $in: pins } }).sort({
            pin: 1,
            paidOn: -1,
            periodMonth: -1,
            _id: -1,
          }),
        'pin_1_paidOn_-1',
      ],
      [
        "a case's documents (loader)",
        'pensions',
        (m) =>
          m.pensions.ExchangeDocument.find({ caseId: { $in: [id] } }).sort({
            caseId: 1,
            createdAt: -1,
            _id: -1,
          }),
        'caseId_1_createdAt_-1',
      ],
      [
        'the first document of an idempotency key',
        'pensions',
        (m) => m.pensions.ExchangeDocument.findOne({ partner: 'RU-SFR', idempotencyKey: 'k' }),
        'partner_1_idempotencyKey_1',
      ],
      [
        "a partner identifier's person",
        'pensions',
        (m) => m.pensions.ForeignIdBinding.findOne({ partner: 'RU-SFR', foreignId: '11223344595' }),
        'partner_1_foreignId_1',
      ],
      [
        "a page of a person's access log",
        'labour',
        (m) =>
          m.labour.AuditEvent.find({ pins: pins[0], seq: { $lt: 100 } })
            .sort({ seq: -1 })
            .limit(51),
        'pins_1_seq_-1',
      ],
      [
        'versions of corrected records (loader)',
        'pensions',
        (m) =>
          m.pensions.RecordVersion.find({
            entity: 'InsurancePeriod',
            recordId: { $in: [id] },
          }).sort({ recordId: 1, version: 1 }),
        'entity_1_recordId_1_version_1',
      ],
    ];

  it.each(QUERIES)('%s (%s) runs on its index', async (_, _agency, query, index) => {
    const explained = (await query(models).explain('queryPlanner')) as
      { queryPlanner: { winningPlan: PlanStage } } | { queryPlanner: { winningPlan: PlanStage } }[];
    const plan = (Array.isArray(explained) ? explained[0]! : explained).queryPlanner.winningPlan;
    const stages = stagesOf(plan);
    expect(stages).toContain(`IXSCAN(${index})`);
    expect(stages).not.toContain('COLLSCAN');
    expect(SCALING).toContain(`\`${index}\``);
  });

  it('matches a cube read on its index (aggregation)', async () => {
    const explained = (await models.migration.IndicatorCell.aggregate([
      { $match: { build: id, measure: 'personsAbroad', year: { $gte: 2020, $lte: 2025 } } },
      { $group: { _id: '$year', count: { $sum: '$count' } } },
    ]).explain('queryPlanner')) as { queryPlanner: { winningPlan: PlanStage } };
    expect(stagesOf(explained.queryPlanner.winningPlan)).toContain(
      'IXSCAN(build_1_measure_1_year_1)',
    );
  });
});
