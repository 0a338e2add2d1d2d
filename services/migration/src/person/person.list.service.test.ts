import { callerAs, execute, executeAudited, useTestSubgraph } from '@jol/testkit/service';
import { createMigrationServer } from '../server';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      pin
    }
  }
`;

const person = (pin: string, homeRegion: string) => ({
  pin,
  nameCyrillic: { last: 'Асанова', first: 'Айгуль' },
  nameLatin: { last: 'Asanova', first: 'Aigul' },
  birthDate: `19${pin.slice(5, 7)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`,
  sex: pin.startsWith('1') ? 'MALE' : 'FEMALE',
  homeRegion,
  russianProficiency: 'GOOD',
});

/** Three persons of Batken, in PIN order, and one of Osh the region filter leaves out. */
const BATKEN = ['20101199000001', '20101199000002', '20101199000003'];
const OSH = '20101199000004';

const CURSOR_ONLY = /* GraphQL */ `
  query ($first: Int!, $after: String) {
    persons(first: $first, after: $after, filter: { region: "KG-B" }) {
      pageInfo {
        endCursor
      }
    }
  }
`;
/** The page a response answered. */
const pageOf = (data: Record<string, unknown> | null | undefined) =>
  data?.persons as { edges?: { cursor: string }[]; pageInfo: { endCursor: string | null } };

const EDGE_CURSORS = /* GraphQL */ `
  query ($first: Int!) {
    persons(first: $first, filter: { region: "KG-B" }) {
      edges {
        cursor
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;

describe('migration: persons, the audit of a page', () => {
  const subgraph = useTestSubgraph('migration', createMigrationServer);

  beforeAll(async () => {
    for (const input of [...BATKEN.map((pin) => person(pin, 'KG-B')), person(OSH, 'KG-O')]) {
      const registered = await execute(subgraph.server, REGISTER, { input });
      expect(registered.errors).toBeUndefined();
    }
  });

  // A cursor is the PIN in base64url: selecting cursors alone discloses who is on the page.
  it('records every person of the page when only the end cursor is selected', async () => {
    const { result, events } = await executeAudited(
      subgraph,
      'list-cursor-1',
      CURSOR_ONLY,
      { first: 2 },
      callerAs('LABOUR_OFFICER'),
    );
    expect(result.errors).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      served: ['PersonFilter.region', 'Query.persons'],
      pins: [BATKEN[0], BATKEN[1]],
      outcome: 'ALLOWED',
    });

    const next = await executeAudited(
      subgraph,
      'list-cursor-2',
      CURSOR_ONLY,
      { first: 2, after: pageOf(result.data).pageInfo.endCursor },
      callerAs('LABOUR_OFFICER'),
    );
    expect(next.result.errors).toBeUndefined();
    expect(next.events[0]).toMatchObject({ pins: [BATKEN[2]] });
  });

  it("records every person of the page when only the edges' cursors are selected", async () => {
    const { result, events } = await executeAudited(
      subgraph,
      'list-cursor-3',
      EDGE_CURSORS,
      { first: 3 },
      callerAs('MIGRATION_OFFICER'),
    );
    expect(result.errors).toBeUndefined();
    expect(pageOf(result.data).edges).toHaveLength(3);
    expect(events[0]).toMatchObject({
      served: ['PersonFilter.region', 'Query.persons'],
      pins: BATKEN,
    });
  });

  it('records no person for a refused list', async () => {
    const refused = await executeAudited(
      subgraph,
      'list-cursor-4',
      CURSOR_ONLY,
      { first: 2 },
      callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
    );
    expect(refused.result.data).toBeNull();
    expect(refused.events[0]).toMatchObject({ refused: ['Query.persons'], pins: [] });
  });
});
