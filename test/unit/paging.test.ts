import { describe, expect, test, vi } from "vitest";

import { BadInputError } from "../../src/domain/errors.js";
import {
  decodeCursor,
  decodeSortedCursor,
  encodeCursor,
  encodeSortedCursor,
  pageRequest,
  sortedPageRequest,
  toConnection,
} from "../../src/graphql/resolvers/paging.js";
import type { PageArgs } from "../../src/graphql/inputs/page.args.js";

/** The error `decodeCursor` must throw, or the test fails with what it threw instead. */
function decodeError(cursor: string): BadInputError {
  try {
    decodeCursor(cursor);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error(`decodeCursor(${JSON.stringify(cursor)}) returned instead of throwing`);
}

/** The error `decodeSortedCursor` must throw for `order`. */
function sortedDecodeError(cursor: string, order: string): BadInputError {
  try {
    decodeSortedCursor(cursor, order);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error(`decodeSortedCursor(${JSON.stringify(cursor)}) returned instead of throwing`);
}

const OTHER_ORDER = 'Invalid argument "after": is a cursor of another order of this list; start again without it';
const NOT_A_CURSOR = 'Invalid argument "after": is not a cursor given by this API';

function args(first: number, after: string | null | undefined): PageArgs {
  return { first, after } as PageArgs;
}

describe("encodeCursor / decodeCursor", () => {
  // Cursors are handed to clients, so their text is a contract: pinned here, not recomputed.
  test.each([
    { id: "a", cursor: "aWQ6YQ" },
    { id: "", cursor: "aWQ6" },
    { id: "seizure:2019:0001", cursor: "aWQ6c2VpenVyZToyMDE5OjAwMDE" },
    { id: "物种:穿山甲", cursor: "aWQ654mp56eNOuepv-WxseeUsg" },
    { id: "🦏:rhino", cursor: "aWQ68J-mjzpyaGlubw" },
    { id: "KIND:+84 90 123 4567", cursor: "aWQ6S0lORDorODQgOTAgMTIzIDQ1Njc" },
    { id: "??>", cursor: "aWQ6Pz8-" },
  ])("$id ⇄ $cursor", ({ id, cursor }) => {
    expect(encodeCursor(id)).toBe(cursor);
    expect(decodeCursor(cursor)).toBe(id);
  });

  test.each([
    { case: "garbage", cursor: "!!!" },
    { case: "words", cursor: "not a cursor" },
    { case: "the empty string", cursor: "" },
    { case: "base64 of an id without the prefix", cursor: Buffer.from("seizure-1").toString("base64url") },
    { case: "base64 of another prefix", cursor: Buffer.from("offset:20").toString("base64url") },
    { case: "padding added", cursor: "aWQ6YQ==" },
    { case: "non-zero trailing bits", cursor: "aWQ6YR" },
    { case: "the standard base64 alphabet", cursor: "aWQ6Pz8+" },
    { case: "whitespace inside", cursor: "aWQ6 YQ" },
  ])("$case ($cursor) is refused, naming the argument after", ({ cursor }) => {
    const error = decodeError(cursor);
    expect(error.argument).toBe("after");
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe('Invalid argument "after": is not a cursor given by this API');
  });
});

describe("pageRequest", () => {
  test.each([
    { case: "no cursor", given: args(20, null), expected: { first: 20, after: null } },
    { case: "cursor left out", given: args(5, undefined), expected: { first: 5, after: null } },
    { case: "a cursor", given: args(1, "aWQ6c2VpenVyZToyMDE5OjAwMDE"), expected: { first: 1, after: "seizure:2019:0001" } },
    { case: "the largest page", given: args(100, "aWQ6YQ"), expected: { first: 100, after: "a" } },
  ])("$case", ({ given, expected }) => {
    expect(pageRequest(given)).toStrictEqual(expected);
  });

  test("a cursor this API did not give is BAD_USER_INPUT on after", () => {
    expect(() => pageRequest(args(10, "bm9wZQ"))).toThrow(
      new BadInputError("after", "is not a cursor given by this API"),
    );
  });
});

describe("toConnection", () => {
  test("an empty page has no edges and null cursors", () => {
    const connection = toConnection({ items: [], hasNextPage: false }, async () => 0);
    expect(connection.edges).toStrictEqual([]);
    expect(connection.pageInfo).toStrictEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  test("a full page has one edge per item, in order, and cursors of the first and last", () => {
    const items = [{ id: "a" }, { id: "seizure:2019:0001" }, { id: "??>" }];
    const connection = toConnection({ items, hasNextPage: true }, async () => 3);
    expect(connection.edges).toStrictEqual([
      { node: items[0], cursor: "aWQ6YQ" },
      { node: items[1], cursor: "aWQ6c2VpenVyZToyMDE5OjAwMDE" },
      { node: items[2], cursor: "aWQ6Pz8-" },
    ]);
    expect(connection.pageInfo).toStrictEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: "aWQ6YQ",
      endCursor: "aWQ6Pz8-",
    });
  });

  test("a page of one has the same start and end cursor", () => {
    const connection = toConnection({ items: [{ id: "a" }], hasNextPage: false }, async () => 1);
    expect(connection.pageInfo).toStrictEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: "aWQ6YQ",
      endCursor: "aWQ6YQ",
    });
  });

  test("the end cursor of a page leads to the next page", () => {
    const connection = toConnection({ items: [{ id: "x1" }, { id: "x2" }], hasNextPage: true }, async () => 9);
    expect(pageRequest(args(2, connection.pageInfo.endCursor))).toStrictEqual({ first: 2, after: "x2" });
  });

  test("totalCount calls the count function only when read", async () => {
    const countAll = vi.fn(async () => 42);
    const connection = toConnection({ items: [{ id: "a" }], hasNextPage: true }, countAll);
    void connection.edges;
    void connection.pageInfo;
    expect(countAll).toHaveBeenCalledTimes(0);
    await expect(connection.totalCount).resolves.toBe(42);
    expect(countAll).toHaveBeenCalledTimes(1);
  });
});

describe("encodeSortedCursor / decodeSortedCursor", () => {
  const ORDER = "persons:SEIZURE_COUNT:DESC";

  // Pinned like the id cursors: clients keep them between requests.
  test.each([
    { value: 3, id: "p-1", cursor: "c29ydGVkOlsicGVyc29uczpTRUlaVVJFX0NPVU5UOkRFU0MiLDMsInAtMSJd" },
    { value: 0, id: "", cursor: "c29ydGVkOlsicGVyc29uczpTRUlaVVJFX0NPVU5UOkRFU0MiLDAsIiJd" },
    { value: "Nguyễn \"Văn\" A", id: "物种:1", cursor: encodeSortedCursor(ORDER, { value: "Nguyễn \"Văn\" A", id: "物种:1" }) },
  ])("($value, $id) round-trips", ({ value, id, cursor }) => {
    expect(encodeSortedCursor(ORDER, { value, id })).toBe(cursor);
    expect(decodeSortedCursor(cursor, ORDER)).toStrictEqual({ value, id });
  });

  test.each([
    { case: "another field", order: "persons:SHIPMENT_COUNT:DESC" },
    { case: "another direction", order: "persons:SEIZURE_COUNT:ASC" },
    { case: "another list", order: "companies:SEIZURE_COUNT:DESC" },
  ])("a cursor used with $case is refused as another order's", ({ order }) => {
    const error = sortedDecodeError(encodeSortedCursor(ORDER, { value: 2, id: "p-9" }), order);
    expect(error.argument).toBe("after");
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(OTHER_ORDER);
  });

  test("an id cursor (the default order's) is refused by a sorted list as another order's", () => {
    expect(sortedDecodeError(encodeCursor("p-9"), ORDER).message).toBe(OTHER_ORDER);
  });

  test("a sorted cursor is refused by a list in the default order as another order's", () => {
    expect(decodeError(encodeSortedCursor(ORDER, { value: 2, id: "p-9" })).message).toBe(OTHER_ORDER);
  });

  test.each([
    { case: "garbage", cursor: "!!!" },
    { case: "the empty string", cursor: "" },
    { case: "not JSON", cursor: Buffer.from("sorted:[oops").toString("base64url") },
    { case: "too few parts", cursor: Buffer.from(`sorted:["${ORDER}",2]`).toString("base64url") },
    { case: "a fractional value", cursor: Buffer.from(`sorted:["${ORDER}",2.5,"p"]`).toString("base64url") },
    { case: "an object value", cursor: Buffer.from(`sorted:["${ORDER}",{},"p"]`).toString("base64url") },
    { case: "a number id", cursor: Buffer.from(`sorted:["${ORDER}",2,7]`).toString("base64url") },
    { case: "JSON spaced otherwise", cursor: Buffer.from(`sorted:["${ORDER}", 2, "p"]`).toString("base64url") },
    { case: "padding added", cursor: `${encodeSortedCursor(ORDER, { value: 2, id: "p" })}==` },
  ])("$case is refused as not a cursor", ({ cursor }) => {
    const error = sortedDecodeError(cursor, ORDER);
    expect(error.argument).toBe("after");
    expect(error.message).toBe(NOT_A_CURSOR);
  });

  test("sortedPageRequest decodes the position, or none without a cursor", () => {
    const cursor = encodeSortedCursor(ORDER, { value: 4, id: "p-2" });
    expect(sortedPageRequest(args(7, cursor), ORDER)).toStrictEqual({ first: 7, after: { value: 4, id: "p-2" } });
    expect(sortedPageRequest(args(7, null), ORDER)).toStrictEqual({ first: 7, after: null });
  });

  test("toConnection gives each edge the cursor made by cursorOf", () => {
    const items = [{ id: "a" }, { id: "b" }];
    const values = [5, 3];
    const connection = toConnection({ items, hasNextPage: true }, async () => 2, (node, index) =>
      encodeSortedCursor(ORDER, { value: values[index], id: node.id }),
    );
    expect(connection.edges.map((edge) => decodeSortedCursor(edge.cursor, ORDER))).toStrictEqual([
      { value: 5, id: "a" },
      { value: 3, id: "b" },
    ]);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[1].cursor);
  });
});
