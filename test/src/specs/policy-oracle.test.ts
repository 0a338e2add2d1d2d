import { consularMeasures } from '@jol/consular';
import { healthMeasures } from '@jol/health';
import { labourMeasures } from '@jol/labour';
import { migrationMeasures } from '@jol/migration';
import { pensionsMeasures } from '@jol/pensions';
import {
  CONSENT_RECIPIENTS,
  FIELD_CLASSES,
  FILTER_CLASSES,
  PERSON_SEARCH,
  SEARCH_ARGUMENT_CLASSES,
  PURPOSE_POLICY,
  PURPOSES,
  ROLE_POLICY,
  ROLES,
  WRITE_CLASSES,
  type DataClass,
} from '@jol/schema';
import { policyFor } from '@jol/kernel';
import { aggregateFieldsOf } from '@jol/statistics';
import {
  AGGREGATE_COORDINATES,
  CLASS_COORDINATES,
  FILTER_CRITERIA,
  MUTATION_CLASSES,
  SUBSCRIPTION_MUTATIONS,
  NON_SELECTING_ARGUMENTS,
  oracleClassOf,
  oraclePurposes,
  oracleReads,
  PURPOSE_AGGREGATES_ORACLE,
  PURPOSE_ORACLE,
  PURPOSE_WRITES_ORACLE,
  ROLE_ORACLE,
  SEARCH_ORACLE,
} from './policy-oracle';
import { argumentUses, INVENTORY, objectType, SUPERGRAPH } from './policy-supergraph';
import { getNamedType, isObjectType } from 'graphql';

/**
 * The code's policy table (the register, schema/src/members) against the reviewed oracle, and the
 * oracle against the committed supergraph. A role or purpose widened or narrowed in the table,
 * a coordinate reclassified, or a field, argument or mutation added to a subgraph without a line
 * in the oracle, fails here; the policy matrix then checks the running system against the oracle.
 */

const sorted = (values: readonly string[] | null | undefined) =>
  values === null || values === undefined ? null : [...values].sort();

describe('the policy table and the oracle agree', () => {
  it.each(ROLES.flatMap((role) => PURPOSES.map((purpose) => [role, purpose] as const)))(
    '%s declaring %s reads exactly the classes the oracle lists',
    (role, purpose) => {
      const policy = policyFor(role, purpose);
      expect(sorted(policy?.reads)).toEqual(sorted(oracleReads(role, purpose)));
      const aggregates = ROLE_ORACLE[role].aggregates?.[purpose];
      expect(sorted(policy?.aggregates)).toEqual(
        policy === null ? null : (sorted(aggregates) ?? []),
      );
    },
  );

  it.each(ROLES)(
    '%s holds no class beyond what its purposes read (a grant no purpose serves is a widening)',
    (role) => {
      const served = new Set(oraclePurposes(role).flatMap((p) => oracleReads(role, p) ?? []));
      expect(sorted(ROLE_POLICY[role].reads)).toEqual(sorted([...served]));
    },
  );

  it.each(ROLES)(
    '%s holds no aggregate class beyond what its purposes read (latent widenings fail too)',
    (role) => {
      const aggregates = ROLE_ORACLE[role].aggregates ?? {};
      const served = new Set(oraclePurposes(role).flatMap((p) => aggregates[p] ?? []));
      expect(sorted(ROLE_POLICY[role].aggregates ?? [])).toEqual(sorted([...served]));
    },
  );

  it.each(PURPOSES)('%s needs exactly the aggregate classes the oracle lists', (purpose) => {
    expect(sorted(PURPOSE_POLICY[purpose].aggregates ?? [])).toEqual(
      sorted(PURPOSE_AGGREGATES_ORACLE[purpose] ?? []),
    );
  });

  it.each(PURPOSES)('%s needs exactly the classes the oracle lists', (purpose) => {
    expect(sorted(PURPOSE_POLICY[purpose].reads)).toEqual(sorted(PURPOSE_ORACLE[purpose]));
  });

  it.each(PURPOSES)('%s may change exactly the classes the oracle lists', (purpose) => {
    expect(sorted(PURPOSE_POLICY[purpose].writes)).toEqual(sorted(PURPOSE_WRITES_ORACLE[purpose]));
  });

  it('classifies every write as the oracle does (officers in WRITE_CLASSES, partners in FIELD_CLASSES)', () => {
    const byCode = Object.fromEntries(
      [...Object.entries(WRITE_CLASSES), ...Object.entries(FIELD_CLASSES)]
        .filter(([coordinate]) => coordinate.startsWith('Mutation.'))
        .map(([coordinate, dataClass]) => [coordinate.slice('Mutation.'.length), dataClass]),
    );
    expect(byCode).toEqual(MUTATION_CLASSES);
    const both = Object.keys(WRITE_CLASSES).filter((c) => c in FIELD_CLASSES);
    expect(both).toEqual([]);
  });

  it.each(ROLES)('%s may declare the purposes the oracle lists, and no other', (role) => {
    expect(sorted(ROLE_POLICY[role].purposes)).toEqual(sorted(oraclePurposes(role)));
  });

  it.each(ROLES)('%s reaches, writes and submits as the oracle says', (role) => {
    const policy = ROLE_POLICY[role];
    const reach = policy.ownRecordOnly
      ? 'ownRecord'
      : policy.partnerCasesOnly
        ? 'partnerCases'
        : 'anyone';
    expect({ reach, writes: policy.writes, submits: sorted(policy.submits ?? []) }).toEqual({
      reach: ROLE_ORACLE[role].reach,
      writes: ROLE_ORACLE[role].writes,
      submits: sorted(ROLE_ORACLE[role].submits),
    });
  });

  it('lets the officers the oracle names read the health certificate with consent', () => {
    const byOracle = Object.fromEntries(
      ROLES.flatMap((role) => {
        const agency = ROLE_ORACLE[role].consentAgency;
        return agency ? [[agency, role]] : [];
      }),
    );
    expect(CONSENT_RECIPIENTS).toEqual(byOracle);
  });

  it('classifies every coordinate as the oracle does', () => {
    const byOracle = Object.fromEntries(
      (Object.entries(CLASS_COORDINATES) as [DataClass, readonly string[]][]).flatMap(
        ([dataClass, coordinates]) => coordinates.map((c) => [c, dataClass]),
      ),
    );
    expect(FIELD_CLASSES).toEqual(byOracle);
    const twice = Object.values(CLASS_COORDINATES)
      .flat()
      .filter((c, i, all) => all.indexOf(c) !== i);
    expect(twice).toEqual([]);
  });

  it('classifies every filter criterion as the oracle does', () => {
    expect(FILTER_CLASSES).toEqual(FILTER_CRITERIA);
  });

  it('lets the roles the oracle names search, reading what it says, with its bound', () => {
    expect({
      roles: sorted(PERSON_SEARCH.roles),
      reads: sorted(PERSON_SEARCH.reads),
      maxResults: PERSON_SEARCH.maxResults,
    }).toEqual({
      roles: sorted(SEARCH_ORACLE.roles),
      reads: sorted(SEARCH_ORACLE.reads),
      maxResults: SEARCH_ORACLE.maxResults,
    });
    expect(SEARCH_ARGUMENT_CLASSES).toEqual(SEARCH_ORACLE.arguments);
    // Every criterion of a search is a class the search reads anyway.
    for (const dataClass of Object.values(SEARCH_ORACLE.arguments))
      expect(SEARCH_ORACLE.reads).toContain(dataClass);
  });

  it('lists the same aggregate coordinates as the oracle', () => {
    // The agencies declare their measures; the aggregate fields follow from the declarations.
    const AGGREGATE_FIELDS = aggregateFieldsOf([
      migrationMeasures,
      labourMeasures,
      healthMeasures,
      pensionsMeasures,
      consularMeasures,
    ]);
    expect(sorted(Object.keys(AGGREGATE_FIELDS))).toEqual(sorted(AGGREGATE_COORDINATES));
  });
});

describe('the oracle covers the committed supergraph', () => {
  it('classifies every field of Person but its key', () => {
    expect(INVENTORY.unclassified).toEqual([]);
  });

  it('has every coordinate it classifies in the supergraph', () => {
    expect(INVENTORY.missing).toEqual([]);
  });

  it('reaches every classified coordinate but root fields from Person', () => {
    expect(INVENTORY.unreachable).toEqual([]);
  });

  it('gives every argument that could select persons a class for each criterion, or a reason', () => {
    const unaccounted = argumentUses().flatMap((use) => {
      if (use.coordinate in NON_SELECTING_ARGUMENTS) return [];
      if (use.coordinate in SEARCH_ORACLE.arguments) return [];
      if (use.criteria.length === 0) return [use.coordinate];
      return use.criteria
        .filter((c) => !(c.coordinate in FILTER_CRITERIA))
        .map((c) => c.coordinate);
    });
    expect(unaccounted).toEqual([]);
  });

  it('names only arguments and criteria the supergraph has', () => {
    const uses = argumentUses();
    const criteria = new Set(uses.flatMap((u) => u.criteria.map((c) => c.coordinate)));
    const arguments_ = new Set(uses.map((u) => u.coordinate));
    expect(Object.keys(FILTER_CRITERIA).filter((c) => !criteria.has(c))).toEqual([]);
    expect(Object.keys(NON_SELECTING_ARGUMENTS).filter((a) => !arguments_.has(a))).toEqual([]);
  });

  it('has every aggregate coordinate in the supergraph', () => {
    const missing = AGGREGATE_COORDINATES.filter((coordinate) => {
      const [type, field] = coordinate.split('.') as [string, string];
      return !objectType(type).getFields()[field];
    });
    expect(missing).toEqual([]);
  });

  it('gives every mutation of the supergraph the class it changes, and only mutations it has', () => {
    const mutations = Object.keys(SUPERGRAPH.getMutationType()!.getFields()).sort();
    const classified = [...Object.keys(MUTATION_CLASSES), ...Object.keys(SUBSCRIPTION_MUTATIONS)];
    expect(classified.sort()).toEqual(mutations);
  });

  it('names a writer for every mutation of the supergraph, and only mutations it has', () => {
    const mutations = Object.keys(SUPERGRAPH.getMutationType()!.getFields());
    const written = new Set(ROLES.flatMap((role) => ROLE_ORACLE[role].mutations));
    expect(mutations.filter((m) => !written.has(m))).toEqual([]);
    expect([...written].filter((m) => !mutations.includes(m))).toEqual([]);
  });

  it("classifies every record's history at the most restrictive class of the record's fields", () => {
    const types = Object.values(SUPERGRAPH.getTypeMap()).filter(
      (t) => isObjectType(t) && !t.name.startsWith('__'),
    ) as ReturnType<typeof objectType>[];
    const histories = types.filter((t) => t.getFields().versions && t.getFields().superseded);
    expect(histories.length).toBeGreaterThan(0);
    for (const record of histories) {
      const coordinate = `${record.name}.versions`;
      // The record's classes: its own classified fields, and every field that lists it.
      const classes = new Set<DataClass>();
      for (const type of types) {
        if (type === SUPERGRAPH.getMutationType()) continue;
        for (const field of Object.values(type.getFields())) {
          const at = `${type.name}.${field.name}`;
          const dataClass = oracleClassOf(at);
          if (at === coordinate || !dataClass) continue;
          if (type === record || getNamedType(field.type) === record) classes.add(dataClass);
        }
      }
      const historyClass = oracleClassOf(coordinate);
      expect([coordinate, historyClass && classes.has(historyClass)]).toEqual([coordinate, true]);
      // Whoever reads the history, for any purpose, reads every class of the record.
      for (const role of ROLES)
        for (const purpose of oraclePurposes(role)) {
          const reads = oracleReads(role, purpose)!;
          if (!reads.includes(historyClass!)) continue;
          expect([
            coordinate,
            role,
            purpose,
            [...classes].filter((c) => !reads.includes(c)),
          ]).toEqual([coordinate, role, purpose, []]);
        }
    }
  });

  it('knows the class of every classified coordinate (no coordinate in two classes)', () => {
    for (const coordinate of Object.keys(FIELD_CLASSES))
      expect(oracleClassOf(coordinate)).toBe(FIELD_CLASSES[coordinate]);
  });
});
