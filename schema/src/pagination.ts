import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

/** Cursors are opaque to clients: base64url of the sort key of the last item seen. */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:') || encodeCursor(text.slice(2)) !== cursor) {
    throw badUserInput(field, cursor, 'must be a cursor returned by an earlier page');
  }
  return text.slice(2);
}

/** Page sizes are bounded so that one request cannot ask for the whole registry. */
export const MAX_PAGE_SIZE = 200;

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(field, first, `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a cursor connection ends.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
