import {
  CHANGE_EVENTS,
  FIELD_CLASSES,
  joinDeclared,
  PARTNER_EXCHANGE_CLASSES,
  PURPOSE_POLICY,
  REFUSAL_AUDIT_PATH,
  REFUSAL_AUDIT_SUBGRAPH,
  PURPOSES,
  ROLE_POLICY,
  SUBGRAPHS,
} from './index';
import * as health from './health';
import * as pensions from './pensions';

describe('the register', () => {
  it('refuses a name two declarers declare, naming both', () => {
    expect(() =>
      joinDeclared('Role', [
        ['one', { A: 1 }],
        ['two', { B: 2, A: 3 }],
      ]),
    ).toThrow('Role A is declared by both one and two');
    expect(
      joinDeclared('Role', [
        ['one', { A: 1 }],
        ['two', { B: 2 }],
      ]),
    ).toEqual({ A: 1, B: 2 });
  });

  it("lets the data subject read and the subject's purpose change what members list for them", () => {
    expect(ROLE_POLICY.DATA_SUBJECT.reads).toEqual(
      expect.arrayContaining(pensions.federationReads.subject),
    );
    expect(PURPOSE_POLICY.SELF_SERVICE.reads).toEqual(
      expect.arrayContaining(health.federationReads.subject),
    );
    expect(PURPOSE_POLICY.SELF_SERVICE.writes).toEqual([...health.federationReads.subjectWrites]);
  });

  it('gives every subgraph its part of the access log, and each event its emitter', () => {
    for (const { name } of SUBGRAPHS)
      expect(FIELD_CLASSES[`PersonAccessLog.${name}`]).toBe('accessLog');
    expect(CHANGE_EVENTS.PENSION_DECISION_RECORDED.agency).toBe('pensions');
  });

  it('takes the partner-exchange classes and the signed routes from the declarations', () => {
    expect(PARTNER_EXCHANGE_CLASSES).toEqual(['pensionExchange']);
    expect([REFUSAL_AUDIT_SUBGRAPH, REFUSAL_AUDIT_PATH]).toEqual([
      'pensions',
      pensions.subgraph.signedRoutes.refusalAudit,
    ]);
  });

  it.each(PURPOSES)(
    '%s changes only classes it reads: a write decides what a reader of the class sees',
    (purpose) => {
      const { reads, writes } = PURPOSE_POLICY[purpose];
      expect(writes.filter((c) => !(reads as readonly string[]).includes(c))).toEqual([]);
    },
  );
});
