import { describe, expect, it } from "vitest";

import { Access } from "../../src/auth/access.js";
import { PSEUDONYM_PREFIX, Pseudonyms } from "../../src/auth/pseudonyms.js";
import { clearedFor, Role } from "../../src/auth/role.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import type { ViewEdge, ViewNode } from "../../src/domain/graph-view.js";

const SECRET = "pseudonyms-of-the-unit-test-0123456789";
const pseudonyms = new Pseudonyms(SECRET);

function access(role: Role): Access {
  return new Access({ subject: `token:${role}`, role, method: "token" }, pseudonyms);
}

const person: ViewNode = {
  id: "person-1",
  kind: NodeLabel.Person,
  label: "Nguyễn Văn An",
  synthetic: true,
  properties: { name: "Nguyễn Văn An", birthYear: 1980 },
  neighbourCount: null,
};
const phone: ViewNode = {
  id: "PHONE:+84912345678",
  kind: NodeLabel.Identifier,
  label: "+84912345678",
  synthetic: true,
  properties: { kind: "PHONE", value: "+84912345678", rawValue: "0912 345 678" },
  neighbourCount: null,
};
const company: ViewNode = { id: "company-1", kind: NodeLabel.Company, label: "Minh Long Co., Ltd", synthetic: true, properties: { name: "Minh Long Co., Ltd" }, neighbourCount: null };
const shipment: ViewNode = { id: "shipment-1", kind: NodeLabel.Shipment, label: "shipment-1", synthetic: true, properties: { mode: "SEA" }, neighbourCount: null };
const edges: ViewEdge[] = [
  { id: "person-1|HAS_IDENTIFIER|PHONE:+84912345678", type: RelType.HasIdentifier, source: "person-1", target: "PHONE:+84912345678", properties: {}, sourceId: "src", sourceRow: 4 },
  { id: "person-1|PARTY_TO|shipment-1", type: RelType.PartyTo, source: "person-1", target: "shipment-1", properties: { role: "CONSIGNEE" }, sourceId: "src", sourceRow: 5 },
  { id: "person-1|PARTY_TO|shipment-1|1", type: RelType.PartyTo, source: "person-1", target: "shipment-1", properties: { role: "SHIPPER" }, sourceId: "src", sourceRow: 6 },
  { id: "company-1|PARTY_TO|shipment-1", type: RelType.PartyTo, source: "company-1", target: "shipment-1", properties: {}, sourceId: "src", sourceRow: 7 },
];

describe("roles", () => {
  it.each([
    [Role.PUBLIC, Role.PUBLIC, true],
    [Role.PUBLIC, Role.ANALYST, false],
    [Role.ANALYST, Role.INVESTIGATOR, false],
    [Role.INVESTIGATOR, Role.ANALYST, true],
    [Role.ADMIN, Role.INVESTIGATOR, true],
    [Role.INVESTIGATOR, Role.ADMIN, false],
  ])("%s cleared for %s: %s", (role, needed, expected) => {
    expect(clearedFor(role, needed)).toBe(expected);
  });
});

describe("pseudonyms", () => {
  it("are stable, distinct per entity and kind, and turn back into the entity", () => {
    const id = pseudonyms.id("Person", "person-1");
    expect(id.startsWith(PSEUDONYM_PREFIX)).toBe(true);
    expect(pseudonyms.id("Person", "person-1")).toBe(id);
    expect(new Pseudonyms(SECRET).id("Person", "person-1")).toBe(id);
    expect(pseudonyms.id("Person", "person-2")).not.toBe(id);
    expect(pseudonyms.id("Company", "person-1")).not.toBe(id);
    expect(pseudonyms.reveal(id)).toEqual({ label: "Person", id: "person-1" });
    expect(id).not.toContain("person-1");
  });

  it("of another secret, tampered or made up, reveal nothing", () => {
    const id = pseudonyms.id("Person", "person-1");
    const other = new Pseudonyms("another-secret-of-the-unit-test-0123456789");
    expect(other.id("Person", "person-1")).not.toBe(id);
    expect(other.reveal(id)).toBeNull();
    const bytes = Buffer.from(id.slice(PSEUDONYM_PREFIX.length), "base64url");
    bytes[14] ^= 1;
    expect(pseudonyms.reveal(PSEUDONYM_PREFIX + bytes.toString("base64url"))).toBeNull();
    expect(pseudonyms.reveal(`${PSEUDONYM_PREFIX}short`)).toBeNull();
    expect(pseudonyms.reveal("person-1")).toBeNull();
  });

  it("all have one length, whatever the length of the id", () => {
    const ids = ["p", "person-1", "ADDRESS:12 wharf road apapa lagos", "x".repeat(48), "x".repeat(49), `ADDRESS:${"很长的地址".repeat(40)}`];
    const lengths = new Set(ids.map((id) => pseudonyms.id("Identifier", id).length));
    expect(lengths.size).toBe(1);
  });

  it("of ids too long to hold whole keep a prefix and tell the id among those that start so", () => {
    const long = `ADDRESS:${"nguyễn trãi street ".repeat(5)}hanoi`;
    const revealed = pseudonyms.reveal(pseudonyms.id("Identifier", long));
    expect(revealed).not.toBeNull();
    if (revealed === null || revealed.id !== null) throw new Error("a long id is sealed as a prefix and a digest");
    expect(long.startsWith(revealed.idPrefix)).toBe(true);
    expect(Buffer.byteLength(revealed.idPrefix)).toBeLessThanOrEqual(31);
    expect(revealed.isId(long)).toBe(true);
    expect(revealed.isId(`${long}!`)).toBe(false);
    expect(revealed.isId(revealed.idPrefix)).toBe(false);
  });

  it("are only made for the kinds that can be hidden", () => {
    expect(() => pseudonyms.id("Seizure", "seizure-1")).toThrow();
  });

  it("labels are short, stable and say the kind", () => {
    expect(pseudonyms.label("Person", "person-1")).toMatch(/^Person [0-9A-F]{6}$/);
    expect(pseudonyms.label("Person", "person-1")).toBe(pseudonyms.label("Person", "person-1"));
  });
});

describe("a view as a role sees it", () => {
  it("PUBLIC: persons, identifiers and companies pseudonymous without properties (an identifier keeps its kind), edges re-pointed, no citations", () => {
    const viewer = access(Role.PUBLIC);
    const { nodes, edges: shown } = viewer.view([person, phone, company, shipment], edges);
    const text = JSON.stringify({ nodes, shown });
    for (const secret of ["person-1", "Nguyễn", "84912345678", "0912 345 678", "Minh Long", "company-1"]) expect(text).not.toContain(secret);
    expect(nodes[0]).toEqual({ ...person, id: pseudonyms.id("Person", "person-1"), label: pseudonyms.label("Person", "person-1"), properties: {} });
    expect(nodes[1].properties).toEqual({ kind: "PHONE" });
    expect(nodes[3]).toEqual(shipment);
    const personId = nodes[0].id;
    expect(shown.map((edge) => [edge.id, edge.source, edge.target, edge.sourceId, edge.sourceRow])).toEqual([
      [`${personId}|HAS_IDENTIFIER|${nodes[1].id}`, personId, nodes[1].id, null, null],
      [`${personId}|PARTY_TO|shipment-1`, personId, "shipment-1", null, null],
      [`${personId}|PARTY_TO|shipment-1|1`, personId, "shipment-1", null, null],
      [`${nodes[2].id}|PARTY_TO|shipment-1`, nodes[2].id, "shipment-1", null, null],
    ]);
    expect(viewer.disclosed.size).toBe(0);
  });

  it("ANALYST: companies in clear (and noted as disclosed), citations kept, persons still pseudonymous", () => {
    const viewer = access(Role.ANALYST);
    const { nodes, edges: shown } = viewer.view([person, company, shipment], edges.slice(3));
    expect(nodes[0].id.startsWith(PSEUDONYM_PREFIX)).toBe(true);
    expect(nodes[1]).toEqual(company);
    expect(shown[0]).toEqual(edges[3]);
    expect([...viewer.disclosed]).toEqual(["Company:company-1"]);
  });

  it("INVESTIGATOR: everything in clear, persons and companies noted as disclosed", () => {
    const viewer = access(Role.INVESTIGATOR);
    const { nodes, edges: shown } = viewer.view([person, phone, company, shipment], edges);
    expect(nodes).toEqual([person, phone, company, shipment]);
    expect(shown).toEqual(edges);
    expect([...viewer.disclosed].sort()).toEqual(["Company:company-1", "Person:person-1"]);
  });

  it("arguments given as pseudonyms are opened; other ids pass as they are; hidden kinds are named", () => {
    const viewer = access(Role.PUBLIC);
    expect(viewer.named(pseudonyms.id("Person", "person-1"))).toEqual({ revealed: { label: "Person", id: "person-1" } });
    expect(viewer.named(`${PSEUDONYM_PREFIX}forged`)).toEqual({ revealed: null });
    expect(viewer.named("shipment-1")).toEqual({ clear: "shipment-1" });
    expect(viewer.hiddenKinds().sort()).toEqual(["Company", "Identifier", "Person"]);
    expect(access(Role.ANALYST).hiddenKinds().sort()).toEqual(["Identifier", "Person"]);
    expect(access(Role.INVESTIGATOR).hiddenKinds()).toEqual([]);
  });

  it("an edge with a pseudonymous end keeps only structured properties, never text a source wrote", () => {
    const written: ViewEdge = { ...edges[1], properties: { role: "CONSIGNEE", nameAsWritten: "Nguyễn Văn An", seq: 2 } };
    const [publicEdge] = access(Role.PUBLIC).view([person, shipment], [written]).edges;
    expect(publicEdge.properties).toEqual({ role: "CONSIGNEE", seq: 2 });
    const [investigatorEdge] = access(Role.INVESTIGATOR).view([person, shipment], [written]).edges;
    expect(investigatorEdge.properties).toEqual(written.properties);
  });

  it("an id outside the view is never shown, in clear or otherwise", () => {
    const { shownId } = access(Role.PUBLIC).view([person], []);
    expect(shownId("person-1")).toBe(pseudonyms.id("Person", "person-1"));
    expect(() => shownId("company-1")).toThrow();
    expect(() => access(Role.PUBLIC).view([person], edges.slice(0, 1))).toThrow();
  });

  it("require throws FORBIDDEN naming the field and the role", () => {
    expect(() => access(Role.ANALYST).require(Role.INVESTIGATOR, "Person.name")).toThrow(
      "Your role may not read Person.name; it needs INVESTIGATOR or above",
    );
    expect(() => access(Role.ADMIN).require(Role.INVESTIGATOR, "Person.name")).not.toThrow();
  });
});

describe("ids in the schema", () => {
  it("a field holding ids that says nothing of how they are shown stops the schema from being built", async () => {
    const { GraphQLID, GraphQLList, GraphQLObjectType, GraphQLSchema } = await import("graphql");
    const { applyAccessRules } = await import("../../src/graphql/access-rules.js");
    const thing = new GraphQLObjectType({ name: "Thing", fields: { holders: { type: new GraphQLList(GraphQLID) } } });
    const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: { thing: { type: thing } } }) });
    expect(() => applyAccessRules(schema)).toThrow("Thing.holders holds ids");
  });
});
