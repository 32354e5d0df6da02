import { describe, expect, test, vi } from "vitest";

import { Access } from "../../src/auth/access.js";
import { Pseudonyms } from "../../src/auth/pseudonyms.js";
import { Role } from "../../src/auth/role.js";
import type { Context } from "../../src/context.js";
import { BadInputError } from "../../src/domain/errors.js";
import type { PageArgs } from "../../src/graphql/inputs/page.args.js";
import { listScope, pageRequest, sortedPageRequest, toConnection } from "../../src/graphql/resolvers/paging.js";

const SECRET = "cursors-of-the-unit-test-0123456789abcdef";
const NOT_A_CURSOR = 'Invalid argument "after": is not a cursor given by this API';
const ANOTHER_LIST = 'Invalid argument "after": is a cursor of another list, order, filter or role; start again without it';

/** A context holding only what paging uses: the viewer's access. */
function context(role: Role, secret = SECRET): Context {
  return { access: new Access({ subject: `token:${role}`, role, method: "token" }, new Pseudonyms(secret)) } as Context;
}

const analyst = context(Role.ANALYST);
const SCOPE = listScope("persons", "ID", { nationality: null, ids: null });

function args(first: number, after: string | null | undefined): PageArgs {
  return { first, after } as PageArgs;
}

/** The cursors of a page of `ids` in SCOPE, as `ctx` gets them. */
function cursorsOf(ids: string[], ctx = analyst, scope = SCOPE): string[] {
  return toConnection(ctx, scope, { items: ids.map((id) => ({ id })), hasNextPage: false }, async () => 0).edges.map((edge) => edge.cursor);
}

/** The error a cursor must give, or the test fails with what happened instead. */
function refusal(read: () => unknown): BadInputError {
  try {
    read();
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error("the cursor was accepted");
}

describe("cursors are sealed", () => {
  const ids = ["a", "seizure:2019:0001", "物种:穿山甲", "KIND:+84 90 123 4567", "person-42"];

  test.each(ids)("the cursor of %s leads back to it and shows nothing of it", (id) => {
    const [cursor] = cursorsOf([id]);
    expect(pageRequest(analyst, SCOPE, args(3, cursor))).toStrictEqual({ first: 3, after: id });
    const decoded = [Buffer.from(cursor, "base64url").toString("utf8"), Buffer.from(cursor, "base64").toString("latin1")];
    for (const text of decoded) expect(text).not.toContain(id.slice(0, 3));
  });

  test("the same position in the same list gives the same cursor; lengths do not follow the id's", () => {
    expect(cursorsOf(["a"])).toStrictEqual(cursorsOf(["a"]));
    const lengths = new Set(cursorsOf(["a", "ab", "abcdefghijklmnopqrstuvwxyz"]).map((cursor) => cursor.length));
    expect(lengths.size).toBe(1);
  });

  test.each([
    { case: "garbage", cursor: "!!!" },
    { case: "the empty string", cursor: "" },
    { case: "base64 of an id", cursor: Buffer.from("id:seizure-1").toString("base64url") },
    { case: "the old sorted form", cursor: Buffer.from('sorted:["persons:NAME:ASC","Nguyen","p-1"]').toString("base64url") },
    { case: "padding added", cursor: `${cursorsOf(["a"])[0]}==` },
    { case: "the standard alphabet", cursor: Buffer.from(cursorsOf(["a"])[0], "base64url").toString("base64") + "+" },
    { case: "one bit changed", cursor: flipBit(cursorsOf(["a"])[0]) },
    { case: "another secret's", cursor: cursorsOf(["a"], context(Role.ANALYST, "another-secret-0123456789abcdefghij"))[0] },
  ])("$case is refused as not a cursor, naming after", ({ cursor }) => {
    const error = refusal(() => pageRequest(analyst, SCOPE, args(3, cursor)));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.argument).toBe("after");
    expect(error.message).toBe(NOT_A_CURSOR);
  });

  test.each([
    { case: "another role", ctx: context(Role.INVESTIGATOR), scope: SCOPE },
    { case: "another filter", ctx: analyst, scope: listScope("persons", "ID", { nationality: "VN", ids: null }) },
    { case: "another order", ctx: analyst, scope: listScope("persons", "SEIZURE_COUNT:DESC", { nationality: null, ids: null }) },
    { case: "another list", ctx: analyst, scope: listScope("companies", "ID", { nationality: null, ids: null }) },
  ])("a cursor used by $case is refused as another list's", ({ ctx, scope }) => {
    const [cursor] = cursorsOf(["a"]);
    expect(refusal(() => pageRequest(ctx, scope, args(3, cursor))).message).toBe(ANOTHER_LIST);
  });

  test("a sorted cursor holds the sort value too, and is refused by the id order", () => {
    const scope = listScope("persons", "SEIZURE_COUNT:DESC", {});
    const connection = toConnection(analyst, scope, { items: [{ id: "p-1" }, { id: "p-2" }], hasNextPage: true }, async () => 2, (index) => [5, 3][index]);
    expect(sortedPageRequest(analyst, scope, args(7, connection.pageInfo.endCursor))).toStrictEqual({ first: 7, after: { id: "p-2", value: 3 } });
    expect(sortedPageRequest(analyst, scope, args(7, null))).toStrictEqual({ first: 7, after: null });
    expect(refusal(() => pageRequest(analyst, SCOPE, args(7, connection.pageInfo.endCursor))).message).toBe(ANOTHER_LIST);
  });
});

describe("toConnection", () => {
  test("an empty page has no edges and null cursors", () => {
    const connection = toConnection(analyst, SCOPE, { items: [], hasNextPage: false }, async () => 0);
    expect(connection.edges).toStrictEqual([]);
    expect(connection.pageInfo).toStrictEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  test("a page has one edge per item, in order, and the cursors of its first and last", () => {
    const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const connection = toConnection(analyst, SCOPE, { items, hasNextPage: true }, async () => 3);
    expect(connection.edges.map((edge) => edge.node)).toStrictEqual(items);
    expect(connection.edges.map((edge) => pageRequest(analyst, SCOPE, args(1, edge.cursor)).after)).toStrictEqual(["a", "b", "c"]);
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[2].cursor);
    expect(connection.pageInfo.hasNextPage).toBe(true);
  });

  test("totalCount calls the count function only when read", async () => {
    const countAll = vi.fn(async () => 42);
    const connection = toConnection(analyst, SCOPE, { items: [{ id: "a" }], hasNextPage: true }, countAll);
    void connection.edges;
    expect(countAll).toHaveBeenCalledTimes(0);
    await expect(connection.totalCount).resolves.toBe(42);
    expect(countAll).toHaveBeenCalledTimes(1);
  });
});

function flipBit(cursor: string): string {
  const bytes = Buffer.from(cursor, "base64url");
  bytes[bytes.length - 1] ^= 1;
  return bytes.toString("base64url");
}
