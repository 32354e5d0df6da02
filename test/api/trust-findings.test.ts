import { readFileSync } from "node:fs";

import { getNamedType, isEnumType, isInputObjectType, type GraphQLInputType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AuditRecord } from "../../src/audit/audit-record.js";
import { PSEUDONYM_PREFIX } from "../../src/auth/pseudonyms.js";
import { Role } from "../../src/auth/role.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { findLeaks, SecretIndex, type Secret } from "../helpers/leak-scan.js";
import { textArguments, type TextArgument } from "../helpers/schema-walk.js";
import { startTestApi, type GraphQLResponse, type TestApi } from "../helpers/test-api.js";

/**
 * The disclosure and oracle findings of "Trustworthy answers" (issue 12), each reproduced as a
 * test of the behaviour the fix must give: (a) persons lists, their orders and cursors do not turn
 * a pseudonym back into a name, and a cursor the API did not give to this role, order and query is
 * BAD_USER_INPUT; (b) collapsed hubs carry no real id; (c) a hidden id and an unknown one get the
 * same answer from every root field taking ids; (d) pseudonyms have one length; (e) the audit
 * record names every person the answer disclosed; (f) sorting persons by name below INVESTIGATOR
 * is refused or does not follow the names. Values come from the fixture graph
 * (cypher/seed/fixture.cypher) and from a generated world imported here.
 */

let api: TestApi;
let world: GeneratedWorld;
let schema: GraphQLSchema;
/** Names, aliases and ids of persons; values and ids of identifiers; names and ids of companies. */
let secrets: Secret[];
/** The same for persons and companies, each with the entity it names as its kind (`Person:<id>`), for the audit. */
let secretsByEntity: Secret[];
let worldShipment: string;

/** Known ids of hidden kinds, and ids of the same shape that no entity has. */
const KNOWN_AND_UNKNOWN: Record<string, { known: string; unknown: string }> = {
  Identifier: { known: "EMAIL:golden.delta.trading@example.com", unknown: "EMAIL:golden.delta.tradinx@example.com" },
  Person: { known: "fixture-person-1", unknown: "fixture-person-0" },
  Company: { known: "fixture-company-1", unknown: "fixture-company-0" },
};
const HIDDEN: Record<string, string[]> = {
  [Role.PUBLIC]: ["Person", "Identifier", "Company"],
  [Role.ANALYST]: ["Person", "Identifier"],
};

beforeAll(async () => {
  [api, world, schema] = await Promise.all([
    startTestApi(),
    importGeneratedWorld("trust-findings", { seed: "trust-findings", shipments: 60 }),
    buildGraphQLSchema(),
  ]);
  const rows = (await world.executor.read(
    `MATCH (p:Person) RETURN 'Person' AS kind, p.id AS id, [p.name] + coalesce(p.aliases, []) AS values
     UNION ALL MATCH (i:Identifier) RETURN 'Identifier' AS kind, i.id AS id, [i.value, i.rawValue] AS values
     UNION ALL MATCH (c:Company) RETURN 'Company' AS kind, c.id AS id, [c.name] AS values`,
  )) as { kind: string; id: string; values: (string | null)[] }[];
  const valuesOf = (row: (typeof rows)[number]) => [row.id, ...row.values].filter((value): value is string => !!value);
  secrets = rows.flatMap((row) => valuesOf(row).map((value) => ({ kind: row.kind, value })));
  secretsByEntity = rows.filter((row) => row.kind !== "Identifier").flatMap((row) => valuesOf(row).map((value) => ({ kind: `${row.kind}:${row.id}`, value })));
  for (const { known, unknown } of Object.values(KNOWN_AND_UNKNOWN)) {
    const found = await world.executor.read(`UNWIND [$known, $unknown] AS id OPTIONAL MATCH (n {id: id}) RETURN id, count(n) AS n`, { known, unknown });
    expect(found.map((row) => Number(row.n))).toEqual([1, 0]);
  }
  worldShipment = world.id(world.network.rows.seizures[0].shipmentId);
}, 600_000);

afterAll(async () => {
  await api?.close();
  await world?.remove();
});

function indexFor(role: Role): SecretIndex {
  return new SecretIndex(secrets.filter((secret) => HIDDEN[role].includes(secret.kind)));
}

/** Which kinds of hidden value an answer holds, in any reading of any string, and where. */
function leaksIn(response: GraphQLResponse, role: Role): string[] {
  const { status: _status, ...body } = response;
  return findLeaks(body, indexFor(role)).map((leak) => `${leak.kind} at ${leak.path} (${leak.reading})`);
}

const codes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code ?? "none");

const PERSONS = `query($first: Int!, $after: String, $orderBy: PersonOrder, $filter: PersonFilter) {
  persons(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    edges { cursor node { id } }
    pageInfo { startCursor endCursor hasNextPage }
  }
}`;

async function persons(role: Role, variables: Record<string, unknown>) {
  return api.post(PERSONS, { first: 10, ...variables }, role);
}

/** The values of PersonOrderField, read from the schema. */
function personOrders(): string[] {
  const type = schema.getType("PersonOrderField");
  return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
}

describe("(a) an ANALYST cannot turn a pseudonym back into a name through persons", () => {
  it("the cursors of every order, filtered by a pseudonym or not, decode to nothing personal", async () => {
    const first = await persons(Role.ANALYST, { first: 1 });
    expect(codes(first)).toEqual([]);
    const pseudonym: string = first.data!.persons.edges[0].node.id;
    const found: string[] = [];
    for (const field of [undefined, ...personOrders()]) {
      for (const filter of [undefined, { ids: [pseudonym] }]) {
        const response = await persons(Role.ANALYST, { ...(field ? { orderBy: { field } } : {}), ...(filter ? { filter } : {}) });
        if (codes(response).some((code) => code === "FORBIDDEN" || code === "BAD_USER_INPUT")) continue;
        expect(codes(response)).toEqual([]);
        found.push(...leaksIn(response, Role.ANALYST).map((leak) => `order ${field ?? "default"}${filter ? ", by pseudonym" : ""}: ${leak}`));
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  const handMade: [string, (personId: string) => string][] = [
    ["base64url of id:<real id>", (id) => Buffer.from(`id:${id}`).toString("base64url")],
    ["base64 of id:<real id>", (id) => Buffer.from(`id:${id}`).toString("base64")],
    ["a sorted cursor by name", (id) => Buffer.from(`sorted:${JSON.stringify(["persons:NAME:ASC", "M", id])}`).toString("base64url")],
    ["a sorted cursor by id", (id) => Buffer.from(`sorted:${JSON.stringify(["persons:ID:ASC", id, id])}`).toString("base64url")],
    ["a pseudonym-like text", () => `${PSEUDONYM_PREFIX}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`],
  ];
  for (const [name, make] of handMade) {
    for (const field of [undefined, "NAME", "ID"]) {
      it(`a hand-made cursor (${name}) is BAD_USER_INPUT in order ${field ?? "default"}`, async () => {
        const response = await persons(Role.ANALYST, { after: make("fixture-person-2"), ...(field ? { orderBy: { field } } : {}) });
        if (field === "NAME" && codes(response).includes("FORBIDDEN")) return;
        expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
        expect(response.errors![0].extensions?.argument).toBe("after");
      });
    }
  }

  for (const field of [undefined, "SEIZURE_COUNT"]) {
    it(`a tampered cursor is BAD_USER_INPUT (order ${field ?? "default"})`, async () => {
      const orderBy = field ? { orderBy: { field } } : {};
      const page = await persons(Role.ANALYST, orderBy);
      const cursor: string = page.data!.persons.pageInfo.endCursor;
      const middle = Math.floor(cursor.length / 2);
      const tampered = cursor.slice(0, middle) + (cursor[middle] === "A" ? "B" : "A") + cursor.slice(middle + 1);
      const response = await persons(Role.ANALYST, { ...orderBy, after: tampered });
      expect(codes(response)).toEqual(["BAD_USER_INPUT"]);
    });
  }

  it("a cursor given to another role is BAD_USER_INPUT, both ways", async () => {
    const investigator = await persons(Role.INVESTIGATOR, {});
    const analyst = await persons(Role.ANALYST, {});
    expect(codes(await persons(Role.ANALYST, { after: investigator.data!.persons.pageInfo.endCursor }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await persons(Role.INVESTIGATOR, { after: analyst.data!.persons.pageInfo.endCursor }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("a cursor of another order, filter or list is BAD_USER_INPUT; the cursor as given pages on", async () => {
    const byCount = await persons(Role.ANALYST, { orderBy: { field: "SEIZURE_COUNT" } });
    const cursor: string = byCount.data!.persons.pageInfo.endCursor;
    const plain = await persons(Role.ANALYST, {});
    const plainCursor: string = plain.data!.persons.pageInfo.endCursor;
    expect(codes(await persons(Role.ANALYST, { orderBy: { field: "SHIPMENT_COUNT" }, after: cursor })), "another order").toEqual(["BAD_USER_INPUT"]);
    expect(codes(await persons(Role.ANALYST, { after: cursor })), "the default order").toEqual(["BAD_USER_INPUT"]);
    expect(codes(await persons(Role.ANALYST, { filter: { minSeizures: 1 }, after: plainCursor })), "another filter").toEqual(["BAD_USER_INPUT"]);
    const companies = await api.post(`query($after: String) { companies(first: 5, after: $after) { totalCount } }`, { after: plainCursor }, Role.ANALYST);
    expect(codes(companies), "another list").toEqual(["BAD_USER_INPUT"]);

    const next = await persons(Role.ANALYST, { after: plainCursor });
    expect(codes(next)).toEqual([]);
    const firstIds = new Set((plain.data!.persons.edges as { node: { id: string } }[]).map((edge) => edge.node.id));
    const nextIds = (next.data!.persons.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    expect(nextIds.length).toBeGreaterThan(0);
    expect(nextIds.filter((id) => firstIds.has(id))).toEqual([]);
  });
});

describe("(b) collapsed hubs show PUBLIC no real id", () => {
  it.each([["the fixture", "fixture-shipment-1"], ["a generated world", ""]])(
    "network(hubThreshold: 1) { collapsedHubs } around a shipment of %s lists only ids the nodes show, none a real id of a hidden kind",
    async (_where, fixtureSeed) => {
      const response = await api.post(
        `query($ids: [ID!]!) { network(ids: $ids, depth: 2, hubThreshold: 1, limit: 2000) { collapsedHubs nodes { id kind } } }`,
        { ids: [fixtureSeed || worldShipment] },
        Role.PUBLIC,
      );
      expect(codes(response)).toEqual([]);
      const network = response.data!.network as { collapsedHubs: string[]; nodes: { id: string; kind: string }[] };
      expect(network.collapsedHubs.length).toBeGreaterThan(0);
      const kindOf = new Map(network.nodes.map((node) => [node.id, node.kind]));
      const notShown = network.collapsedHubs.filter((id) => !kindOf.has(id)).length;
      const inClear = network.collapsedHubs.filter((id) => HIDDEN[Role.PUBLIC].includes(kindOf.get(id) ?? "") && !id.startsWith(PSEUDONYM_PREFIX)).length;
      expect({ notShown, inClear, leaks: leaksIn(response, Role.PUBLIC) }).toEqual({ notShown: 0, inClear: 0, leaks: [] });
    },
  );
});

/** The type of an argument (or of a field inside an input argument) that a TextArgument names. */
function argumentType(argument: TextArgument): GraphQLInputType | undefined {
  const match = /^Query\.(\w+)\(([\w.]+)\)$/.exec(argument.name);
  if (!match) return undefined;
  const [head, ...rest] = match[2].split(".");
  let type: GraphQLInputType | undefined = schema.getQueryType()!.getFields()[match[1]]?.args.find((arg) => arg.name === head)?.type;
  for (const part of rest) {
    const named = type ? getNamedType(type) : undefined;
    type = named && isInputObjectType(named) ? named.getFields()[part]?.type : undefined;
  }
  return type;
}

/** What a client can tell two answers apart by. */
function comparable(response: GraphQLResponse) {
  return {
    status: response.status,
    data: response.data,
    errors: (response.errors ?? []).map(({ message, path, extensions }) => ({ message, path, extensions })),
  };
}

describe("(c) no existence oracle: a hidden id and an unknown one get the same answer", () => {
  /** Every argument of a root field that takes an ID (input fields included), found by walking the schema. */
  const idArguments = () =>
    textArguments(schema).filter((argument) => {
      const type = argument.name.startsWith("Query.") ? argumentType(argument) : undefined;
      return type !== undefined && getNamedType(type).name === "ID";
    });

  it("the schema walk finds the root fields taking ids", () => {
    const names = idArguments().map((argument) => argument.name);
    expect(names).toEqual(
      expect.arrayContaining(["Query.network(ids)", "Query.connections(from)", "Query.timeline(id)", "Query.person(id)", "Query.identifier(id)", "Query.persons(filter.ids)"]),
    );
  });

  for (const role of [Role.PUBLIC, Role.ANALYST]) {
    for (const kind of HIDDEN[role]) {
      it(`${role}: every root field taking ids answers a hidden ${kind} id as it answers an unknown one`, async () => {
        const { known, unknown } = KNOWN_AND_UNKNOWN[kind];
        const differences: string[] = [];
        for (const argument of idArguments()) {
          // The walk fills other id arguments with a fixture person; here they name a shipment, which
          // every role sees, so that `connections(from, to)` does not compare an id with itself.
          const query = argument.query.replaceAll(`"${KNOWN_AND_UNKNOWN.Person.known}"`, `"fixture-shipment-1"`);
          const [a, b] = await Promise.all([
            api.post(query, { value: argument.variableFor(known) }, role),
            api.post(query, { value: argument.variableFor(unknown) }, role),
          ]);
          if (JSON.stringify(comparable(a)) !== JSON.stringify(comparable(b))) {
            differences.push(`${argument.name}: known ${JSON.stringify(codes(a))}${a.data ? " with data" : ""}, unknown ${JSON.stringify(codes(b))}${b.data ? " with data" : ""}`);
          }
        }
        expect(differences).toEqual([]);
      });
    }
  }

  it.each([Role.PUBLIC, Role.ANALYST])("%s: network, connections and timeline of a known and an unknown e-mail are identical", async (role) => {
    const queries = [
      `query($id: ID!) { network(ids: [$id]) { nodeCount nodes { id kind } } }`,
      `query($id: ID!) { connections(from: $id, to: "fixture-shipment-1") { length } }`,
      `query($id: ID!) { timeline(id: $id) { kind } }`,
    ];
    const differences: string[] = [];
    for (const query of queries) {
      const [known, unknown] = await Promise.all([
        api.post(query, { id: KNOWN_AND_UNKNOWN.Identifier.known }, role),
        api.post(query, { id: KNOWN_AND_UNKNOWN.Identifier.unknown }, role),
      ]);
      if (JSON.stringify(comparable(known)) !== JSON.stringify(comparable(unknown))) {
        differences.push(`${query.slice(17, 60)}...: known ${JSON.stringify(codes(known))}, unknown ${JSON.stringify(codes(unknown))}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe("(d) pseudonyms have one length whatever the id they hide", () => {
  it("across kinds and id lengths", async () => {
    const shown = new Set<string>();
    const collect = (value: unknown) => {
      if (typeof value === "string" && value.startsWith(PSEUDONYM_PREFIX)) shown.add(value);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    for (const ids of [["fixture-shipment-1"], ["fixture-shipment-2", "fixture-seizure-1"], [worldShipment]]) {
      collect((await api.post(`query($ids: [ID!]!) { network(ids: $ids, depth: 2) { nodes { id } collapsedHubs } }`, { ids }, Role.PUBLIC)).data);
    }
    collect((await api.post(`{ persons(first: 100) { edges { node { id identifiers { id } } } } }`, {}, Role.ANALYST)).data);
    expect(shown.size).toBeGreaterThan(20);
    const lengths = new Map<number, number>();
    for (const pseudonym of shown) lengths.set(pseudonym.length, (lengths.get(pseudonym.length) ?? 0) + 1);
    expect([...lengths.keys()], `pseudonym lengths (and how many of each): ${JSON.stringify([...lengths])}`).toHaveLength(1);
  });
});

/** The trail's record of the last operation named `name`. */
function lastRecord(name: string): AuditRecord {
  const records = readFileSync(api.config.audit.path, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as AuditRecord)
    .filter((record) => record.kind === "operation" && record.operationName === name);
  expect(records.length).toBeGreaterThan(0);
  return records.at(-1)!;
}

describe("(e) the audit record names every person an answer disclosed", () => {
  it.each([
    ["SortedByName", `query SortedByName { persons(first: 50, orderBy: { field: NAME }) { edges { cursor node { id } } pageInfo { endCursor } } }`],
    ["DefaultOrder", `query DefaultOrder { persons(first: 50) { edges { cursor node { id } } pageInfo { endCursor } } }`],
  ])("ANALYST %s: the persons its answer lets one read are the persons its record discloses", async (name, query) => {
    const response = await api.post(query, undefined, Role.ANALYST);
    const { status: _status, ...body } = response;
    const readable = [...new Set(findLeaks(body, new SecretIndex(secretsByEntity)).map((leak) => leak.kind))].filter((kind) => kind.startsWith("Person:"));
    const disclosed = lastRecord(name).disclosed.filter((entry) => entry.startsWith("Person:"));
    expect([...disclosed].sort(), "Person:<id> in the record's disclosed, against the persons the answer shows").toEqual(readable.sort());
  });
});

describe("(f) sorting persons by name below INVESTIGATOR is refused or does not follow the names", () => {
  it("ANALYST persons(orderBy: NAME)", async () => {
    const response = await persons(Role.ANALYST, { first: 100, orderBy: { field: "NAME" } });
    if (codes(response).some((code) => code === "FORBIDDEN" || code === "BAD_USER_INPUT")) return;
    expect(codes(response)).toEqual([]);
    const shown = (response.data!.persons.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    expect(shown.length).toBeGreaterThan(20);
    // The names behind the pseudonyms, as an INVESTIGATOR reads them.
    const names: string[] = [];
    for (const pseudonym of shown) {
      const one = await api.post(`query($id: ID!) { person(id: $id) { name } }`, { id: pseudonym }, Role.INVESTIGATOR);
      expect(codes(one), "an INVESTIGATOR reads the person behind an ANALYST's pseudonym").toEqual([]);
      names.push(one.data!.person.name);
    }
    // In name order every neighbour pair is ordered; in an order of the pseudonyms' own, about half.
    const ordered = names.slice(1).filter((name, index) => names[index] <= name).length;
    expect(ordered / (names.length - 1), `${ordered} of ${names.length - 1} neighbours in name order`).toBeLessThan(0.8);
  });
});
