import { BadInputError } from "../../domain/errors.js";
import type { Page, PageRequest } from "../../domain/paging.js";
import type { ConnectionShape } from "../types/connection.js";
import type { PageArgs } from "../inputs/page.args.js";

const CURSOR_PREFIX = "id:";

/** Cursors are opaque to clients; inside they hold the id of the item they point at. */
export function encodeCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX) || encodeCursor(text.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw new BadInputError("after", "is not a cursor given by this API");
  }
  return text.slice(CURSOR_PREFIX.length);
}

export function pageRequest(args: PageArgs): PageRequest {
  return { first: args.first, after: args.after == null ? null : decodeCursor(args.after) };
}

export function toConnection<T extends { id: string }>(
  page: Page<T>,
  countAll: () => Promise<number>,
): ConnectionShape<T> {
  let total: Promise<number> | undefined;
  const edges = page.items.map((node) => ({ node, cursor: encodeCursor(node.id) }));
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
