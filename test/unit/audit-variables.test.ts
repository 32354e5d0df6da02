import { createHmac } from "node:crypto";

import { buildSchema, isInputType, parse, typeFromAST, type GraphQLInputType, type OperationDefinitionNode } from "graphql";
import { describe, expect, test } from "vitest";

import { keyedHasher } from "../../src/audit/audit-key.js";
import { redactVariables } from "../../src/audit/redact-variables.js";

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
  type Query { find(filter: Filter, query: String, id: ID, first: Int, kind: Kind): Int }
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
