import { join } from 'node:path';
import { GATEWAY_DIR } from '../graphiql/serve';
import { loadSupergraph } from '../supergraph';
import { measuresOfSupergraph } from './measures';

describe('the measures the dashboard offers', () => {
  const measures = measuresOfSupergraph(
    loadSupergraph(join(GATEWAY_DIR, '..', 'schema', 'supergraph.graphql')),
  );

  it('are the IndicatorTable fields of Indicators, each with the agency that answers it', () => {
    const byName = Object.fromEntries(measures.map((m) => [m.name, m.agency]));
    expect(byName).toMatchObject({
      personsAbroad: 'migration',
      employedAbroad: 'labour',
      activeTbCases: 'health',
      insuredAbroad: 'pensions',
      assistanceCases: 'consular',
    });
    expect(Object.keys(byName)).not.toContain('key');
    expect(Object.keys(byName)).not.toContain('filter');
    expect(new Set(measures.map((m) => m.agency))).toEqual(
      new Set(['migration', 'labour', 'health', 'pensions', 'consular']),
    );
  });

  it('describe what they count, without the disclosure sentence the page states once', () => {
    const abroad = measures.find((m) => m.name === 'personsAbroad')!;
    expect(abroad.description).toMatch(/^Persons abroad on the reference day/);
    expect(abroad.description).not.toContain('cell key');
  });

  it('refuse a supergraph without indicators', () => {
    expect(() => measuresOfSupergraph('type Query { a: Int }')).toThrow('no Indicators type');
  });
});
