import { describeRevisions, execute, useTestSubgraph } from '@jol/testkit/service';
import { createHealthServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordScreeningInput!) {
    recordScreening(input: $input) {
      id
    }
  }
`;

describe('health: correcting and voiding screenings', () => {
  const subgraph = useTestSubgraph('health', createHealthServer);

  describeRevisions(subgraph, {
    entity: 'HealthScreening',
    collection: 'health_screenings',
    correct: 'correctHealthScreening',
    void: 'voidHealthScreening',
    inputType: 'RecordScreeningInput',
    fields: 'pin kind result screenedOn facility',
    personField: 'screenings',
    firstPin: 300,
    record: async (pin, nth = 0) => {
      const input = {
        pin,
        kind: 'TB',
        result: 'NEGATIVE',
        screenedOn: `2024-0${nth + 1}-10`,
        facility: 'Bishkek City TB Centre',
      };
      const result = await execute(subgraph.server, RECORD, { input });
      expect(result.errors).toBeUndefined();
      return { id: result.data?.recordScreening.id as string, input };
    },
    // The result keyed wrongly, then keyed back.
    corrected: (input) => ({
      ...input,
      result: input.result === 'NEGATIVE' ? 'POSITIVE' : 'NEGATIVE',
    }),
    invalid: [
      [
        'a screening in the future',
        (input) => ({ ...input, screenedOn: '2999-01-01' }),
        'screenedOn',
      ],
      ['a blank facility', (input) => ({ ...input, facility: '   ' }), 'facility'],
      [
        'a facility name too long',
        (input) => ({ ...input, facility: 'x'.repeat(151) }),
        'facility',
      ],
    ],
  });
});
