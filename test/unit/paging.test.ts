import { describe, expect, test, vi } from "vitest";

import { BadInputError } from "../../src/domain/errors.js";
import { decodeCursor, encodeCursor, pageRequest, toConnection } from "../../src/graphql/resolvers/paging.js";
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
