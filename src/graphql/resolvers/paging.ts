import { BadInputError } from "../../domain/errors.js";
import type { Page, PageRequest, SortedPageRequest, SortPosition } from "../../domain/paging.js";
import type { ConnectionShape } from "../types/connection.js";
import type { PageArgs } from "../inputs/page.args.js";

const CURSOR_PREFIX = "id:";
const SORTED_CURSOR_PREFIX = "sorted:";

/**
 * Cursors are opaque to clients. In a list in its default order (id ascending) a cursor holds the
 * id of the item it points at; in a list sorted by another value, it holds the order, the item's
 * sort value and its id, so that a page starts exactly after it and a cursor of one order is
 * refused by another.
 */
export function encodeCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX) || encodeCursor(text.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw readSorted(cursor) ? anotherOrder() : notACursor();
  }
  return text.slice(CURSOR_PREFIX.length);
}

/** `order` names the list and its order, such as `persons:SEIZURE_COUNT:DESC`. */
export function encodeSortedCursor(order: string, position: SortPosition): string {
  const text = SORTED_CURSOR_PREFIX + JSON.stringify([order, position.value, position.id]);
  return Buffer.from(text, "utf8").toString("base64url");
}

export function decodeSortedCursor(cursor: string, order: string): SortPosition {
  const sorted = readSorted(cursor);
  if (!sorted) {
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    const isIdCursor = text.startsWith(CURSOR_PREFIX) && encodeCursor(text.slice(CURSOR_PREFIX.length)) === cursor;
    throw isIdCursor ? anotherOrder() : notACursor();
  }
  if (sorted.order !== order) throw anotherOrder();
  return sorted.position;
}

/** A sorted cursor's content, or null when the text is not one this API made. */
function readSorted(cursor: string): { order: string; position: SortPosition } | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(SORTED_CURSOR_PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(SORTED_CURSOR_PREFIX.length));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [order, value, id] = parsed as unknown[];
  if (typeof order !== "string" || typeof id !== "string") return null;
  if (typeof value !== "string" && !Number.isSafeInteger(value)) return null;
  const position = { value: value as string | number, id };
  // Only the exact text this API encodes is accepted (no padding, no other spacing of the JSON).
  return encodeSortedCursor(order, position) === cursor ? { order, position } : null;
}

function notACursor(): BadInputError {
  return new BadInputError("after", "is not a cursor given by this API");
}

function anotherOrder(): BadInputError {
  return new BadInputError("after", "is a cursor of another order of this list; start again without it");
}

export function pageRequest(args: PageArgs): PageRequest {
  return { first: args.first, after: args.after == null ? null : decodeCursor(args.after) };
}

export function sortedPageRequest(args: PageArgs, order: string): SortedPageRequest {
  return { first: args.first, after: args.after == null ? null : decodeSortedCursor(args.after, order) };
}

/** `cursorOf` gives an item's cursor; by default, the id cursor of the default order. */
export function toConnection<T extends { id: string }>(
  page: Page<T>,
  countAll: () => Promise<number>,
  cursorOf: (node: T, index: number) => string = (node) => encodeCursor(node.id),
): ConnectionShape<T> {
  let total: Promise<number> | undefined;
  const edges = page.items.map((node, index) => ({ node, cursor: cursorOf(node, index) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    // Counted once, and only when a client asks for it.
    get totalCount() {
      total ??= countAll();
      return total;
    },
  };
}
