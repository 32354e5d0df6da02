import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLEARANCE } from "../../src/auth/access.js";
import { PSEUDONYM_PREFIX } from "../../src/auth/pseudonyms.js";
import { clearedFor, Role } from "../../src/auth/role.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type GraphQLResponse, type TestApi } from "../helpers/test-api.js";

// The role-by-field matrix: every personal field, asked for directly by every role, and every view
// that lists entities (lists, network and its exports, connections, search, timeline) scanned for
// any personal value of the world, taken from the generator's CSV rows.

let api: TestApi;
let world: GeneratedWorld;
const logLines: string[] = [];

/** Person names and aliases, identifier values as normalised and as written, and person ids. */
let personal: string[];
/** Company names: PUBLIC must not see them either. */
let companyNames: string[];

let person: { id: string; name: string };
let company: { id: string; name: string };
let identifierId: string;
let seizureId: string;
let shipmentId: string;
let officer: { personId: string; companyId: string };

beforeAll(async () => {
  [api, world] = await Promise.all([
    startTestApi({ logLines }),
    importGeneratedWorld("access", { seed: "access", shipments: 150 }),
  ]);
  const rows = world.network.rows;
  personal = [
    ...rows.persons.flatMap((row) => [row.name, ...(row.aliases ?? "").split(";")]),
    ...rows.identifiers.flatMap((row) => [row.value, row.rawValue]),
    ...rows.persons.map((row) => world.id(row.id)),
  ].filter((text): text is string => typeof text === "string" && text.length >= 5);
  companyNames = rows.companies.map((row) => row.name).filter((name) => name.length >= 5);

  const arrest = rows.arrests[0];
  const arrested = rows.persons.find((row) => row.id === arrest.personId)!;
  person = { id: world.id(arrested.id), name: arrested.name };
  seizureId = world.id(arrest.seizureId);
  shipmentId = world.id(rows.seizures.find((row) => row.id === arrest.seizureId)!.shipmentId!);
  const firstCompany = rows.companies[0];
  company = { id: world.id(firstCompany.id), name: firstCompany.name };
  identifierId = world.id(rows.identifierHolders.find((row) => row.holderKind === "Person")!.identifierId);
  const office = rows.officers[0];
  officer = { personId: world.id(office.personId), companyId: world.id(office.companyId) };
}, 300_000);

afterAll(async () => {
  await api?.close();
  await world?.remove();
});

const BELOW: Record<Role, Role[]> = {
  [Role.PUBLIC]: [],
  [Role.ANALYST]: [Role.PUBLIC],
  [Role.INVESTIGATOR]: [Role.PUBLIC, Role.ANALYST],
  [Role.ADMIN]: [Role.PUBLIC, Role.ANALYST, Role.INVESTIGATOR],
};
const ALL_ROLES = [Role.PUBLIC, Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN];

function codes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((error) => error.extensions?.code ?? "none");
}

/** The id of an entity as `role` names it: in clear, or the pseudonym it was shown. */
function shown(role: Role, kind: "Person" | "Company" | "Identifier", id: string): string {
  return clearedFor(role, CLEARANCE[kind]!) ? id : api.security.pseudonyms.id(kind, id);
}

/** Personal values of the world that appear in a response. */
function leaked(response: unknown, values: readonly string[]): string[] {
  const text = JSON.stringify(response);
  return values.filter((value) => text.includes(value));
}

describe("asking directly for a personal field", () => {
  // Each field with the least role that may read it; `ask` builds the request from the world.
  const fields: { field: string; needed: Role; ask: (role: Role) => [string, Record<string, unknown>] }[] = [
    { field: "Person.name", needed: Role.INVESTIGATOR, ask: (role: Role) => [`query($id: ID!) { person(id: $id) { name } }`, { id: shown(role, "Person", person.id) }] },
    { field: "Person.aliases", needed: Role.INVESTIGATOR, ask: (role: Role) => [`query($id: ID!) { person(id: $id) { aliases } }`, { id: shown(role, "Person", person.id) }] },
    { field: "Person.birthYear", needed: Role.INVESTIGATOR, ask: (role: Role) => [`query($id: ID!) { person(id: $id) { birthYear } }`, { id: shown(role, "Person", person.id) }] },
    { field: "Query.person", needed: Role.ANALYST, ask: (role: Role) => [`query($id: ID!) { person(id: $id) { seizureCount } }`, { id: shown(role, "Person", person.id) }] },
    { field: "Query.persons", needed: Role.ANALYST, ask: (role: Role) => [`{ persons(first: 5) { totalCount } }`, {}] },
    {
      field: "Identifier.value",
      needed: Role.INVESTIGATOR,
      ask: (role: Role) => [`query($id: ID!) { person(id: $id) { identifiers { value } } }`, { id: shown(role, "Person", person.id) }],
    },
    {
      field: "Identifier.rawValue",
      needed: Role.INVESTIGATOR,
      ask: (role: Role) => [`query($id: ID!) { person(id: $id) { identifiers { rawValue } } }`, { id: shown(role, "Person", person.id) }],
    },
    { field: "Query.identifier", needed: Role.INVESTIGATOR, ask: (role: Role) => [`query($id: ID!) { identifier(id: $id) { kind } }`, { id: shown(role, "Identifier", identifierId) }] },
    {
      field: "Person.sharedIdentifiers",
      needed: Role.INVESTIGATOR,
      ask: (role: Role) => [`query($id: ID!) { person(id: $id) { sharedIdentifiers { sharedCount } } }`, { id: shown(role, "Person", person.id) }],
    },
    {
      field: "Query.sharedIdentifiers",
      needed: Role.INVESTIGATOR,
      ask: (role: Role) => [`query($id: ID!) { sharedIdentifiers(id: $id) { sharedCount } }`, { id: shown(role, "Person", person.id) }],
    },
    { field: "Company.name", needed: Role.ANALYST, ask: (role: Role) => [`query($id: ID!) { company(id: $id) { name } }`, { id: shown(role, "Company", company.id) }] },
    { field: "Query.companies", needed: Role.ANALYST, ask: (role: Role) => [`{ companies(first: 5) { edges { node { name } } } }`, {}] },
    {
      field: "Company.officers",
      needed: Role.INVESTIGATOR,
      ask: (role: Role) => [`query($id: ID!) { company(id: $id) { officers { person { name } } } }`, { id: shown(role, "Company", officer.companyId) }],
    },
    {
      field: "Seizure.arrests",
      needed: Role.ANALYST,
      ask: (role: Role) => [`query($id: ID!) { seizure(id: $id) { arrests { charge } } }`, { id: seizureId }],
    },
    {
      field: "Shipment.parties",
      needed: Role.ANALYST,
      ask: (role: Role) => [`query($id: ID!) { shipment(id: $id) { parties { role } } }`, { id: shipmentId }],
    },
    {
      field: "Shipment.parties.party.name",
      needed: Role.INVESTIGATOR,
      ask: (role: Role) => [`query($id: ID!) { shipment(id: $id) { parties { party { ... on Person { name } } } } }`, { id: shipmentId }],
    },
    { field: "Seizure.sources", needed: Role.ANALYST, ask: (role: Role) => [`query($id: ID!) { seizure(id: $id) { sources { row } } }`, { id: seizureId }] },
    {
      field: "Query.connections",
      needed: Role.ANALYST,
      ask: (role: Role) => [`query($a: ID!, $b: ID!) { connections(from: $a, to: $b) { length } }`, { a: shown(role, "Person", officer.personId), b: shown(role, "Company", officer.companyId) }],
    },
    { field: "Query.rings", needed: Role.ANALYST, ask: (role: Role) => [`{ rings(first: 1) { state } }`, {}] },
    { field: "Query.timeline", needed: Role.ANALYST, ask: (role: Role) => [`query($id: ID!) { timeline(id: $id) { kind } }`, { id: shown(role, "Person", person.id) }] },
  ];

  for (const { field, needed, ask } of fields) {
    for (const role of ALL_ROLES) {
      const allowed = !BELOW[needed].includes(role);
      it(`${field}: ${role} ${allowed ? "reads it" : "gets FORBIDDEN"}`, async () => {
        const [query, variables] = ask(role);
        const response = await api.post(query, variables, role);
        if (allowed) {
          expect(codes(response)).toEqual([]);
          expect(response.data).not.toBeNull();
        } else {
          expect(codes(response)).toContain("FORBIDDEN");
          expect(leaked(response, personal)).toEqual([]);
          if (role === Role.PUBLIC) expect(leaked(response, companyNames)).toEqual([]);
        }
      });
    }
  }

  it("an INVESTIGATOR reads the name the source gives", async () => {
    const response = await api.post(`query($id: ID!) { person(id: $id) { id name } }`, { id: person.id }, Role.INVESTIGATOR);
    expect(response.data?.person).toEqual({ id: person.id, name: person.name });
  });

  it("FORBIDDEN names the field and the role it needs, and no value", async () => {
    const response = await api.post(`query($id: ID!) { person(id: $id) { name } }`, { id: shown(Role.ANALYST, "Person", person.id) }, Role.ANALYST);
    expect(response.errors?.[0]).toMatchObject({
      message: "Your role may not read Person.name; it needs INVESTIGATOR or above",
      path: ["person", "name"],
      extensions: { code: "FORBIDDEN" },
    });
  });
});

describe("views that list entities", () => {
  const networkQuery = `query($ids: [ID!]!) {
    network(ids: $ids, depth: 2, limit: 400) {
      nodes { id kind label properties }
      edges { id source target type }
      graphml
      csv { nodes edges }
    }
  }`;

  it("PUBLIC and ANALYST see persons and identifiers in a network only under pseudonyms, INVESTIGATOR in clear", async () => {
    for (const role of ALL_ROLES) {
      const response = await api.post(networkQuery, { ids: [shipmentId] }, role);
      expect(codes(response)).toEqual([]);
      const nodes = response.data!.network.nodes as { id: string; kind: string; label: string }[];
      const persons = nodes.filter((node) => node.kind === "Person");
      expect(persons.length).toBeGreaterThan(0);
      if (role === Role.PUBLIC || role === Role.ANALYST) {
        expect(leaked(response, personal)).toEqual([]);
        for (const node of persons) {
          expect(node.id.startsWith(PSEUDONYM_PREFIX)).toBe(true);
          expect(node.label).toMatch(/^Person [0-9A-F]{6}$/);
        }
        const companies = nodes.filter((node) => node.kind === "Company");
        expect(companies.every((node) => node.id.startsWith(PSEUDONYM_PREFIX))).toBe(role === Role.PUBLIC);
        if (role === Role.PUBLIC) expect(leaked(response, companyNames)).toEqual([]);
      } else {
        // The scan finds names where they are allowed: it is not blind.
        expect(leaked(response, personal).length).toBeGreaterThan(0);
      }
      const ids = new Set(nodes.map((node) => node.id));
      for (const edge of response.data!.network.edges as { source: string; target: string }[]) {
        expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      }
    }
  });

  it("a pseudonym is stable and can be expanded without revealing the person", async () => {
    const first = await api.post(networkQuery, { ids: [shipmentId] }, Role.PUBLIC);
    const again = await api.post(networkQuery, { ids: [shipmentId] }, Role.PUBLIC);
    expect(again.data!.network.nodes).toEqual(first.data!.network.nodes);
    const pseudonym = (first.data!.network.nodes as { id: string; kind: string }[]).find((node) => node.kind === "Person")!.id;
    const expanded = await api.post(networkQuery, { ids: [pseudonym] }, Role.PUBLIC);
    expect(codes(expanded)).toEqual([]);
    expect((expanded.data!.network.nodes as { id: string }[])[0].id).toBe(pseudonym);
    expect(leaked(expanded, personal)).toEqual([]);
  });

  it("a pseudonym of an id too long to hold whole expands that entity, not another that starts alike", async () => {
    const stem = `ADDRESS:${world.id("access-long")} 12 nguyen trai street, thanh xuan district, hanoi`;
    const [long, twin] = [`${stem}, viet nam`, `${stem}, vietnam`];
    await api.executor.write(
      `UNWIND $ids AS id MERGE (i:Identifier:Synthetic {id: id}) SET i.kind = "ADDRESS", i.value = id
       MERGE (p:Person:Synthetic {id: id + "-holder"}) MERGE (p)-[:HAS_IDENTIFIER]->(i)`,
      { ids: [long, twin] },
    );
    try {
      const pseudonym = api.security.pseudonyms.id("Identifier", long);
      expect(pseudonym.length).toBe(api.security.pseudonyms.id("Person", person.id).length);
      const expanded = await api.post(networkQuery, { ids: [pseudonym] }, Role.PUBLIC);
      expect(codes(expanded)).toEqual([]);
      const nodes = expanded.data!.network.nodes as { id: string }[];
      expect(nodes.map((node) => node.id)).toEqual([pseudonym, api.security.pseudonyms.id("Person", `${long}-holder`)]);
      expect(JSON.stringify(expanded)).not.toContain("nguyen trai");
    } finally {
      await api.executor.write(`UNWIND $ids AS id MATCH (n:Identifier|Person {id: id}) DETACH DELETE n`, { ids: [long, twin, `${long}-holder`, `${twin}-holder`] });
    }
  });

  it("lists of persons give ANALYST pseudonymous ids and counts, and no names", async () => {
    const response = await api.post(
      `query($ids: [ID!]) { persons(filter: { ids: $ids }, first: 20) { edges { node { id seizureCount identifiers { id kind } shipments { role } } } } }`,
      { ids: [shown(Role.ANALYST, "Person", person.id)] },
      Role.ANALYST,
    );
    expect(codes(response)).toEqual([]);
    const [edge] = response.data!.persons.edges;
    expect(edge.node.id.startsWith(PSEUDONYM_PREFIX)).toBe(true);
    expect(edge.node.identifiers.every((identifier: { id: string }) => identifier.id.startsWith(PSEUDONYM_PREFIX))).toBe(true);
    expect(leaked(response, personal)).toEqual([]);
    // The pseudonym leads back to the same person.
    const again = await api.post(`query($id: ID!) { person(id: $id) { id seizureCount } }`, { id: edge.node.id }, Role.ANALYST);
    expect(again.data!.person).toEqual({ id: edge.node.id, seizureCount: edge.node.seizureCount });
  });

  it("connections and timelines show ANALYST persons under pseudonyms", async () => {
    const paths = await api.post(
      `query($a: ID!, $b: ID!) { connections(from: $a, to: $b) { nodes { id kind label } hops { from to } explanation } }`,
      { a: shown(Role.ANALYST, "Person", officer.personId), b: officer.companyId },
      Role.ANALYST,
    );
    expect(codes(paths)).toEqual([]);
    expect(paths.data!.connections.length).toBeGreaterThan(0);
    expect(leaked(paths, personal)).toEqual([]);
    const timeline = await api.post(`query($id: ID!) { timeline(id: $id) { title entity { id label } } }`, { id: shown(Role.ANALYST, "Person", person.id) }, Role.ANALYST);
    expect(codes(timeline)).toEqual([]);
    expect(timeline.data!.timeline.length).toBeGreaterThan(0);
    expect(leaked(timeline, personal)).toEqual([]);
  });

  it("search leaves out persons and identifiers below INVESTIGATOR, and companies for PUBLIC", async () => {
    for (const role of ALL_ROLES) {
      const byName = await api.post(`query($q: String!) { search(query: $q, first: 20) { edges { node { id kind label } } } }`, { q: person.name }, role);
      expect(codes(byName)).toEqual([]);
      const kinds = new Set((byName.data!.search.edges as { node: { kind: string } }[]).map((edge) => edge.node.kind));
      expect(kinds.has("Person")).toBe(role === Role.INVESTIGATOR || role === Role.ADMIN);
      if (role === Role.PUBLIC || role === Role.ANALYST) expect(leaked(byName, personal)).toEqual([]);
      const byCompany = await api.post(`query($q: String!) { search(query: $q, first: 20) { edges { node { kind label } } } }`, { q: company.name }, role);
      if (role === Role.PUBLIC) expect(leaked(byCompany, companyNames)).toEqual([]);
    }
    const asked = await api.post(`{ search(query: "nguyen", kinds: [Person]) { totalCount } }`, {}, Role.ANALYST);
    expect(codes(asked)).toEqual(["FORBIDDEN"]);
  });

  it("seizures with arrests and their shipments carry no personal value for PUBLIC", async () => {
    const seizureIds = [...new Set(world.network.rows.arrests.map((row) => world.id(row.seizureId)))].slice(0, 10);
    for (const id of seizureIds) {
      const response = await api.post(
        `query($id: ID!) { seizure(id: $id) { id description locationText outcome arrestCount shipments { id declaredContents } } }`,
        { id },
        Role.PUBLIC,
      );
      expect(codes(response)).toEqual([]);
      expect(response.data!.seizure.id).toBe(id);
      expect(leaked(response, personal)).toEqual([]);
    }
  });

  it("nothing personal was logged", () => {
    expect(leaked(logLines, personal)).toEqual([]);
  });
});
