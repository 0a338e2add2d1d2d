import { GraphQLError } from 'graphql';
import { createErrorFormatter } from './format-error';
import type { Logger } from './logger';

const log = { error: jest.fn() } as unknown as Logger;

describe('createErrorFormatter', () => {
  it('keeps a client error but not the name of the subgraph that raised it', () => {
    const raised = new GraphQLError('You may not read or write Mutation.recordScreening', {
      path: ['recordScreening'],
      extensions: { code: 'FORBIDDEN', serviceName: 'health' },
    });
    expect(createErrorFormatter(log)(raised.toJSON(), raised)).toEqual({
      message: 'You may not read or write Mutation.recordScreening',
      path: ['recordScreening'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('keeps the fields a client error names for the client', () => {
    const raised = new GraphQLError('name must be 1-100 characters', {
      extensions: { code: 'BAD_USER_INPUT', field: 'name', stacktrace: ['at x (/work/a.ts:1:1)'] },
    });
    expect(createErrorFormatter(log)(raised.toJSON(), raised)).toEqual({
      message: 'name must be 1-100 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });
});
