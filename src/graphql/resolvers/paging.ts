import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import type { Page, PageRequest, SortedPageRequest, SortPosition } from "../../domain/paging.js";
import type { ConnectionShape } from "../types/connection.js";
import type { PageArgs } from "../inputs/page.args.js";

/**
 * Cursors are opaque: each is sealed by the viewer's access (src/auth/cursors.ts) with the list it
 * belongs to, its `scope` (the list, its order and its filter, or a relationship field and its
 * parent), so nothing can be read from a cursor, and one of another list, order, filter or role is
 * refused. A cursor holds the id of the item it points at, and in a list sorted by another value
 * that value too, so that a page starts exactly after it.
 */
export function pageRequest(ctx: Context, scope: string, args: PageArgs): PageRequest {
  if (args.after == null) return { first: args.first, after: null };
  const [id] = ctx.access.position(scope, args.after);
  if (typeof id !== "string") throw notACursor();
  return { first: args.first, after: id };
}

export function sortedPageRequest(ctx: Context, scope: string, args: PageArgs): SortedPageRequest {
  if (args.after == null) return { first: args.first, after: null };
  const [id, value] = ctx.access.position(scope, args.after);
  if (typeof id !== "string" || (typeof value !== "string" && !Number.isSafeInteger(value))) throw notACursor();
  return { first: args.first, after: { id, value: value as SortPosition["value"] } };
}

/** The scope of a list's cursors: its name, its order and its parameters. */
export function listScope(list: string, order: string, parameters: unknown): string {
  return JSON.stringify([list, order, parameters]);
}

/**
 * A page as a Relay connection with cursors of `scope`. `sortValueOf` gives an item's sort value
 * in a list sorted by something other than its id.
 */
export function toConnection<T extends { id: string }>(
  ctx: Context,
  scope: string,
  page: Page<T>,
  countAll: () => Promise<number>,
  sortValueOf?: (index: number) => SortPosition["value"],
): ConnectionShape<T> {
  let total: Promise<number> | undefined;
  // Sealing a cursor costs an HMAC and an AES pass: each is made when a client reads it, once.
  const cursorAt = memoized((index: number) => {
    const node = page.items[index];
    return ctx.access.cursor(scope, sortValueOf ? [node.id, sortValueOf(index)] : [node.id]);
  });
  const edges = page.items.map((node, index) => ({
    node,
    get cursor() {
      return cursorAt(index);
    },
  }));
  const last = page.items.length - 1;
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      get startCursor() {
        return last >= 0 ? cursorAt(0) : null;
      },
      get endCursor() {
        return last >= 0 ? cursorAt(last) : null;
      },
    },
    // Counted once, and only when a client asks for it.
    get totalCount() {
      total ??= countAll();
      return total;
    },
  };
}

function memoized<R>(make: (index: number) => R): (index: number) => R {
  const made = new Map<number, R>();
  return (index) => {
    if (!made.has(index)) made.set(index, make(index));
    return made.get(index)!;
  };
}

function notACursor(): BadInputError {
  return new BadInputError("after", "is not a cursor given by this API");
}
