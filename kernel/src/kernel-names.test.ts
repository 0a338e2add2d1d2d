import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MEMBER_NAMES } from '@jol/schema';

/**
 * The kernel knows no agency: what a member brings is declared in the register (@jol/schema), and
 * the runtime and the statistics engine read the composed tables.
 */
const KERNEL_SOURCES = [__dirname, join(__dirname, '..', '..', 'statistics', 'src')];

/** Words that name an agency of today's federation, or one that is joining. */
const AGENCY_WORDS = /migration|labour|health(?!z)|pension|social fund|consular/i;

/** Every kernel source file (tests aside: they exercise the federation's policy as registered). */
function kernelFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return kernelFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Lines that name a member: an agency word anywhere, a declared name as a literal or a key. */
export function agencyMentions(source: string, names: readonly string[]): number[] {
  const quoted = names.map((n) => new RegExp(`(['"\`])${n}\\1|\\b${n}\\s*:`));
  return source
    .split('\n')
    .flatMap((line, i) =>
      AGENCY_WORDS.test(line) || quoted.some((re) => re.test(line)) ? [i + 1] : [],
    );
}

describe('the kernel', () => {
  it('names no agency in the runtime or the statistics engine', () => {
    const found = KERNEL_SOURCES.flatMap(kernelFiles).flatMap((path) =>
      agencyMentions(readFileSync(path, 'utf8'), MEMBER_NAMES).map(
        (line) => `${relative(join(__dirname, '..', '..'), path)}:${line}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('finds agency words, and declared names written as literals or keys', () => {
    const names = ['PENSION_OFFICER', 'PARTNER', 'employmentDetail'];
    expect(agencyMentions('// the Social Fund keeps it', names)).toEqual([1]);
    expect(agencyMentions('x\nconst to = `subscribeToHealthEvents`;', names)).toEqual([2]);
    expect(agencyMentions("roles.includes('PARTNER')", names)).toEqual([1]);
    expect(agencyMentions('{ employmentDetail: 1 }', names)).toEqual([1]);
    expect(agencyMentions("app.get('/healthz')\nInstitutionKind.PARTNER", names)).toEqual([]);
  });

  it('reads member names from the register, not from a list of its own', () => {
    const names = MEMBER_NAMES;
    expect(names).toEqual(
      expect.arrayContaining(['PARTNER', 'employmentDetail', 'PERSON_RETURNED']),
    );
    expect(names).not.toContain('DATA_SUBJECT');
    expect(names).not.toContain('identity');
  });
});
