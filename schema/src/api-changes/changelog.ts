/**
 * schema/CHANGELOG.md, the record of the client-facing API's releases. Its `## Unreleased`
 * section lists, under `### Breaking`, each breaking change since the last release as a bullet
 * that starts with the inspector's message or the change's path in backticks, followed by what
 * clients should do:
 *
 *   - `Query.oldField`: removed; read `Query.newField` instead.
 *
 * A release (`npm run schema:release -- <version>`) turns `Unreleased` into `## <version>` and
 * opens an empty one.
 */
import type { Declaration } from './check';

export const UNRELEASED_HEADING = '## Unreleased';
const EMPTY_UNRELEASED = `${UNRELEASED_HEADING}\n\n### Breaking\n\nNone.\n`;

/** The lines of the Unreleased section (without its heading), and where that section lies. */
function unreleasedSection(changelog: string): { start: number; end: number; body: string } {
  const start = changelog.indexOf(`${UNRELEASED_HEADING}\n`);
  if (start < 0) throw new Error(`schema/CHANGELOG.md has no "${UNRELEASED_HEADING}" section`);
  const bodyStart = start + UNRELEASED_HEADING.length + 1;
  const next = changelog.indexOf('\n## ', bodyStart);
  const end = next < 0 ? changelog.length : next + 1;
  return { start, end, body: changelog.slice(bodyStart, end) };
}

/** The breaking changes the Unreleased section declares. */
export function unreleasedDeclarations(changelog: string): Declaration[] {
  const { body } = unreleasedSection(changelog);
  const declarations: Declaration[] = [];
  let inBreaking = false;
  for (const line of body.split('\n')) {
    if (line.startsWith('### ')) inBreaking = line.trim() === '### Breaking';
    else if (inBreaking && line.startsWith('- ')) {
      const key = /^- `([^`]+)`/.exec(line)?.[1];
      if (!key)
        throw new Error(`schema/CHANGELOG.md: a breaking entry must start with \`...\`: ${line}`);
      declarations.push({ key, line });
    }
  }
  return declarations;
}

/** The changelog with Unreleased released as `version` on `date` and a fresh Unreleased above. */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  if (changelog.includes(`\n## ${version} `) || changelog.includes(`\n## ${version}\n`)) {
    throw new Error(`schema/CHANGELOG.md already has a release ${version}`);
  }
  const { start, end, body } = unreleasedSection(changelog);
  const released = `## ${version} (${date})\n${body.trimEnd()}\n\n`;
  return `${changelog.slice(0, start)}${EMPTY_UNRELEASED}\n${released}${changelog.slice(end)}`.replace(
    /\n+$/,
    '\n',
  );
}
