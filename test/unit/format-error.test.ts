import "reflect-metadata";

import type { ApolloServer } from "@apollo/server";
import { validate } from "class-validator";
import { GraphQLError, Kind, locatedError, type GraphQLFormattedError } from "graphql";
import { pino } from "pino";
import { ArgumentValidationError } from "type-graphql";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import type { Context } from "../../src/context.js";
import { BadInputError, DatabaseUnavailableError, OperationNotSupportedError, QueryTimeoutError } from "../../src/domain/errors.js";
import { NodeLabel } from "../../src/domain/graph-schema.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { createErrorFormatter } from "../../src/graphql/format-error.js";
import { PageArgs } from "../../src/graphql/inputs/page.args.js";
import { CountryCodeScalar } from "../../src/graphql/scalars/country-code.scalar.js";
import { createLoaders } from "../../src/loaders/create-loaders.js";
import type { GraphRepository } from "../../src/repositories/graph.repository.js";
import type { ListRepository } from "../../src/repositories/list.repository.js";
import type { AuditTrail } from "../../src/audit/audit-trail.js";
import { Access } from "../../src/auth/access.js";
import { Pseudonyms } from "../../src/auth/pseudonyms.js";
import { Role } from "../../src/auth/role.js";
import type { Viewer } from "../../src/auth/viewer.js";
import { loadConfig } from "../../src/config.js";
import { createApollo } from "../../src/server.js";

/** What a client receives: the formatted error as JSON (undefined members vanish). */
function asSent(error: GraphQLFormattedError): unknown {
  return JSON.parse(JSON.stringify(error));
}

const locations = [{ line: 1, column: 3 }];
const path = ["seizures"];

/** The formatted error Apollo hands to formatError for an error thrown in a resolver. */
function apolloFormatted(message: string): GraphQLFormattedError {
  return {
    message,
    locations,
    path,
    extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: [`Error: ${message}`, "    at resolver (file.ts:1:1)"] },
  };
}

/** As graphql-js wraps what a resolver throws. */
function thrownInResolver(error: Error): GraphQLError {
  return locatedError(error, undefined, path);
}

async function pageArgsViolations(first: number) {
  const args = Object.assign(new PageArgs(), { first, after: null });
  return validate(args);
}

describe("createErrorFormatter, called as Apollo calls it", () => {
  test.each([
    {
      case: "BadInputError thrown in a resolver",
      error: thrownInResolver(new BadInputError("filter.dateTo", "must not be before filter.dateFrom")),
      expected: {
        message: 'Invalid argument "filter.dateTo": must not be before filter.dateFrom',
        locations,
        path,
        extensions: { code: "BAD_USER_INPUT", argument: "filter.dateTo" },
      },
    },
    {
      case: "BadInputError thrown outside a resolver",
      error: new BadInputError("after", "is not a cursor given by this API"),
      expected: {
        message: 'Invalid argument "after": is not a cursor given by this API',
        locations,
        path,
        extensions: { code: "BAD_USER_INPUT", argument: "after" },
      },
    },
    {
      case: "DatabaseUnavailableError",
      error: thrownInResolver(new DatabaseUnavailableError({ cause: new Error("ECONNREFUSED 10.0.0.7:7687") })),
      expected: {
        message: "The graph database cannot be reached; try again shortly",
        locations,
        path,
        extensions: { code: "DATABASE_UNAVAILABLE" },
      },
    },
    {
      case: "QueryTimeoutError",
      error: thrownInResolver(new QueryTimeoutError()),
      expected: {
        message: "The query took longer than the database allows; narrow it down",
        locations,
        path,
        extensions: { code: "QUERY_TIMEOUT" },
      },
    },
  ])("$case", ({ error, expected }) => {
    const log = vi.fn();
    const formatted = createErrorFormatter(log)(apolloFormatted(error.message), error);
    expect(asSent(formatted)).toStrictEqual(expected);
    expect(log).not.toHaveBeenCalled();
  });

  test.each([
    { case: "an Error thrown in a resolver", wrap: true },
    { case: "an Error thrown outside a resolver", wrap: false },
  ])("$case is masked as INTERNAL_SERVER_ERROR and logged once", ({ wrap }) => {
    const original = new Error("Neo.ClientError.Security.Unauthorized for neo4j:s3cr3t-pa55 at bolt://10.0.0.7");
    const log = vi.fn();
    const formatted = createErrorFormatter(log)(
      apolloFormatted(original.message),
      wrap ? thrownInResolver(original) : original,
    );
    expect(asSent(formatted)).toStrictEqual({
      message: "Internal server error",
      locations,
      path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(original);
    const sent = JSON.stringify(formatted);
    for (const leak of ["s3cr3t-pa55", "10.0.0.7", "Unauthorized", "stacktrace", "    at "]) {
      expect(sent).not.toContain(leak);
    }
  });

  test("a GraphQLError with a code that is not for clients is masked", () => {
    const log = vi.fn();
    const error = thrownInResolver(new GraphQLError("index users_by_email is missing", { extensions: { code: "SOME_CODE" } }));
    const formatted = createErrorFormatter(log)(
      { message: error.message, locations, path, extensions: { code: "SOME_CODE" } },
      error,
    );
    expect(asSent(formatted)).toStrictEqual({
      message: "Internal server error",
      locations,
      path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(log).toHaveBeenCalledTimes(1);
  });

  test("a domain error a plugin throws, which Apollo wraps without a path, keeps its code and message", () => {
    const log = vi.fn();
    const refusal = new OperationNotSupportedError("mutation");
    const error = new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: refusal.code, http: { status: 400 } } });
    const formatted = createErrorFormatter(log)({ message: error.message, extensions: { code: refusal.code } }, error);
    expect(asSent(formatted)).toStrictEqual({
      message: "This API answers queries only; mutation operations are not supported",
      extensions: { code: "OPERATION_NOT_SUPPORTED" },
    });
    expect(log).not.toHaveBeenCalled();
  });

  test.each(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST"])(
    "%s passes through with its message and no other extensions",
    (code) => {
      const log = vi.fn();
      const message = 'Cannot query field "nope" on type "Query".';
      const formatted = createErrorFormatter(log)(
        { message, locations, extensions: { code, http: { status: 400 }, stacktrace: ["GraphQLError: ...", "    at x"] } },
        new GraphQLError(message),
      );
      expect(asSent(formatted)).toStrictEqual({ message, locations, extensions: { code } });
      expect(log).not.toHaveBeenCalled();
    },
  );

  test.each([
    { first: 0, message: 'Invalid argument "first": must not be less than 1' },
    { first: 101, message: 'Invalid argument "first": must not be greater than 100' },
    { first: -5, message: 'Invalid argument "first": must not be less than 1' },
  ])("ArgumentValidationError for first = $first is BAD_USER_INPUT naming first", async ({ first, message }) => {
    const violations = await pageArgsViolations(first);
    expect(violations.map((violation) => violation.property)).toStrictEqual(["first"]);
    const error = new ArgumentValidationError(violations);
    const expected = { message, locations, path, extensions: { code: "BAD_USER_INPUT", argument: "first" } };
    const log = vi.fn();
    const format = createErrorFormatter(log);
    expect(asSent(format(apolloFormatted(error.message), thrownInResolver(error)))).toStrictEqual(expected);
    expect(asSent(format(apolloFormatted(error.message), error))).toStrictEqual(expected);
    expect(log).not.toHaveBeenCalled();
  });

  test.each([1, 20, 100])("first = %i breaks no rule", async (first) => {
    expect(await pageArgsViolations(first)).toStrictEqual([]);
  });
});

describe("CountryCodeScalar", () => {
  test.each([
    { given: "vn", parsed: "VN" },
    { given: "VN", parsed: "VN" },
    { given: " th ", parsed: "TH" },
    { given: "Ng", parsed: "NG" },
  ])("accepts $given as $parsed", ({ given, parsed }) => {
    expect(CountryCodeScalar.parseValue(given)).toBe(parsed);
    expect(CountryCodeScalar.parseLiteral({ kind: Kind.STRING, value: given }, undefined)).toBe(parsed);
  });

  test.each(["XX", "VNM", "V", "", "7N", 84, null])("refuses %j", (given) => {
    expect(() => CountryCodeScalar.parseValue(given)).toThrow(
      'must be an ISO 3166-1 alpha-2 country code, such as "VN"',
    );
  });
});

describe("errors of a whole request, through the real schema and Apollo (no database)", () => {
  const viewer: Viewer = { subject: "token:format-error-test", role: Role.ADMIN, method: "token" };
  const audit: AuditTrail = {
    record: async () => {},
    list: async () => ({ records: [], hasMore: false, totalCount: 0 }),
    verify: async () => ({ valid: true, records: 0, firstBadIndex: null, reason: null, head: null }),
    close: async () => {},
  };
  let apollo: ApolloServer<Context>;
  const logLines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logLines.push(line) });

  beforeAll(async () => {
    apollo = createApollo({ schema: await buildGraphQLSchema(), logger, production: false, security: { audit, limits: loadConfig({}).limits } });
    await apollo.start();
  });

  afterAll(async () => {
    await apollo?.stop();
  });

  /** A request context over fake repositories: a list's page comes from `page`, its total from `count`, nodes never exist. */
  function fakeContext(lists: Partial<Record<"page" | "count", (...args: unknown[]) => Promise<unknown>>> = {}) {
    const byIds = vi.fn(async (_label: NodeLabel, _ids: readonly string[]) => new Map());
    const page = vi.fn(lists.page ?? (async () => ({ items: [], hasNextPage: false, total: 0 })));
    const count = vi.fn(lists.count ?? (async () => 0));
    const graph = { byIds } as unknown as GraphRepository;
    // Only what these queries reach: a resolver that reads any other part of the context fails the test.
    const partial: Partial<Context> = {
      viewer,
      access: new Access(viewer, new Pseudonyms("pseudonyms-of-the-format-error-test-0123")),
      audit,
      loaders: createLoaders(graph),
      nested: { listPage: page, sortedListPage: page } as unknown as Context["nested"],
      lists: { count } as unknown as ListRepository,
    };
    const context = partial as Context;
    return { context, byIds, page, count };
  }

  async function run(query: string, variables?: Record<string, unknown>, context = fakeContext().context) {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    // As a client receives it: JSON, where undefined members vanish.
    return JSON.parse(JSON.stringify(response.body.singleResult)) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  }

  /** Errors as message and extensions only, which is what these tests are about. */
  async function errorsOf(query: string, variables?: Record<string, unknown>) {
    const result = await run(query, variables);
    return (result.errors ?? []).map(({ message, extensions }) => ({ message, extensions }));
  }

  const COUNTRY = 'must be an ISO 3166-1 alpha-2 country code, such as "VN"';
  const DATE = "must be a calendar date written YYYY-MM-DD";

  test.each([
    { query: '{ countries(filter: {borders: "XX"}) { totalCount } }', bad: "XX", argument: "filter.borders", reason: COUNTRY },
    { query: '{ seizures(filter: {dateFrom: "2019-02-30"}) { totalCount } }', bad: "2019-02-30", argument: "filter.dateFrom", reason: DATE },
    { query: '{ shipments(filter: {mode: SEA, dateTo: "2019-13-01"}) { totalCount } }', bad: "2019-13-01", argument: "filter.dateTo", reason: DATE },
    { query: '{ persons(filter: {nationality: "Q1"}) { totalCount } }', bad: "Q1", argument: "filter.nationality", reason: COUNTRY },
    { query: '{ country(code: "ZZ") { name } }', bad: "ZZ", argument: "code", reason: COUNTRY },
  ])("inline: $argument is BAD_USER_INPUT, says why, and does not echo $bad", async ({ query, bad, argument, reason }) => {
    const errors = await errorsOf(query);
    expect(errors).toStrictEqual([
      { message: `Invalid argument "${argument}": ${reason}`, extensions: { code: "BAD_USER_INPUT", argument } },
    ]);
    expect(JSON.stringify(errors)).not.toContain(bad);
  });

  test.each([
    {
      query: "query($f: SeizureFilter) { seizures(filter: $f) { totalCount } }",
      variables: { f: { dateFrom: "2019-02-30" } },
      bad: "2019-02-30",
      argument: "$f.dateFrom",
      reason: DATE,
    },
    {
      query: "query($filter: ShipmentFilter) { shipments(filter: $filter) { totalCount } }",
      variables: { filter: { origin: "VN", destination: "XX" } },
      bad: "XX",
      argument: "$filter.destination",
      reason: COUNTRY,
    },
    {
      query: "query($c: CountryCode!) { country(code: $c) { name } }",
      variables: { c: "zz" },
      bad: "zz",
      argument: "$c",
      reason: COUNTRY,
    },
    {
      query: "query($f: SeizureFilter) { seizures(filter: $f) { totalCount } }",
      variables: { f: { dateFrom: "2019;02;30" } },
      bad: "2019;02;30",
      argument: "$f.dateFrom",
      reason: DATE,
    },
  ])("variables $variables: $argument is BAD_USER_INPUT and does not echo the value", async ({ query, variables, bad, argument, reason }) => {
    const errors = await errorsOf(query, variables);
    expect(errors).toStrictEqual([
      { message: `Invalid argument "${argument}": ${reason}`, extensions: { code: "BAD_USER_INPUT", argument } },
    ]);
    expect(JSON.stringify(errors)).not.toContain(bad);
  });

  test.each([
    { first: 0, message: 'Invalid argument "first": must not be less than 1' },
    { first: 101, message: 'Invalid argument "first": must not be greater than 100' },
  ])("seizures(first: $first) is BAD_USER_INPUT naming first, before any query", async ({ first, message }) => {
    const { context, page, count } = fakeContext();
    const result = await run(`{ seizures(first: ${first}) { totalCount } }`, undefined, context);
    expect(result.errors).toStrictEqual([
      { message, locations: [{ line: 1, column: 3 }], path: ["seizures"], extensions: { code: "BAD_USER_INPUT", argument: "first" } },
    ]);
    expect(page).not.toHaveBeenCalled();
    expect(count).not.toHaveBeenCalled();
  });

  test("dateFrom after dateTo is BAD_USER_INPUT on filter.dateTo, before any query", async () => {
    const { context, page } = fakeContext();
    const result = await run('{ seizures(filter: {dateFrom: "2019-05-01", dateTo: "2019-04-30"}) { totalCount } }', undefined, context);
    expect(result.errors).toStrictEqual([
      {
        message: 'Invalid argument "filter.dateTo": must not be before filter.dateFrom',
        locations: [{ line: 1, column: 3 }],
        path: ["seizures"],
        extensions: { code: "BAD_USER_INPUT", argument: "filter.dateTo" },
      },
    ]);
    expect(page).not.toHaveBeenCalled();
  });

  test("a cursor this API did not give is BAD_USER_INPUT on after, before any query", async () => {
    const { context, page } = fakeContext();
    const result = await run('{ species: speciesList(after: "b2Zmc2V0OjIw") { totalCount } }', undefined, context);
    expect(result.errors).toStrictEqual([
      {
        message: 'Invalid argument "after": is not a cursor given by this API',
        locations: [{ line: 1, column: 3 }],
        path: ["species"],
        extensions: { code: "BAD_USER_INPUT", argument: "after" },
      },
    ]);
    expect(page).not.toHaveBeenCalled();
  });

  test("DatabaseUnavailableError from a repository is DATABASE_UNAVAILABLE", async () => {
    const { context } = fakeContext({ page: async () => Promise.reject(new DatabaseUnavailableError()) });
    const result = await run("{ seizures { edges { cursor } } }", undefined, context);
    expect(result.errors).toStrictEqual([
      {
        message: "The graph database cannot be reached; try again shortly",
        locations: [{ line: 1, column: 3 }],
        path: ["seizures"],
        extensions: { code: "DATABASE_UNAVAILABLE" },
      },
    ]);
  });

  test("an unexpected error is masked for the client and logged once with its message", async () => {
    logLines.length = 0;
    const secret = "auth failed for neo4j:s3cr3t-pa55";
    const { context } = fakeContext({ page: async () => Promise.reject(new Error(secret)) });
    const result = await run("{ countries { edges { cursor } } }", undefined, context);
    expect(result.errors).toStrictEqual([
      {
        message: "Internal server error",
        locations: [{ line: 1, column: 3 }],
        path: ["countries"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain("s3cr3t");
    const logged = logLines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(logged.map(({ msg, err }) => [msg, err?.message])).toStrictEqual([["unexpected error in a request", secret]]);
  });

  test.each([
    {
      case: "an unknown enum value",
      query: "query($m: TransportMode) { seizures(filter: {mode: $m}) { totalCount } }",
      variables: { m: "SUBMARINE" },
      bad: "SUBMARINE",
      argument: "$m",
      reason: "not a value of the TransportMode enum",
    },
    {
      case: "an unknown enum value inside an object",
      query: "query($f: SeizureFilter) { seizures(filter: $f) { totalCount } }",
      variables: { f: { mode: "SUBMARINE" } },
      bad: "SUBMARINE",
      argument: "$f.mode",
      reason: "not a value of the TransportMode enum",
    },
    {
      case: "text for an Int",
      query: "query($n: Int) { seizures(first: $n) { totalCount } }",
      variables: { n: "twenty-secret" },
      bad: "twenty-secret",
      argument: "$n",
      reason: "must be of type Int",
    },
    {
      case: "a null item in a list",
      query: "query($f: CompanyFilter) { companies(filter: $f) { totalCount } }",
      variables: { f: { ids: ["company-1", null] } },
      bad: "company-1",
      argument: "$f.ids[1]",
      reason: "must not be null",
    },
    {
      case: "a required variable not given",
      query: "query($c: CountryCode!) { country(code: $c) { name } }",
      variables: {},
      bad: undefined,
      argument: "$c",
      reason: "is required (CountryCode!)",
    },
    {
      case: "null for a required variable",
      query: "query($c: CountryCode!) { country(code: $c) { name } }",
      variables: { c: null },
      bad: undefined,
      argument: "$c",
      reason: "must not be null",
    },
    {
      case: "text for an input object",
      query: "query($f: SeizureFilter) { seizures(filter: $f) { totalCount } }",
      variables: { f: "country-secret" },
      bad: "country-secret",
      argument: "$f",
      reason: 'Expected type "SeizureFilter" to be an object.',
    },
  ])("variables, $case: BAD_USER_INPUT naming $argument, without the value", async ({ query, variables, bad, argument, reason }) => {
    const errors = await errorsOf(query, variables);
    expect(errors).toStrictEqual([{ message: `Invalid argument "${argument}": ${reason}`, extensions: { code: "BAD_USER_INPUT", argument } }]);
    if (bad !== undefined) expect(JSON.stringify(errors)).not.toContain(bad);
  });

  test("several bad values in one variable: each named where it lies", async () => {
    const errors = await errorsOf("query($f: SeizureFilter) { seizures(filter: $f) { totalCount } }", {
      f: { country: "XX", dateFrom: "2019-02-30", mode: "SUBMARINE" },
    });
    expect(Object.fromEntries(errors.map(({ message, extensions }) => [extensions?.argument, message]))).toStrictEqual({
      "$f.country": `Invalid argument "$f.country": ${COUNTRY}`,
      "$f.dateFrom": `Invalid argument "$f.dateFrom": ${DATE}`,
      "$f.mode": 'Invalid argument "$f.mode": not a value of the TransportMode enum',
    });
    expect(errors).toHaveLength(3);
  });

  // The default limit is 2000 tokens; `{` and `}` are two of them.
  const withTokens = (tokens: number) => `{ ${"__typename ".repeat(tokens - 2)}}`;

  test.each([
    { case: "one token past the limit", query: withTokens(2001) },
    { case: "far past the limit, unclosed", query: `{ ${"countries { ".repeat(1500)}` },
  ])("$case: TOO_MANY_TOKENS with the limit", async ({ query }) => {
    expect(await errorsOf(query)).toStrictEqual([
      { message: "The query has more than 2000 tokens", extensions: { code: "TOO_MANY_TOKENS", max: 2000 } },
    ]);
  });

  test("at the limit: parsed (what validation makes of 1,998 fields is not the point)", async () => {
    const codes = (await errorsOf(withTokens(2000))).map(({ extensions }) => extensions?.code);
    expect(codes).not.toContain("TOO_MANY_TOKENS");
    expect(codes).not.toContain("GRAPHQL_PARSE_FAILED");
  });

  test.each([
    {
      case: "a character the lexer refuses right after the limit",
      query: `${withTokens(2000)} ?`,
      errors: [{ message: 'Syntax Error: Unexpected character: "?".', extensions: { code: "GRAPHQL_PARSE_FAILED" } }],
    },
    {
      case: "a syntax error before the limit in a longer query",
      query: `{ ) ${"__typename ".repeat(3000)}}`,
      errors: [{ message: 'Syntax Error: Expected Name, found ")".', extensions: { code: "GRAPHQL_PARSE_FAILED" } }],
    },
  ])("$case: not the token limit", async ({ query, errors }) => {
    expect(await errorsOf(query)).toStrictEqual(errors);
  });

  test("GRAPHQL_VALIDATION_FAILED passes through with its message and only its code", async () => {
    const result = await run("{ nope }");
    expect(result.errors).toStrictEqual([
      {
        message: 'Cannot query field "nope" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      },
    ]);
  });

  test('country(code: "vn") passes the scalar and asks for "VN"', async () => {
    const { context, byIds } = fakeContext();
    const result = await run('{ country(code: "vn") { name } }', undefined, context);
    expect(result).toStrictEqual({ data: { country: null } });
    expect(byIds.mock.calls).toStrictEqual([[NodeLabel.Country, ["VN"]]]);
  });
});
