import { createAccessTrail, isEmptyTrail } from './trail';

const A = '10503199012345';
const B = '20101199000001';

describe('the access trail', () => {
  it('records a request that was served everything it asked as ALLOWED', () => {
    const trail = createAccessTrail();
    trail.served('Query.person', A);
    trail.served('Person.nameLatin', A);
    expect(trail.summary()).toEqual({
      served: ['Person.nameLatin', 'Query.person'],
      refused: [],
      failed: [],
      pins: [A],
      wrote: false,
      revisions: [],
      searches: [],
      outcome: 'ALLOWED',
    });
  });

  it('records a read that returned a name but was refused one field as PARTIAL, field by field', () => {
    const trail = createAccessTrail();
    trail.served('Person.nameLatin', A);
    trail.refused('Person.healthCertificate', A);
    expect(trail.summary()).toMatchObject({
      served: ['Person.nameLatin'],
      refused: ['Person.healthCertificate'],
      outcome: 'PARTIAL',
    });
  });

  it('records a request refused everything as DENIED', () => {
    const trail = createAccessTrail();
    trail.refused('Person.healthCertificate', A);
    trail.refused('Query.persons');
    expect(trail.summary()).toMatchObject({
      served: [],
      refused: ['Person.healthCertificate', 'Query.persons'],
      pins: [A],
      outcome: 'DENIED',
    });
  });

  it('keeps a field served for one person and refused for another in both lists', () => {
    const trail = createAccessTrail();
    trail.served('Person.screenings', A);
    trail.refused('Person.screenings', B);
    expect(trail.summary()).toMatchObject({
      served: ['Person.screenings'],
      refused: ['Person.screenings'],
      pins: [A, B],
      outcome: 'PARTIAL',
    });
  });

  it('lets a later refusal of the same field and person override an earlier allowance', () => {
    const trail = createAccessTrail();
    trail.wrote('Mutation.openPensionExchangeCase', A);
    trail.refused('Mutation.openPensionExchangeCase', A);
    trail.served('Mutation.openPensionExchangeCase', A);
    trail.failedWrites(['Mutation.openPensionExchangeCase']);
    expect(trail.summary()).toMatchObject({
      served: [],
      refused: ['Mutation.openPensionExchangeCase'],
      failed: [],
      outcome: 'DENIED',
    });
  });

  it('records an allowed write that stored nothing as FAILED, not ALLOWED', () => {
    const trail = createAccessTrail();
    trail.wrote('Mutation.recordSkill', A);
    trail.failedWrites(['Mutation.recordSkill']);
    expect(trail.summary()).toMatchObject({
      served: [],
      failed: ['Mutation.recordSkill'],
      wrote: true,
      outcome: 'FAILED',
    });
  });

  it('records a write refused by an access check while it ran as DENIED, not FAILED', () => {
    const trail = createAccessTrail();
    trail.wrote('Mutation.recordScreening', A);
    trail.refusedWrites(['Mutation.recordScreening']);
    trail.failedWrites([]);
    expect(trail.summary()).toMatchObject({
      served: [],
      refused: ['Mutation.recordScreening'],
      failed: [],
      pins: [A],
      outcome: 'DENIED',
    });
  });

  it('keeps PARTIAL when another call of the refused write stored', () => {
    const trail = createAccessTrail();
    trail.wrote('Mutation.recordScreening', A);
    trail.refusedWrites(['Mutation.recordScreening'], ['Mutation.recordScreening']);
    expect(trail.summary()).toMatchObject({
      served: ['Mutation.recordScreening'],
      refused: ['Mutation.recordScreening'],
      outcome: 'PARTIAL',
    });
  });

  it('lets the decision about the person replace a write granted before the person was known', () => {
    const trail = createAccessTrail();
    trail.wrote('Mutation.updateTbTreatmentStatus');
    trail.refused('Mutation.updateTbTreatmentStatus', '20101199000001');
    trail.failedWrites(['Mutation.updateTbTreatmentStatus']);
    expect(trail.summary()).toMatchObject({
      served: [],
      refused: ['Mutation.updateTbTreatmentStatus'],
      failed: [],
      outcome: 'DENIED',
    });
  });

  it('marks as failed only coordinates that were written', () => {
    const trail = createAccessTrail();
    trail.served('Person.skills', A);
    trail.failedWrites(['Person.skills']);
    expect(trail.summary()).toMatchObject({ served: ['Person.skills'], outcome: 'ALLOWED' });
  });

  it('is empty until a field is decided', () => {
    const trail = createAccessTrail();
    expect(isEmptyTrail(trail.summary())).toBe(true);
    trail.refused('Query.persons');
    expect(isEmptyTrail(trail.summary())).toBe(false);
  });

  it('keeps every search asked, in order, and is not empty with one', () => {
    const trail = createAccessTrail();
    trail.searched({ name: 'Asanova', birthDate: '1990-03-05', region: null });
    expect(isEmptyTrail(trail.summary())).toBe(false);
    trail.searchFound([A]);
    trail.searched({ name: 'Асанова Айсулуу', birthDate: null, region: 'KG-O' });
    trail.searchFound([]);
    expect(trail.summary().searches).toEqual([
      { name: 'Asanova', birthDate: '1990-03-05', region: null, found: [A] },
      { name: 'Асанова Айсулуу', birthDate: null, region: 'KG-O' },
    ]);
  });
});
