import "reflect-metadata";

import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { Role } from "../../src/auth/role.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { snapshotDatabase, type DatabaseSnapshot } from "../helpers/database-snapshot.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * 2,500 requests generated from the schema by a seeded generator: well-formed queries with values
 * of the right and of the wrong types, invalid queries (unknown fields, missing arguments,
 * selections on scalars), malformed text (cut, garbled, unbalanced) and malformed HTTP bodies.
 * Requests take turns at coming as each role. None may end in INTERNAL_SERVER_ERROR, a 5xx
 * status, an error without a code, or a stack trace or file path; the database (the run's own,
 * with the fixture graph; database files run one at a time) is unchanged afterwards and the API
 * never tried to write. The seed is fixed, so a failure is repeatable; FUZZ_SEED changes it.
 */

const REQUESTS = 2_500;
const IN_FLIGHT = 8;
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const STACK_TRACE = /\n\s+at |\bat [\w$.<>]+ \(|\.(ts|js|mjs|cjs):\d+|node_modules|file:\/\/|\/work\//;

/** A small seeded generator (mulberry32): the same seed gives the same 2,500 requests. */
class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const IDS = [
  "fixture-person-1", "fixture-person-4", "fixture-company-1", "fixture-company-3", "fixture-seizure-1", "fixture-seizure-5",
  "fixture-shipment-2", "fixture-carrier-1", "PHONE:+84912000111", "VN", "nope", "", "fixture-person-999", "' OR 1=1 //",
];
const STRINGS = ["fixture", "golden", "Nguyen", "VN", "2020-01-01", "", " ", "*", "a\u0000b", "é中文", "x".repeat(3_000), '"}) MATCH (n) DETACH DELETE n //'];
const COUNTRY_CODES = ["VN", "CN", "LA", "TH", "KH", "MM", "vn", "XX", "VNM", "", "V"];
const DATES = ["2020-01-01", "2019-12-31", "2021-06-15", "2019-02-30", "2020-13-01", "20-01-01", "yesterday", "0000-01-01", "9999-12-31"];
const INTS = [0, 1, 2, 3, 5, 10, 20, 50, 100, 101, 500, 1000, 2000, 2001, -1, -100, 2_147_483_647, 2_147_483_648, 1e15];

interface FuzzRequest {
  kind: string;
  query?: string;
  variables?: unknown;
  /** A raw HTTP request instead of a JSON POST of query and variables. */
  raw?: { method: string; body?: string; contentType?: string; search?: string };
}

class Generator {
  private variables: Record<string, unknown> = {};
  private declarations: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
  ) {}

  request(): FuzzRequest {
    const roll = this.random.next();
    if (roll < 0.5) return { kind: "well-formed", ...this.operation(false) };
    if (roll < 0.7) return { kind: "invalid", ...this.invalid() };
    if (roll < 0.87) return { kind: "malformed text", query: this.malformed() };
    return { kind: "malformed http", raw: this.rawRequest() };
  }

  /** A query on a random root field; `wrong` makes its values of the wrong types more often. */
  operation(wrong: boolean): { query: string; variables: Record<string, unknown> } {
    this.variables = {};
    this.declarations = [];
    const root = this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const selections = Array.from({ length: 1 + this.random.int(this.random.chance(0.2) ? 3 : 1) }, (_, i) => {
      const field = this.random.pick(fields);
      const alias = i > 0 || this.random.chance(0.1) ? `f${i}: ` : "";
      return `${alias}${field.name}${this.argumentsFor(field, wrong ? 0.5 : 0.15)} ${this.selection(getNamedType(field.type), 3)}`;
    });
    const header = this.declarations.length > 0 ? `query Fuzz(${this.declarations.join(", ")}) ` : this.random.chance(0.3) ? "query " : "";
    return { query: `${header}{ ${selections.join(" ")} }`, variables: this.variables };
  }

  private argumentsFor(field: GraphQLField<unknown, unknown>, wrongness: number): string {
    const parts: string[] = [];
    for (const argument of field.args) {
      const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
      if (!required && !this.random.chance(0.4)) continue;
      if (required && this.random.chance(0.03)) continue; // a missing required argument
      const wrong = this.random.chance(wrongness);
      if (this.random.chance(0.4)) {
        const name = `v${this.declarations.length}`;
        this.declarations.push(`$${name}: ${argument.type.toString()}`);
        const value = wrong ? this.wrongValue() : this.value(argument.type, 0);
        if (value !== undefined) this.variables[name] = value;
        parts.push(`${argument.name}: $${name}`);
      } else {
        parts.push(`${argument.name}: ${wrong ? literal(this.wrongValue()) : literal(this.value(argument.type, 0))}`);
      }
    }
    return parts.length === 0 ? "" : `(${parts.join(", ")})`;
  }

  private selection(type: GraphQLNamedType, depthLeft: number): string {
    if (isLeafType(type)) return "";
    if (isAbstractType(type)) {
      const members = this.schema.getPossibleTypes(type);
      const chosen = members.filter(() => this.random.chance(0.5));
      const inner = chosen.map((member) => `... on ${member.name} ${this.selection(member, depthLeft - 1)}`);
      return `{ __typename ${inner.join(" ")} }`;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return "{ __typename }";
    const fields = Object.values(type.getFields());
    const count = 1 + this.random.int(4);
    const parts: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const field = this.random.pick(fields);
      const inner = getNamedType(field.type);
      if (!isLeafType(inner) && depthLeft <= 0) {
        parts.push("__typename");
        continue;
      }
      const alias = this.random.chance(0.08) ? `a${i}: ` : "";
      const directive = this.random.chance(0.05) ? ` @${this.random.pick(["include", "skip"])}(if: ${this.random.pick(["true", "false"])})` : "";
      parts.push(`${alias}${field.name}${this.argumentsFor(field, 0.1)}${directive} ${this.selection(inner, depthLeft - 1)}`);
    }
    if (this.random.chance(0.05)) parts.push("__typename");
    return `{ ${parts.join(" ")} }`;
  }

  /** A value of the type, right by construction but often out of range (sizes, unknown ids). */
  private value(type: GraphQLInputType, depth: number): unknown {
    if (!isNonNullType(type) && this.random.chance(0.08)) return null;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      return Array.from({ length: this.random.int(depth > 1 ? 2 : 4) }, () => this.value(nullable.ofType, depth + 1));
    }
    if (isEnumType(nullable)) return { enum: this.random.pick(nullable.getValues()).name };
    if (isInputObjectType(nullable)) {
      const object: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if ((required || this.random.chance(0.3)) && depth < 3) object[field.name] = this.value(field.type, depth + 1);
      }
      return object;
    }
    switch (nullable.name) {
      case "Int":
        return this.random.pick(INTS);
      case "Float":
        return this.random.pick([0, 0.5, -1.5, 1e6, 3.14]);
      case "Boolean":
        return this.random.chance(0.5);
      case "ID":
        return this.random.pick(IDS);
      case "CountryCode":
        return this.random.pick(COUNTRY_CODES);
      case "LocalDate":
        return this.random.pick(DATES);
      default:
        return this.random.pick(STRINGS);
    }
  }

  private wrongValue(): unknown {
    return this.random.pick<unknown>([
      "text", 42, -7, 3.5, true, null, [], [1, "a"], { nope: 1 }, { enum: "NOT_A_VALUE" }, 1e300, "", "VN", { enum: "COUNTRY" },
      9_007_199_254_740_993, "fixture-person-1",
    ]);
  }

  private invalid(): { query: string; variables: unknown } {
    const { query, variables } = this.operation(false);
    const twist = this.random.int(9);
    switch (twist) {
      case 0:
        return { query: query.replace(/\{ (\w+)/, "{ $1Nope"), variables };
      case 1:
        return { query: query.replace(/\{ (\w+)/, "{ $1 { __typename }"), variables };
      case 2:
        return { query: query.replace(/\((.*?)\)/, ""), variables };
      case 3:
        return { query: query.replace(/\}$/, "@nope }"), variables };
      case 4:
        return { query: `query($x: Int) { countries(first: $y) { totalCount } }`, variables: { x: 1 } };
      case 5:
        return { query: `{ a: country(code: "VN") { code } a: countries { totalCount } }`, variables };
      case 6:
        return { query: `query A { __typename } query B { __typename }`, variables };
      case 7:
        return { query: `{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }`, variables };
      default:
        return { query, variables: this.random.pick<unknown>(["not an object", [1, 2], 5, null, { v0: { deep: [[[{}]]] } }]) };
    }
  }

  private malformed(): string {
    const { query } = this.operation(false);
    const twist = this.random.int(10);
    switch (twist) {
      case 0:
        return query.slice(0, this.random.int(query.length));
      case 1: {
        const at = this.random.int(query.length);
        return query.slice(0, at) + this.random.pick(["{", "}", "(", ")", '"', "$", "@", "...", "\\", "#", ":", "!", "[", "|", "&"]) + query.slice(at);
      }
      case 2:
        return Array.from({ length: 1 + this.random.int(60) }, () => String.fromCharCode(this.random.int(0x3000))).join("");
      case 3:
        return `{ ${"a { ".repeat(1 + this.random.int(600))}`;
      case 4:
        return `{ country(code: "VN\\uZZZZ") { code } }`;
      case 5:
        return `{ country(code: """VN""") { code } } """ unterminated`;
      case 6:
        return `{ countries(first: 99999999999999999999999) { totalCount } }`;
      case 7:
        return `{ ${"__typename ".repeat(1 + this.random.int(3_000))}}`;
      case 8:
        return "";
      default:
        return query.split("").reverse().join("");
    }
  }

  private rawRequest(): FuzzRequest["raw"] {
    const valid = JSON.stringify({ query: "{ countries(first: 1) { totalCount } }" });
    return this.random.pick<FuzzRequest["raw"]>([
      { method: "POST", body: "{not json", contentType: "application/json" },
      { method: "POST", body: "[]", contentType: "application/json" },
      { method: "POST", body: `[${valid}, ${valid}]`, contentType: "application/json" },
      { method: "POST", body: '{"query": 5}', contentType: "application/json" },
      { method: "POST", body: '{"query": "{ __typename }", "variables": "x"}', contentType: "application/json" },
      { method: "POST", body: '{"query": "{ __typename }", "operationName": 7}', contentType: "application/json" },
      { method: "POST", body: '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', contentType: "application/json" },
      { method: "POST", body: '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', contentType: "application/json" },
      { method: "POST", body: "null", contentType: "application/json" },
      { method: "POST", body: "", contentType: "application/json" },
      { method: "POST", body: valid, contentType: "text/plain" },
      { method: "POST", body: "query=%7B__typename%7D", contentType: "application/x-www-form-urlencoded" },
      { method: "POST", body: valid },
      { method: "POST", body: "\u0000\u0001\u0002", contentType: "application/json" },
      { method: "GET", search: "?query=%7B%20countries(first%3A%201)%20%7B%20totalCount%20%7D%20%7D" },
      { method: "GET", search: "?query=%7B&variables=%7Bbroken" },
      { method: "GET", search: "?query=query%20A%7B__typename%7D&operationName=B" },
      { method: "GET", search: "" },
      { method: "PUT", body: valid, contentType: "application/json" },
      { method: "DELETE" },
      { method: "PATCH", body: valid, contentType: "application/json" },
    ]);
  }
}

/** A value as a GraphQL literal; enum values come as `{ enum: NAME }`. */
function literal(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    if ("enum" in value && Object.keys(value).length === 1) return String((value as { enum: string }).enum);
    return `{ ${Object.entries(value).map(([key, inner]) => `${key}: ${literal(inner)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Enum values travel in JSON variables as their names. */
function jsonVariables(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonVariables);
  if (value !== null && typeof value === "object") {
    if ("enum" in value && Object.keys(value).length === 1) return (value as { enum: string }).enum;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonVariables(inner)]));
  }
  return value;
}

interface Problem {
  kind: string;
  status: number;
  problem: string;
  request: string;
}

let api: TestApi;
let before: DatabaseSnapshot;
let writes: ReturnType<typeof vi.spyOn>[];
const logLines: string[] = [];

beforeAll(async () => {
  // Thousands of requests come from one identity within a minute or two.
  api = await startTestApi({ logLines, env: { RATE_LIMIT_PER_MINUTE: "1000000" } });
  // On the class: each request reaches the database through a copy made for its budget.
  writes = [vi.spyOn(CypherExecutor.prototype, "write"), vi.spyOn(CypherExecutor.prototype, "writeAll")];
  before = await snapshotDatabase(api.driver, api.config.neo4j.database);
});

afterAll(async () => {
  // The spies are on the class: the next file in this worker must find it as it was.
  for (const write of writes ?? []) write.mockRestore();
  await api?.close();
});

describe(`fuzz: ${REQUESTS} generated requests (seed ${SEED})`, () => {
  const tally = new Map<string, number>();
  const codes = new Map<string, number>();

  it("answers every one without an internal error, a 5xx or a stack trace", async () => {
    const generator = new Generator(await buildGraphQLSchema(), new Random(SEED));
    const requests = Array.from({ length: REQUESTS }, () => generator.request());
    // Each request comes as one of the roles, so that masking and refusals are fuzzed too.
    const roles = Object.values(Role);
    const authorizations = await Promise.all(roles.map(async (role) => `Bearer ${await api.token(role)}`));
    const problems: Problem[] = [];

    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests.length) {
          const index = next++;
          const request = requests[index];
          tally.set(request.kind, (tally.get(request.kind) ?? 0) + 1);
          const { status, text } = await send(request, authorizations[index % authorizations.length]);
          const report = (problem: string) =>
            problems.push({ kind: `${request.kind} as ${roles[index % roles.length]}`, status, problem, request: JSON.stringify(request.raw ?? { query: request.query, variables: request.variables }).slice(0, 600) });
          if (status >= 500) report(`HTTP ${status}`);
          if (STACK_TRACE.test(text)) report("a stack trace or file path in the response");
          let body: { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
          try {
            body = text === "" ? undefined : JSON.parse(text);
          } catch {
            report(`a body that is not JSON: ${text.slice(0, 100)}`);
          }
          for (const error of body?.errors ?? []) {
            const code = error.extensions?.code;
            codes.set(code ?? "none", (codes.get(code ?? "none") ?? 0) + 1);
            if (code === undefined) report(`an error without a code: ${error.message}`);
            if (code === "INTERNAL_SERVER_ERROR") report("INTERNAL_SERVER_ERROR");
          }
        }
      }),
    );
    console.log(`fuzz: ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(", ")}; error codes: ${[...codes].map(([code, n]) => `${code} ${n}`).join(", ")}`);
    // One example of each kind of problem, with what the server logged as unexpected.
    const distinct = [...new Map(problems.map((problem) => [`${problem.kind} ${problem.problem} ${problem.request.slice(0, 40)}`, problem])).values()];
    const unexpected = [...new Set(logLines.filter((line) => line.includes('"level":50')).map((line) => line.slice(0, 400)))];
    expect({ problems: distinct.slice(0, 12), count: problems.length, logged: unexpected.slice(0, 8) }).toEqual({ problems: [], count: 0, logged: [] });
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
  }, 900_000);

  it("sent a mix of every kind, and most well-formed queries were answered with data", () => {
    for (const kind of ["well-formed", "invalid", "malformed text", "malformed http"]) expect(tally.get(kind) ?? 0).toBeGreaterThan(300);
    expect(codes.get("GRAPHQL_PARSE_FAILED") ?? 0).toBeGreaterThan(100);
    expect(codes.get("GRAPHQL_VALIDATION_FAILED") ?? 0).toBeGreaterThan(100);
    expect(codes.get("BAD_USER_INPUT") ?? 0).toBeGreaterThan(100);
    expect(codes.get("FORBIDDEN") ?? 0).toBeGreaterThan(10);
  });

  it("left the database unchanged, and nothing tried to write", async () => {
    expect(await snapshotDatabase(api.driver, api.config.neo4j.database)).toEqual(before);
    expect(before.nodes).toBeGreaterThan(50);
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });
});

async function send(request: FuzzRequest, authorization: string): Promise<{ status: number; text: string }> {
  if (request.raw) {
    const { method, body, contentType, search } = request.raw;
    const headers: Record<string, string> = { authorization };
    if (contentType) headers["content-type"] = contentType;
    const response = await fetch(api.url + (search ?? ""), { method, headers, body: method === "GET" || method === "DELETE" ? undefined : body });
    return { status: response.status, text: await response.text() };
  }
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({ query: request.query, variables: jsonVariables(request.variables) }),
  });
  return { status: response.status, text: await response.text() };
}
