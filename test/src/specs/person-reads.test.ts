import { generatePersonReads, supergraphSchema } from './person-reads';

// A small stand-in for the supergraph: the generator reads types, not join directives.
const SDL = /* GraphQL */ `
  type Query {
    persons: [Person]
  }
  type Person {
    pin: String!
    skills: [Skill!]
    employment: [EmploymentRecord!]
    accessLog: PersonAccessLog
    pensionEntitlement(asOf: String): Entitlement
    shoeSize: Int
  }
  type Skill {
    name: String
    holder: Person
  }
  type EmploymentRecord {
    country: String
    employer: String
  }
  type PersonAccessLog {
    migration: [String]
  }
  type Entitlement {
    totalized: Boolean
    record(on: String!): String
  }
`;

describe('generatePersonReads', () => {
  const { reads, unreadable } = generatePersonReads(supergraphSchema(SDL));

  it('reads every classified field a caller may list and read, by such a caller', () => {
    expect(reads).toEqual([
      {
        field: 'skills',
        selection: 'skills { name }',
        role: 'LABOUR_OFFICER',
        purpose: 'EMPLOYMENT_SERVICES',
      },
      {
        field: 'employment',
        selection: 'employment { country employer }',
        role: 'LABOUR_OFFICER',
        purpose: 'EMPLOYMENT_SERVICES',
      },
      {
        field: 'pensionEntitlement',
        selection: 'pensionEntitlement { totalized }',
        role: 'PENSION_OFFICER',
        purpose: 'PENSION_ASSESSMENT',
      },
    ]);
  });

  it('leaves out the key, fields no lister may read, and fields without a data class', () => {
    expect(unreadable).toEqual(['pin', 'accessLog', 'shoeSize']);
  });
});
