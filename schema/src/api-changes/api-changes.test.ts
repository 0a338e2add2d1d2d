import { checkApiChanges, describeChange } from './check';
import { releaseChangelog, unreleasedDeclarations } from './changelog';
import { readApiFiles } from './files';

describe('the client-facing API against the last released contract', () => {
  it('breaks nothing schema/CHANGELOG.md does not declare, and declares nothing that did not change', async () => {
    const files = readApiFiles();
    const report = await checkApiChanges(
      files.baseline,
      files.current,
      unreleasedDeclarations(files.changelog),
    );
    if (report.dangerous.length > 0) {
      console.warn(
        `Dangerous API changes since the last release (allowed; say so in the changelog):\n${report.dangerous.map((c) => `- ${describeChange(c)}`).join('\n')}`,
      );
    }
    // Listed by name so that the failure says which change to declare (or which line to drop).
    expect({
      undeclaredBreaking: report.undeclared.map(describeChange),
      staleDeclarations: report.stale.map((d) => d.line),
    }).toEqual({ undeclaredBreaking: [], staleDeclarations: [] });
  });
});

const BASELINE = /* GraphQL */ `
  enum Status {
    OPEN
    CLOSED
  }
  type Case {
    id: ID!
    status: Status!
    country: String
  }
  type Query {
    case(id: ID!): Case
    cases(first: Int): [Case!]!
  }
`;

const changelogWith = (breaking: string) =>
  `# Changes\n\n## Unreleased\n\n### Breaking\n\n${breaking}\n\n### Other\n\n- \`Case.note\`: added.\n\n## 0.1.0 (2026-01-01)\n\nFirst.\n`;

describe('checkApiChanges', () => {
  it('reports a removed field as an undeclared breaking change', async () => {
    const current = BASELINE.replace('    country: String\n', '');
    const report = await checkApiChanges(BASELINE, current, []);
    expect(report.undeclared.map((c) => c.path)).toEqual(['Case.country']);
    expect(report.undeclared[0]!.message).toBe(
      "Field 'country' was removed from object type 'Case'",
    );
  });

  it('accepts a breaking change declared by its path or by the inspector message', async () => {
    const current = BASELINE.replace('    country: String\n', '');
    for (const key of ['Case.country', "Field 'country' was removed from object type 'Case'"]) {
      const report = await checkApiChanges(BASELINE, current, [{ key, line: `- \`${key}\`` }]);
      expect(report.undeclared).toEqual([]);
      expect(report.stale).toEqual([]);
      expect(report.declared.map((c) => c.path)).toEqual(['Case.country']);
    }
  });

  it('reports a declaration that names no breaking change as stale', async () => {
    const declaration = { key: 'Case.status', line: '- `Case.status`: made optional.' };
    const report = await checkApiChanges(BASELINE, BASELINE, [declaration]);
    expect(report.stale).toEqual([declaration]);
    expect(report.undeclared).toEqual([]);
  });

  it('counts a declaration of a change that is not breaking as stale', async () => {
    const current = BASELINE.replace(
      '    country: String\n',
      '    country: String\n    note: String\n',
    );
    const declaration = { key: 'Case.note', line: '- `Case.note`' };
    const report = await checkApiChanges(BASELINE, current, [declaration]);
    expect(report.stale).toEqual([declaration]);
    expect(report.safe.map((c) => c.path)).toContain('Case.note');
  });

  it('finds a narrowed argument, a removed enum value and a changed field type as breaking', async () => {
    const current = BASELINE.replace('cases(first: Int)', 'cases(first: Int!)')
      .replace('    CLOSED\n', '')
      .replace('case(id: ID!): Case', 'case(id: ID!): String');
    const report = await checkApiChanges(BASELINE, current, []);
    expect(report.undeclared.map((c) => c.path).sort()).toEqual(
      ['Query.case', 'Query.cases.first', 'Status.CLOSED'].sort(),
    );
  });

  it('allows a dangerous change (a new enum value) without a declaration', async () => {
    const current = BASELINE.replace('    CLOSED\n', '    CLOSED\n    SUSPENDED\n');
    const report = await checkApiChanges(BASELINE, current, []);
    expect(report.undeclared).toEqual([]);
    expect(report.dangerous.map((c) => c.path)).toEqual(['Status.SUSPENDED']);
  });
});

describe('schema/CHANGELOG.md', () => {
  it('declares the Breaking entries of Unreleased only', () => {
    const changelog = changelogWith(
      "- `Case.country`: removed; read the registration's country.\n- `Field 'id' was removed from object type 'Case'`: gone.",
    ).replace('First.', '### Breaking\n\n- `Query.old`: an earlier release.');
    expect(unreleasedDeclarations(changelog).map((d) => d.key)).toEqual([
      'Case.country',
      "Field 'id' was removed from object type 'Case'",
    ]);
    expect(unreleasedDeclarations(changelogWith('None.'))).toEqual([]);
  });

  it('refuses a breaking entry that names no change in backticks', () => {
    expect(() => unreleasedDeclarations(changelogWith('- Case.country was removed'))).toThrow(
      /must start with/,
    );
  });

  it('on release, files Unreleased under the version and opens an empty Unreleased', () => {
    const released = releaseChangelog(
      changelogWith('- `Case.country`: removed.'),
      '0.2.0',
      '2026-12-01',
    );
    expect(released).toBe(
      '# Changes\n\n## Unreleased\n\n### Breaking\n\nNone.\n\n## 0.2.0 (2026-12-01)\n\n### Breaking\n\n- `Case.country`: removed.\n\n### Other\n\n- `Case.note`: added.\n\n## 0.1.0 (2026-01-01)\n\nFirst.\n',
    );
    expect(unreleasedDeclarations(released)).toEqual([]);
    expect(() => releaseChangelog(released, '0.2.0', '2026-12-02')).toThrow(/already/);
  });
});
