import { createHmac } from "node:crypto";

import { buildSchema, isInputType, parse, typeFromAST, type GraphQLInputType, type OperationDefinitionNode } from "graphql";
import { describe, expect, test } from "vitest";

import { keyedHasher } from "../../src/audit/audit-key.js";
import { canonicalJson, RECURSION_LIMIT } from "../../src/audit/canonical-json.js";
import { MAX_REDACTED_DEPTH, redactVariables } from "../../src/audit/redact-variables.js";

/**
 * Which variable values the audit trail keeps in clear. Expected hashes are HMAC-SHA256 of the
 * value's JSON text, computed here with node:crypto.
 */
const KEY = Buffer.alloc(32, 7);
const hash = keyedHasher(KEY);
const hmac = (value: unknown, key = KEY) => `hmac:${createHmac("sha256", key).update(JSON.stringify(value)).digest("hex")}`;

const schema = buildSchema(`
  scalar CountryCode
  scalar LocalDate
  enum Kind { PERSON COMPANY }
  input Contact { phone: String, id: ID }
  input Chain { next: Chain, name: String }
  input Filter {
    country: CountryCode
    dateFrom: LocalDate
    name: String
    kinds: [Kind!]
    contact: Contact
    contacts: [Contact!]
    first: Int
    ratio: Float
    exact: Boolean
  }
  type Query { find(filter: Filter, query: String, id: ID, first: Int, kind: Kind, chain: Chain): Int }
`);

function typesOf(operation: string): Map<string, GraphQLInputType> {
  const definition = parse(operation).definitions[0] as OperationDefinitionNode;
  const types = new Map<string, GraphQLInputType>();
  for (const variable of definition.variableDefinitions ?? []) {
    const type = typeFromAST(schema, variable.type);
    if (type && isInputType(type)) types.set(variable.variable.name.value, type);
  }
  return types;
}

const OPERATION = `query ($filter: Filter, $query: String!, $id: ID, $first: Int, $kind: Kind, $kinds: [Kind!]) {
  find(filter: $filter, query: $query, id: $id, first: $first, kind: $kind)
}`;
const types = typesOf(OPERATION);

describe("redactVariables", () => {
  test("numbers, flags, enum values, country codes and dates are kept; strings and ids are hashed, nested too", () => {
    const variables = {
      query: "Nguyễn Văn An",
      id: "fixture-person-1",
      first: 20,
      kind: "PERSON",
      kinds: ["PERSON", "COMPANY"],
      filter: {
        country: "vn",
        dateFrom: "2019-04-08",
        name: "Li Wei",
        kinds: ["COMPANY"],
        contact: { phone: "+84912000111", id: "PHONE:+84912000111" },
        contacts: [{ phone: "+8562055500011" }, null],
        first: 5,
        ratio: 0.5,
        exact: false,
      },
    };
    expect(redactVariables(variables, types, hash)).toEqual({
      query: hmac("Nguyễn Văn An"),
      id: hmac("fixture-person-1"),
      first: 20,
      kind: "PERSON",
      kinds: ["PERSON", "COMPANY"],
      filter: {
        country: "vn",
        dateFrom: "2019-04-08",
        name: hmac("Li Wei"),
        kinds: ["COMPANY"],
        contact: { phone: hmac("+84912000111"), id: hmac("PHONE:+84912000111") },
        contacts: [{ phone: hmac("+8562055500011") }, null],
        first: 5,
        ratio: 0.5,
        exact: false,
      },
    });
  });

  test("equal values give equal hashes; another key gives others", () => {
    const a = redactVariables({ query: "+84912000111" }, types, hash);
    const b = redactVariables({ query: "+84912000111" }, types, hash);
    const other = redactVariables({ query: "+84912000111" }, types, keyedHasher(Buffer.alloc(32, 9)));
    expect(a).toEqual(b);
    expect(other.query).toBe(hmac("+84912000111", Buffer.alloc(32, 9)));
    expect(other.query).not.toBe(a.query);
  });

  test.each([
    { name: "a country code that is not two letters", variables: { filter: { country: "Li Wei" } }, path: ["filter", "country"] },
    { name: "a date that is not YYYY-MM-DD", variables: { filter: { dateFrom: "born 1971, Li Wei" } }, path: ["filter", "dateFrom"] },
    { name: "a string where an Int is declared", variables: { first: "+84912000111" }, path: ["first"] },
    { name: "a name that is not in the enum", variables: { kind: "Li Wei" }, path: ["kind"] },
    { name: "a scalar where an input object is declared", variables: { filter: "Li Wei" }, path: ["filter"] },
  ])("values that do not have their type's form are hashed: $name", ({ variables, path }) => {
    const redacted = redactVariables(variables, types, hash) as Record<string, any>;
    const sent = path.reduce<any>((value, key) => value[key], variables);
    expect(path.reduce<any>((value, key) => value[key], redacted)).toBe(hmac(sent));
  });

  test("an input object with a field its type does not have is hashed whole", () => {
    const filter = { first: 3, "Li Wei": true };
    expect(redactVariables({ filter }, types, hash)).toEqual({ filter: hmac({ "Li Wei": true, first: 3 }) });
  });

  test("undeclared variables, and every variable when the operation's types are unknown, are hashed whole", () => {
    expect(redactVariables({ first: 3, extra: { phone: "+84912000111" } }, types, hash)).toEqual({
      first: 3,
      extra: hmac({ phone: "+84912000111" }),
    });
    expect(redactVariables({ first: 3, query: "Li Wei" }, undefined, hash)).toEqual({ first: hmac(3), query: hmac("Li Wei") });
  });

  test("null stays null; no variables give an empty object", () => {
    expect(redactVariables({ query: null, filter: { name: null } }, types, hash)).toEqual({ query: null, filter: { name: null } });
    expect(redactVariables(undefined, types, hash)).toEqual({});
    expect(redactVariables(null, types, hash)).toEqual({});
  });
});

/** A value nested `depth` levels deep, lists and objects in turn, with a personal value at the bottom. */
function nested(depth: number): unknown {
  let value: unknown = "+84912000111";
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { inner: value };
  return value;
}

describe("deeply nested values", () => {
  test("an undeclared variable nested 10,000 levels deep is hashed whole, as its JSON text", () => {
    const deep = nested(10_000);
    const redacted = redactVariables({ extra: deep }, types, hash);
    expect(redacted.extra).toBe(`hmac:${createHmac("sha256", KEY).update(canonicalJson(deep)).digest("hex")}`);
  });

  test("a recursive input type is followed to a bound, then the rest is hashed whole", () => {
    const chainTypes = typesOf(`query ($chain: Chain) { find(chain: $chain) }`);
    let chain: Record<string, unknown> = { name: "Li Wei" };
    for (let level = 0; level < 10_000; level++) chain = { next: chain };
    const redacted = redactVariables({ chain }, chainTypes, hash) as Record<string, any>;
    let walked = redacted.chain;
    let sent: unknown = chain;
    for (let level = 0; level <= MAX_REDACTED_DEPTH; level++) {
      walked = walked.next;
      sent = (sent as Record<string, unknown>).next;
    }
    // Hashed whole: JSON.stringify itself would overflow on what is left, so the expected hash is over canonicalJson.
    expect(walked).toBe(`hmac:${createHmac("sha256", KEY).update(canonicalJson(sent)).digest("hex")}`);
    expect(redacted.chain.next.next).toEqual({ next: expect.anything() });
  });
});

describe("canonicalJson", () => {
  test.each([
    ["a scalar", "é\"", JSON.stringify("é\"")],
    ["keys sorted, undefined left out", { b: 1, a: { d: undefined, c: [true, null] } }, '{"a":{"c":[true,null]},"b":1}'],
    ["undefined in a list as null", [1, undefined, {}], "[1,null,{}]"],
    ["empty containers", { a: [], b: {} }, '{"a":[],"b":{}}'],
  ])("writes %s as JSON.stringify would, keys sorted", (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(expected));
  });

  /** The text of nested(depth), written here level by level. */
  function nestedText(depth: number): string {
    let text = JSON.stringify("+84912000111");
    for (let level = 0; level < depth; level++) text = level % 2 === 0 ? `[${text}]` : `{"inner":${text}}`;
    return text;
  }

  // Shallow values are written by recursion, deeper ones again with a stack: both give one text.
  test.each([RECURSION_LIMIT - 1, RECURSION_LIMIT, RECURSION_LIMIT + 1, 3 * RECURSION_LIMIT])("writes a value nested %i levels deep", (depth) => {
    expect(canonicalJson(nested(depth))).toBe(nestedText(depth));
  });

  test("a value whose last member nests past the recursion limit is written whole, in order", () => {
    const value = { b: [1, undefined, { y: 2, x: "é" }], a: null, z: nested(RECURSION_LIMIT + 5), c: { skipped: undefined } };
    expect(canonicalJson(value)).toBe(`{"a":null,"b":[1,null,{"x":"é","y":2}],"c":{},"z":${nestedText(RECURSION_LIMIT + 5)}}`);
  });

  test("writes a value nested 100,000 levels deep (no recursion)", () => {
    const text = canonicalJson(nested(100_000));
    expect(text).toBe(`${'{"inner":['.repeat(50_000)}"+84912000111"${"]}".repeat(50_000)}`);
  });
});
