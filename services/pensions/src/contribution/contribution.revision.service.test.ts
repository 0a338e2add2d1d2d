import { describeRevisions, execute, useTestSubgraph } from '@jol/testkit/service';
import { createPensionsServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordContributionInput!) {
    recordContribution(input: $input) {
      id
    }
  }
`;

describe('pensions: correcting and voiding contributions', () => {
  const subgraph = useTestSubgraph('pensions', createPensionsServer);

  describeRevisions(subgraph, {
    entity: 'PensionContribution',
    collection: 'pension_contributions',
    correct: 'correctPensionContribution',
    void: 'voidPensionContribution',
    inputType: 'RecordContributionInput',
    fields: 'pin paidOn periodMonth amount currency kind',
    personField: 'contributions',
    firstPin: 200,
    record: async (pin, nth = 0) => {
      const month = String(nth + 1).padStart(2, '0');
      const input = {
        pin,
        paidOn: `2023-${month}-15`,
        periodMonth: `2023-${month}`,
        amount: '1250.00',
        currency: 'KGS',
        kind: 'MANDATORY',
      };
      const result = await execute(subgraph.server, RECORD, { input });
      expect(result.errors).toBeUndefined();
      return { id: result.data?.recordContribution.id as string, input };
    },
    // The amount mistyped, then mistyped back.
    corrected: (input) => ({
      ...input,
      amount: input.amount === '1250.00' ? '1520.00' : '1250.00',
    }),
    invalid: [
      ['an amount of zero', (input) => ({ ...input, amount: '0.00' }), 'amount'],
      [
        'a period after the month paid',
        (input) => ({ ...input, periodMonth: '2023-12' }),
        'periodMonth',
      ],
      ['a payment in the future', (input) => ({ ...input, paidOn: '2999-01-01' }), 'paidOn'],
    ],
  });
});
