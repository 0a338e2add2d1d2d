import {
  distinctPins,
  cubeBuilderFor,
  groupByPin,
  IndicatorCubeBuilder,
  loadStatisticalUnits,
  PersonYearChoices,
  writeIndicatorCube,
  type IndicatorBuildOptions,
  type StatisticalUnit,
} from '@jol/statistics';
import type { LabourModels } from '../context';
import type { EmploymentRecordRecord } from '../employment/employment.model';
import type { ReintegrationEnrolmentRecord } from '../reintegration/reintegration.model';
import { LABOUR_CUBE } from './indicators.measures';

type Job = Pick<EmploymentRecordRecord, 'pin' | 'country' | 'sector' | 'formal' | 'from' | 'to'>;
type Enrolment = Pick<ReintegrationEnrolmentRecord, 'pin' | 'enrolledOn' | 'completedOn'>;

/**
 * Rebuilds the labour cube: jobs and enrolments, counted by the dimensions of the statistical
 * units (the register snapshot). A person without a unit is not in the snapshot yet and is left
 * out until the next refresh.
 */
export async function rebuildLabourIndicators(
  models: LabourModels,
  options: IndicatorBuildOptions = {},
): Promise<{ buildId: string; cells: number }> {
  const builder = cubeBuilderFor(options);
  const lean = { lean: true } as const;
  const units = await loadStatisticalUnits(models.StatisticalUnit);
  const jobs = await groupByPin<Job>(
    models.EmploymentRecord.find(
      {},
      { _id: 0, pin: 1, country: 1, sector: 1, formal: 1, from: 1, to: 1 },
      lean,
    ).cursor(),
  );
  const enrolments = await groupByPin<Enrolment>(
    models.ReintegrationEnrolment.find(
      {},
      { _id: 0, pin: 1, enrolledOn: 1, completedOn: 1 },
      lean,
    ).cursor(),
  );
  for (const [pin, unit] of units) {
    countPerson(builder, unit, jobs.get(pin) ?? [], enrolments.get(pin) ?? []);
  }
  return writeIndicatorCube(models, builder, options);
}

interface Counted {
  destination: string | null;
  job?: Pick<Job, 'formal' | 'sector'>;
}

/** Counts one person into every labour measure, each once per year. */
export function countPerson(
  builder: IndicatorCubeBuilder,
  unit: StatisticalUnit,
  jobs: readonly Omit<Job, 'pin'>[],
  enrolments: readonly Omit<Enrolment, 'pin'>[],
): void {
  const choices = new PersonYearChoices<Counted>();
  for (const job of jobs) {
    for (const year of builder.yearsTouched(job.from, job.to)) {
      if (builder.overlapsYear(job.from, job.to, year)) {
        choices.offer(LABOUR_CUBE.employedAbroad, year, job.from, {
          destination: job.country,
          job,
        });
      }
    }
  }
  for (const enrolment of enrolments) {
    const enrolled = builder.yearOf(enrolment.enrolledOn);
    if (enrolled !== null) {
      choices.offer(LABOUR_CUBE.reintegrationEnrolments, enrolled, enrolment.enrolledOn, {
        destination: unit.lastDestination,
      });
    }
    const completed = enrolment.completedOn ? builder.yearOf(enrolment.completedOn) : null;
    if (enrolment.completedOn && completed !== null) {
      choices.offer(LABOUR_CUBE.reintegrationCompletions, completed, enrolment.completedOn, {
        destination: unit.lastDestination,
      });
    }
  }
  choices.forEach((measure, year, { destination, job }) => {
    builder.add(measure, year, unit, destination);
    if (!job) return;
    if (job.formal) builder.add(LABOUR_CUBE.employedAbroadFormal, year, unit, destination);
    builder.add(LABOUR_CUBE.employedAbroadBySector, year, unit, destination, job.sector);
  });
}

/** The PINs labour holds records for: the persons it keeps a statistical unit of. */
export async function labourStatisticalPins(models: LabourModels): Promise<Set<string>> {
  return distinctPins([models.EmploymentRecord, models.ReintegrationEnrolment, models.Skill]);
}
