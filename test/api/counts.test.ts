import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * Relationship counts as fields, sort keys and filters of the persons and companies lists, over
 * real HTTP on a generated world. Expected counts come from the generator's CSV rows, not from the
 * graph: a person's seizures are those they were arrested in plus those that intercepted a shipment
 * they were a party to; a company's seizures are those that intercepted a shipment it was a party to.
 * Lists are restricted to the world with the `ids` filter, since other test files add persons too.
 */
let api: TestApi;
let world: GeneratedWorld;

interface PersonCounts {
  seizureCount: number;
  shipmentCount: number;
  identifierCount: number;
  companyCount: number;
}
interface CompanyCounts {
  shipmentCount: number;
  seizureCount: number;
  officerCount: number;
  identifierCount: number;
}

/** Graph id → expected counts, and names for the NAME order. */
let persons: Map<string, PersonCounts>;
let companies: Map<string, CompanyCounts>;
let personNames: Map<string, string>;

beforeAll(async () => {
  [api, world] = await Promise.all([startTestApi(), importGeneratedWorld("counts", { seed: "counts", shipments: 300 })]);
  ({ persons, companies, personNames } = expectedCounts(world));
}, 240_000);

afterAll(async () => {
  await api?.close();
  await world?.remove();
});

function expectedCounts(w: GeneratedWorld) {
  const rows = w.network.rows;
  const setsOf = () => new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  const shipmentsOf = setsOf();
  for (const row of rows.parties) add(shipmentsOf, `${row.partyKind}:${row.partyId}`, row.shipmentId);
  const seizuresOfShipment = setsOf();
  for (const row of rows.seizures) add(seizuresOfShipment, row.shipmentId, row.id);
  const arrestsOf = setsOf();
  for (const row of rows.arrests) add(arrestsOf, row.personId, row.seizureId);
  const identifiersOf = setsOf();
  for (const row of rows.identifierHolders) add(identifiersOf, `${row.holderKind}:${row.holderId}`, row.identifierId);
  const companiesOf = setsOf();
  const officersOf = setsOf();
  for (const row of rows.officers) {
    add(companiesOf, row.personId, row.companyId);
    add(officersOf, row.companyId, row.personId);
  }
  const seizuresVia = (shipments: Set<string> | undefined) =>
    [...(shipments ?? [])].flatMap((shipment) => [...(seizuresOfShipment.get(shipment) ?? [])]);

  const persons = new Map<string, PersonCounts>();
  const personNames = new Map<string, string>();
  for (const row of rows.persons) {
    const shipments = shipmentsOf.get(`Person:${row.id}`);
    const seizures = new Set([...(arrestsOf.get(row.id) ?? []), ...seizuresVia(shipments)]);
    persons.set(w.id(row.id), {
      seizureCount: seizures.size,
      shipmentCount: shipments?.size ?? 0,
      identifierCount: identifiersOf.get(`Person:${row.id}`)?.size ?? 0,
      companyCount: companiesOf.get(row.id)?.size ?? 0,
    });
    personNames.set(w.id(row.id), row.name);
  }
  const companies = new Map<string, CompanyCounts>();
  for (const row of rows.companies) {
    const shipments = shipmentsOf.get(`Company:${row.id}`);
    companies.set(w.id(row.id), {
      shipmentCount: shipments?.size ?? 0,
      seizureCount: new Set(seizuresVia(shipments)).size,
      officerCount: officersOf.get(row.id)?.size ?? 0,
      identifierCount: identifiersOf.get(`Company:${row.id}`)?.size ?? 0,
    });
  }
  return { persons, companies, personNames };
}

/** Code-unit order, as Cypher compares strings. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids sorted by a value, then by id ascending. */
function sortedIds<V>(map: Map<string, V>, value: (v: V, id: string) => number | string, descending: boolean): string[] {
  return [...map.keys()].sort((a, b) => {
    const [va, vb] = [value(map.get(a)!, a), value(map.get(b)!, b)];
    const byValue = typeof va === "number" ? (va as number) - (vb as number) : compareText(va as string, vb as string);
    return (descending ? -byValue : byValue) || compareText(a, b);
  });
}

const PERSON_FIELDS = "id seizureCount shipmentCount identifierCount companyCount";
const COMPANY_FIELDS = "id shipmentCount seizureCount officerCount identifierCount";

/** Every page of a list, following endCursor; checks each page's size and cursors on the way. */
async function allPages(
  root: "persons" | "companies",
  args: { filter: object; orderBy?: object },
  first: number,
  fields = "id",
): Promise<{ nodes: any[]; totalCount: number; pages: number }> {
  const type = root === "persons" ? "Person" : "Company";
  const nodes: any[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 1; pages < 1000; pages += 1) {
    const response = await api.post(
      `query($filter: ${type}Filter, $orderBy: ${type}Order, $first: Int, $after: String) {
        ${root}(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } }
        }
      }`,
      { ...args, first, after },
    );
    expect(response.errors).toBeUndefined();
    const page = response.data![root];
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((edge: any) => edge.node));
    if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(first);
    if (page.edges.length > 0) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error("the list never ended");
}

describe("count fields", () => {
  it("gives every person of the world the counts of the generator's rows", async () => {
    const ids = [...persons.keys()];
    const { nodes } = await allPages("persons", { filter: { ids } }, 100, PERSON_FIELDS);
    expect(nodes.map((node) => node.id)).toEqual([...ids].sort(compareText));
    for (const { id, ...counts } of nodes) expect(counts, id).toEqual(persons.get(id));
    // The world has persons with several of each, so the counts are not trivially 0 or 1.
    for (const field of ["seizureCount", "shipmentCount", "identifierCount", "companyCount"] as const) {
      expect(Math.max(...[...persons.values()].map((counts) => counts[field])), field).toBeGreaterThan(1);
    }
  });

  it("gives every company of the world the counts of the generator's rows", async () => {
    const ids = [...companies.keys()];
    const { nodes } = await allPages("companies", { filter: { ids } }, 100, COMPANY_FIELDS);
    expect(nodes.map((node) => node.id)).toEqual([...ids].sort(compareText));
    for (const { id, ...counts } of nodes) expect(counts, id).toEqual(companies.get(id));
    for (const field of ["shipmentCount", "seizureCount", "officerCount"] as const) {
      expect(Math.max(...[...companies.values()].map((counts) => counts[field])), field).toBeGreaterThan(1);
    }
  });

  it("gives the counts of one person looked up by id", async () => {
    const sum = (c: PersonCounts) => c.seizureCount + c.shipmentCount + c.identifierCount + c.companyCount;
    const [id, counts] = [...persons.entries()].sort(([, a], [, b]) => sum(b) - sum(a))[0];
    expect(counts.seizureCount * counts.shipmentCount * counts.identifierCount).toBeGreaterThan(0);
    const response = await api.post(`query($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`, { id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.person).toEqual({ id, ...counts });
  });

  it("costs a bounded number of round trips for a page of 20 with every count field", async () => {
    const ids = [...persons.keys()];
    for (const orderBy of [null, { field: "SEIZURE_COUNT", direction: "DESC" }]) {
      api.resetQueries();
      const response = await api.post(
        `query($filter: PersonFilter, $orderBy: PersonOrder) {
          persons(filter: $filter, orderBy: $orderBy, first: 20) { edges { node { ${PERSON_FIELDS} } } }
        }`,
        { filter: { ids }, orderBy },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.persons.edges).toHaveLength(20);
      // One query for the page and the counts of its 20 persons (all four fields at once).
      expect(api.queries, JSON.stringify(orderBy)).toHaveLength(1);
    }
  });
});

describe("sorting by a count", () => {
  it("orders persons by SEIZURE_COUNT DESC, ties by id, across pages of 7 without repeats or gaps", async () => {
    const ids = [...persons.keys()];
    const expected = sortedIds(persons, (c) => c.seizureCount, true);
    const { nodes, totalCount, pages } = await allPages(
      "persons",
      { filter: { ids }, orderBy: { field: "SEIZURE_COUNT", direction: "DESC" } },
      7,
      "id seizureCount",
    );
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(nodes.map((node) => node.id)).toEqual(expected);
    expect(nodes.map((node) => node.seizureCount)).toEqual(expected.map((id) => persons.get(id)!.seizureCount));
    expect(totalCount).toBe(expected.length);
    // Ties across page boundaries are what the id in the cursor is for.
    expect(new Set(expected.map((id) => persons.get(id)!.seizureCount)).size).toBeLessThan(expected.length / 7);
  });

  it.each([
    ["SHIPMENT_COUNT", "ASC", (c: PersonCounts) => c.shipmentCount],
    ["IDENTIFIER_COUNT", "DESC", (c: PersonCounts) => c.identifierCount],
    ["COMPANY_COUNT", "DESC", (c: PersonCounts) => c.companyCount],
  ] as const)("orders persons by %s %s", async (field, direction, value) => {
    const ids = [...persons.keys()];
    const { nodes } = await allPages("persons", { filter: { ids }, orderBy: { field, direction } }, 40);
    expect(nodes.map((node) => node.id)).toEqual(sortedIds(persons, value, direction === "DESC"));
  });

  it("orders persons by NAME and by ID DESC", async () => {
    const ids = [...persons.keys()];
    const byName = await allPages("persons", { filter: { ids }, orderBy: { field: "NAME" } }, 25);
    expect(byName.nodes.map((node) => node.id)).toEqual(sortedIds(personNames, (name) => name, false));
    const byIdDesc = await allPages("persons", { filter: { ids }, orderBy: { field: "ID", direction: "DESC" } }, 25);
    expect(byIdDesc.nodes.map((node) => node.id)).toEqual([...ids].sort(compareText).reverse());
  });

  it("orders companies by SHIPMENT_COUNT DESC and by SEIZURE_COUNT ASC, across pages", async () => {
    const ids = [...companies.keys()];
    const byShipments = await allPages("companies", { filter: { ids }, orderBy: { field: "SHIPMENT_COUNT", direction: "DESC" } }, 6, "id shipmentCount");
    expect(byShipments.nodes.map((node) => node.id)).toEqual(sortedIds(companies, (c) => c.shipmentCount, true));
    expect(byShipments.totalCount).toBe(ids.length);
    const bySeizures = await allPages("companies", { filter: { ids }, orderBy: { field: "SEIZURE_COUNT", direction: "ASC" } }, 6);
    expect(bySeizures.nodes.map((node) => node.id)).toEqual(sortedIds(companies, (c) => c.seizureCount, false));
  });

  // No ids filter: the whole list (sorted from the seizures' side) holds other files' entities too,
  // among which the world's keep their order.
  it.each([
    ["persons", "DESC"],
    ["companies", "ASC"],
  ] as const)("orders the whole list of %s by SEIZURE_COUNT %s as the world's rows say", async (root, direction) => {
    const expected: Map<string, { seizureCount: number }> = root === "persons" ? persons : companies;
    const { nodes } = await allPages(root, { filter: { minSeizures: 1 }, orderBy: { field: "SEIZURE_COUNT", direction } }, 100, "id seizureCount");
    const ours = nodes.filter((node) => expected.has(node.id));
    const withSeizures = new Map([...expected].filter(([, c]) => c.seizureCount >= 1));
    expect(withSeizures.size).toBeGreaterThan(6);
    expect(ours.map((node) => node.id)).toEqual(sortedIds(withSeizures, (c) => c.seizureCount, direction === "DESC"));
    expect(ours.map((node) => node.seizureCount)).toEqual(ours.map((node) => expected.get(node.id)!.seizureCount));
  });

  it("refuses a cursor of another order, naming the argument after", async () => {
    const ids = [...persons.keys()];
    const query = `query($orderBy: PersonOrder, $after: String, $filter: PersonFilter) {
      persons(filter: $filter, orderBy: $orderBy, first: 3, after: $after) { pageInfo { endCursor } }
    }`;
    const cursorOf = async (orderBy: object | null) => {
      const response = await api.post(query, { filter: { ids }, orderBy, after: null });
      expect(response.errors).toBeUndefined();
      return response.data!.persons.pageInfo.endCursor as string;
    };
    const bySeizures = await cursorOf({ field: "SEIZURE_COUNT", direction: "DESC" });
    const byId = await cursorOf(null);
    const companyCursor = (
      await api.post(`{ companies(orderBy: { field: SEIZURE_COUNT, direction: DESC }, first: 1) { pageInfo { endCursor } } }`)
    ).data!.companies.pageInfo.endCursor as string;
    const refusals: [object | null, string][] = [
      [{ field: "SEIZURE_COUNT", direction: "ASC" }, bySeizures],
      [{ field: "SHIPMENT_COUNT", direction: "DESC" }, bySeizures],
      [null, bySeizures],
      [{ field: "SEIZURE_COUNT", direction: "DESC" }, byId],
      [{ field: "SEIZURE_COUNT", direction: "DESC" }, companyCursor],
    ];
    for (const [orderBy, after] of refusals) {
      const response = await api.post(query, { filter: { ids }, orderBy, after });
      expect(response.errors?.[0].extensions, JSON.stringify(orderBy)).toEqual({ code: "BAD_USER_INPUT", argument: "after" });
      expect(response.errors?.[0].message).toContain("a cursor of another list, order, filter or role");
    }
    // The same cursors are accepted by the order that gave them.
    for (const [orderBy, after] of [[{ field: "SEIZURE_COUNT", direction: "DESC" }, bySeizures], [null, byId]] as const) {
      expect((await api.post(query, { filter: { ids }, orderBy, after })).errors).toBeUndefined();
    }
  });
});

describe("filtering by a count", () => {
  it.each([1, 2])("minSeizures %i keeps exactly the persons with that many, and totalCount agrees", async (min) => {
    const ids = [...persons.keys()];
    const expected = [...persons.entries()].filter(([, c]) => c.seizureCount >= min).map(([id]) => id).sort(compareText);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(ids.length);
    const { nodes, totalCount } = await allPages("persons", { filter: { ids, minSeizures: min } }, 50);
    expect(nodes.map((node) => node.id)).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it("combines minShipments and minIdentifiers with a sort order", async () => {
    const ids = [...persons.keys()];
    const kept = new Map([...persons].filter(([, c]) => c.shipmentCount >= 2 && c.identifierCount >= 2));
    expect(kept.size).toBeGreaterThan(0);
    const { nodes, totalCount } = await allPages(
      "persons",
      { filter: { ids, minShipments: 2, minIdentifiers: 2 }, orderBy: { field: "SHIPMENT_COUNT", direction: "DESC" } },
      5,
    );
    expect(nodes.map((node) => node.id)).toEqual(sortedIds(kept, (c) => c.shipmentCount, true));
    expect(totalCount).toBe(kept.size);
  });

  it.each([
    ["minShipments", (c: CompanyCounts) => c.shipmentCount, 3],
    ["minSeizures", (c: CompanyCounts) => c.seizureCount, 2],
    ["minOfficers", (c: CompanyCounts) => c.officerCount, 2],
  ] as const)("filters companies by %s", async (key, value, min) => {
    const ids = [...companies.keys()];
    const expected = [...companies.entries()].filter(([, c]) => value(c) >= min).map(([id]) => id).sort(compareText);
    expect(expected.length).toBeGreaterThan(0);
    const { nodes, totalCount } = await allPages("companies", { filter: { ids, [key]: min } }, 100);
    expect(nodes.map((node) => node.id)).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it.each([
    ["persons", "minSeizures"],
    ["persons", "minShipments"],
    ["persons", "minIdentifiers"],
    ["companies", "minShipments"],
    ["companies", "minSeizures"],
    ["companies", "minOfficers"],
  ])("a negative %s %s is BAD_USER_INPUT naming filter.%s", async (root, key) => {
    const response = await api.post(`{ ${root}(filter: { ${key}: -1 }) { totalCount } }`);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: `filter.${key}` });
    expect(response.errors![0].message).toBe(`Invalid argument "filter.${key}": must not be less than 0`);
    expect(response.data ?? null).toBeNull();
  });

  it("refuses more ids than an ids filter may hold", async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `p-${i}`);
    const response = await api.post(`query($ids: [ID!]) { persons(filter: { ids: $ids }) { totalCount } }`, { ids });
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "filter.ids" });
  });

  it("takes minSeizures 0 as no restriction", async () => {
    const ids = [...persons.keys()];
    const response = await api.post(`query($ids: [ID!]) { persons(filter: { ids: $ids, minSeizures: 0 }) { totalCount } }`, { ids });
    expect(response.errors).toBeUndefined();
    expect(response.data!.persons.totalCount).toBe(ids.length);
  });
});
