import { Types } from 'mongoose';
import { isActiveTbCase, toTbCase, type TbCaseRecord } from './tb-case.model';
import { TbOutcome, TbTreatmentStatus } from './tb-case.type';

describe('isActiveTbCase', () => {
  it('is true while a case has no outcome, whether stored as null or missing', () => {
    expect(isActiveTbCase({ outcome: null })).toBe(true);
    expect(isActiveTbCase({} as Pick<TbCaseRecord, 'outcome'>)).toBe(true);
  });

  it.each(Object.values(TbOutcome))('is false once the outcome is %s', (outcome) => {
    expect(isActiveTbCase({ outcome })).toBe(false);
  });
});

describe('toTbCase', () => {
  it('turns _id into id and keeps everything else', () => {
    const record: TbCaseRecord = {
      _id: new Types.ObjectId('65a000000000000000000001'),
      pin: '10503199012345',
      diagnosedOn: new Date('2024-01-10T00:00:00Z'),
      treatmentStatus: TbTreatmentStatus.COMPLETED,
      outcome: TbOutcome.CURED,
      outcomeOn: new Date('2024-07-10T00:00:00Z'),
      drugResistant: true,
    };
    expect(toTbCase(record)).toEqual({
      id: '65a000000000000000000001',
      pin: '10503199012345',
      diagnosedOn: record.diagnosedOn,
      treatmentStatus: TbTreatmentStatus.COMPLETED,
      outcome: TbOutcome.CURED,
      outcomeOn: record.outcomeOn,
      drugResistant: true,
    });
  });
});
