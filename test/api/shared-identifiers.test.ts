import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * `sharedIdentifiers` over a generated network. The expected sharers of a party are worked out
 * here from the generator's identifier-holders.csv rows: every other holder of an identifier the
 * party holds, with how many such identifiers and which.
 */
let api: TestApi;
let world: GeneratedWorld;
let registry: CypherRegistry;

interface ExpectedSharer {
  id: string;
  kind: string;
  sharedCount: number;
  identifiers: string[];
}

const SHARER_FIELDS = `party { __typename ... on Person { id name } ... on Company { id name } }
  sharedCount identifiers { id kind value rawValue }`;

beforeAll(async () => {
  [api, world, registry] = await Promise.all([
    startTestApi(),
    importGeneratedWorld("sharers", { seed: "paths", shipments: 300 }),
    CypherRegistry.load(),
  ]);
}, 420_000);

afterAll(async () => {
  await world?.remove();
  await api?.close();
});

/** The sharers of a party (generated ids), ranked by count then id, from the CSV rows. */
function expectedSharers(partyId: string, kinds: string[] | null = null): ExpectedSharer[] {
  const rows = world.network.rows.identifierHolders;
  const kindOf = new Map(world.network.rows.identifiers.map((row) => [row.id, row.kind]));
  const held = new Set(rows.filter((row) => row.holderId === partyId).map((row) => row.identifierId));
  const shared = new Map<string, { kind: string; identifiers: Set<string> }>();
  for (const row of rows) {
    if (row.holderId === partyId || !held.has(row.identifierId)) continue;
    if (kinds && !kinds.includes(kindOf.get(row.identifierId)!)) continue;
    const entry = shared.get(row.holderId) ?? { kind: row.holderKind, identifiers: new Set<string>() };
    entry.identifiers.add(row.identifierId);
    shared.set(row.holderId, entry);
  }
  return [...shared.entries()]
    .map(([id, entry]) => ({
      id: world.id(id),
      kind: entry.kind,
      sharedCount: entry.identifiers.size,
      identifiers: [...entry.identifiers].map((identifier) => world.id(identifier)).sort(),
    }))
    .sort((a, b) => b.sharedCount - a.sharedCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What the sharer queries sent since the last reset read of each sharer (their flags). */
function sharerReads(): { partyProperties: unknown; identifierValues: unknown }[] {
  return api.queries.flatMap((query, index) =>
    query === registry.text("sharedIdentifiersOfParties")
      ? [{ partyProperties: api.queryParameters[index]!.partyProperties, identifierValues: api.queryParameters[index]!.identifierValues }]
      : [],
  );
}

function simplify(sharers: any[]): ExpectedSharer[] {
  return sharers.map((sharer) => ({
    id: sharer.party.id,
    kind: sharer.party.__typename,
    sharedCount: sharer.sharedCount,
    identifiers: sharer.identifiers.map((identifier: { id: string }) => identifier.id),
  }));
}

/** Ring members (generated ids): persons and companies of the first rings. */
function ringMembers(kind: "Person" | "Company", count: number): string[] {
  return world.network.truth.rings.flatMap((ring) => ring.members.filter((member) => member.kind === kind).map((member) => member.id)).slice(0, count);
}

describe("the root field", () => {
  it("gives exactly the parties that share identifiers with ring members, with counts and identifiers, ranked", async () => {
    const members = [...ringMembers("Person", 4), ...ringMembers("Company", 2)];
    let total = 0;
    for (const member of members) {
      const expected = expectedSharers(member);
      expect(expected.length).toBeGreaterThan(0);
      total += expected.length;
      const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id, first: 100) { ${SHARER_FIELDS} } }`, { id: world.id(member) });
      expect(response.errors).toBeUndefined();
      expect(simplify(response.data!.sharedIdentifiers)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(members.length);
  });

  it("returns each identifier's kind and values as the generator wrote them", async () => {
    const [member] = ringMembers("Person", 1);
    const byId = new Map(world.network.rows.identifiers.map((row) => [world.id(row.id), row]));
    const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id) { ${SHARER_FIELDS} } }`, { id: world.id(member) });
    for (const sharer of response.data!.sharedIdentifiers) {
      for (const identifier of sharer.identifiers) {
        const row = byId.get(identifier.id)!;
        expect({ kind: identifier.kind, value: identifier.value, rawValue: identifier.rawValue }).toEqual({
          kind: row.kind,
          value: row.value,
          rawValue: row.rawValue === "" ? null : row.rawValue,
        });
      }
    }
  });

  it("`kinds` keeps only identifiers of those kinds, and counts only them", async () => {
    const members = ringMembers("Person", 6);
    let nonEmpty = 0;
    for (const member of members) {
      const expected = expectedSharers(member, ["PHONE", "EMAIL"]);
      if (expected.length > 0) nonEmpty += 1;
      const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id, kinds: [PHONE, EMAIL], first: 100) { ${SHARER_FIELDS} } }`, {
        id: world.id(member),
      });
      expect(response.errors).toBeUndefined();
      expect(simplify(response.data!.sharedIdentifiers)).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it("asked for ids alone, gives the same sharers and reads neither the parties' properties nor the identifiers' values", async () => {
    const member = ringMembers("Person", 10).find((id) => expectedSharers(id).length > 1)!;
    api.resetQueries();
    const response = await api.post(
      `query($id: ID!) { sharedIdentifiers(id: $id, first: 100) { party { __typename ... on Person { id } ... on Company { id } } sharedCount identifiers { id kind } } }`,
      { id: world.id(member) },
    );
    expect(response.errors).toBeUndefined();
    expect(simplify(response.data!.sharedIdentifiers)).toEqual(expectedSharers(member));
    expect(sharerReads()).toEqual([{ partyProperties: false, identifierValues: false }]);
  });

  it("reads what a fragment asks: names through a named fragment, values through an inline one", async () => {
    const member = ringMembers("Person", 10).find((id) => expectedSharers(id).length > 1)!;
    const names = new Map([...world.network.rows.persons, ...world.network.rows.companies].map((row) => [world.id(row.id), row.name]));
    const values = new Map(world.network.rows.identifiers.map((row) => [world.id(row.id), row.value]));
    api.resetQueries();
    const response = await api.post(
      `query($id: ID!) { sharedIdentifiers(id: $id, first: 100) { party { ...Named } identifiers { id ... on Identifier { value } } } }
       fragment Named on Party { ... on Person { id name } ... on Company { id name } }`,
      { id: world.id(member) },
    );
    expect(response.errors).toBeUndefined();
    expect(sharerReads()).toEqual([{ partyProperties: true, identifierValues: true }]);
    const sharers = response.data!.sharedIdentifiers as { party: { id: string; name: string }; identifiers: { id: string; value: string }[] }[];
    expect(sharers.length).toBeGreaterThan(1);
    for (const sharer of sharers) {
      expect(sharer.party.name).toBe(names.get(sharer.party.id));
      for (const identifier of sharer.identifiers) expect(identifier.value).toBe(values.get(identifier.id));
    }
  });

  it("refuses PUBLIC and ANALYST callers before anything of the sharers is read, whatever they ask", async () => {
    const member = ringMembers("Person", 10).find((id) => expectedSharers(id).length > 1)!;
    for (const role of [Role.PUBLIC, Role.ANALYST]) {
      for (const fields of ["party { ... on Person { id } } identifiers { id }", SHARER_FIELDS]) {
        api.resetQueries();
        const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id, first: 100) { ${fields} } }`, { id: world.id(member) }, role);
        expect(response.errors?.[0]?.extensions?.code, `${role} ${fields}`).toBe("FORBIDDEN");
        expect(response.data?.sharedIdentifiers ?? null).toBeNull();
        expect(sharerReads()).toEqual([]);
      }
    }
  });

  it("`first` keeps the top of the ranking", async () => {
    const member = ringMembers("Person", 10).find((id) => expectedSharers(id).length > 3)!;
    const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id, first: 3) { ${SHARER_FIELDS} } }`, { id: world.id(member) });
    expect(simplify(response.data!.sharedIdentifiers)).toEqual(expectedSharers(member).slice(0, 3));
  });

  it("an outsider with no shared identifier gets an empty list", async () => {
    const holders = new Map<string, number>();
    for (const row of world.network.rows.identifierHolders) holders.set(row.identifierId, (holders.get(row.identifierId) ?? 0) + 1);
    const lonely = world.network.rows.persons.find((person) =>
      world.network.rows.identifierHolders.filter((row) => row.holderId === person.id).every((row) => holders.get(row.identifierId) === 1),
    )!;
    const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id) { sharedCount } }`, { id: world.id(lonely.id) });
    expect(response.errors).toBeUndefined();
    expect(response.data!.sharedIdentifiers).toEqual([]);
  });

  it.each([
    { case: "an unknown id", id: () => `${world.prefix}no-such-party` },
    { case: "the id of a seizure", id: () => world.id(world.network.rows.seizures[0].id) },
  ])("$case: NOT_FOUND naming id", async ({ id }) => {
    const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id) { sharedCount } }`, { id: id() });
    expect(response.errors?.[0].extensions).toEqual({ code: "NOT_FOUND", argument: "id" });
    expect(response.errors?.[0].message).not.toContain(id());
  });

  it.each([
    { case: "first of 0", args: "first: 0", argument: "first" },
    { case: "first over 100", args: "first: 101", argument: "first" },
    { case: "no kinds", args: "kinds: []", argument: "kinds" },
  ])("$case: BAD_USER_INPUT naming $argument", async ({ args, argument }) => {
    const [member] = ringMembers("Person", 1);
    const response = await api.post(`query($id: ID!) { sharedIdentifiers(id: $id, ${args}) { sharedCount } }`, { id: world.id(member) });
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument });
  });
});

describe("the Person and Company fields", () => {
  it("twenty persons asking for their sharers cost one batched round trip for the sharers", async () => {
    const members = ringMembers("Person", 20);
    expect(members).toHaveLength(20);
    const fields = members.map((_, i) => `p${i}: person(id: $id${i}) { id sharedIdentifiers(first: 100) { ${SHARER_FIELDS} } }`).join("\n");
    const variables = Object.fromEntries(members.map((member, i) => [`id${i}`, world.id(member)]));
    const declarations = members.map((_, i) => `$id${i}: ID!`).join(", ");
    api.resetQueries();
    const response = await api.post(`query(${declarations}) { ${fields} }`, variables);
    expect(response.errors).toBeUndefined();
    members.forEach((member, i) => {
      expect(simplify(response.data![`p${i}`].sharedIdentifiers)).toEqual(expectedSharers(member));
    });
    const sharerQueries = api.queries.filter((query) => query === registry.text("sharedIdentifiersOfParties"));
    expect(sharerQueries).toHaveLength(1);
    // The persons' batch and the sharers' batch.
    expect(api.queries).toHaveLength(2);
  });

  it("Company.sharedIdentifiers gives a company's sharers", async () => {
    const [company] = ringMembers("Company", 1);
    const response = await api.post(`query($id: ID!) { company(id: $id) { sharedIdentifiers(first: 100) { ${SHARER_FIELDS} } } }`, {
      id: world.id(company),
    });
    expect(response.errors).toBeUndefined();
    expect(simplify(response.data!.company.sharedIdentifiers)).toEqual(expectedSharers(company));
  });
});
