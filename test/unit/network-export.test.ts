import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";

import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import type { ViewEdge, ViewNode } from "../../src/domain/graph-view.js";
import { escapeXml, toGraphml } from "../../src/export/graphml.js";
import { toNetworkCsv } from "../../src/export/network-csv.js";

/** The serialisers of the network exports, read back with independent parsers (fast-xml-parser, csv-parse). */

const node = (id: string, kind: NodeLabel, label: string, properties: Record<string, unknown>, neighbourCount: number | null = null): ViewNode => ({
  id, kind, label, synthetic: kind !== NodeLabel.Place, properties, neighbourCount,
});

const nodes: ViewNode[] = [
  node("p-1", NodeLabel.Person, 'Nguyễn "Bà Tư" Thị & Co <x>', {
    name: 'Nguyễn "Bà Tư" Thị & Co <x>', aliases: ["Nguyen Thi", "阮氏"], birthYear: 1971,
  }),
  node("c-1", NodeLabel.Company, "香港興隆貿易有限公司", { name: "香港興隆貿易有限公司", kind: "SHELL", incorporatedOn: "2016-03-01" }),
  node("PHONE:+84912345678", NodeLabel.Identifier, "+84912345678", { kind: "PHONE", value: "+84912345678" }),
  node("ADDRESS:so 12 ngo 3 le loi", NodeLabel.Identifier, "=HYPERLINK(\"x\")", { kind: "ADDRESS", value: "=HYPERLINK(\"x\")" }),
  node("locode:VNHPH", NodeLabel.Place, "Hai Phong", { name: "Hai Phong", latitude: 20.86, longitude: 106.68, control: "a\u0001b" }, 4321),
];
const edges: ViewEdge[] = [
  // One fact that three rows of two sources state, one of them without a row.
  {
    id: "p-1|HAS_IDENTIFIER|PHONE:+84912345678", type: RelType.HasIdentifier, source: "p-1", target: "PHONE:+84912345678", properties: {},
    sourceId: "src-1", sourceRow: 3,
    citations: [{ sourceId: "src-1", sourceRow: 3 }, { sourceId: "src-1", sourceRow: 12 }, { sourceId: "src-2", sourceRow: null }],
  },
  // One relationship: its own source record is its one citation.
  { id: "p-1|OFFICER_OF|c-1", type: RelType.OfficerOf, source: "p-1", target: "c-1", properties: { role: "nominee director" }, sourceId: "src-1", sourceRow: 7 },
  { id: "c-1|HAS_IDENTIFIER|ADDRESS:so 12 ngo 3 le loi", type: RelType.HasIdentifier, source: "c-1", target: "ADDRESS:so 12 ngo 3 le loi", properties: {}, sourceId: null, sourceRow: null, citations: [] },
];

describe("escapeXml", () => {
  test.each([
    { text: "A & B", escaped: "A &amp; B" },
    { text: '<"quoted">', escaped: "&lt;&quot;quoted&quot;&gt;" },
    { text: "O'Brien", escaped: "O&apos;Brien" },
    { text: "Nguyễn Văn An 阮文安", escaped: "Nguyễn Văn An 阮文安" },
    { text: "bell\u0007tab\tnewline\n", escaped: "bell\uFFFDtab\tnewline\n" },
    { text: "lone \uD800 surrogate, pair 😀", escaped: "lone \uFFFD surrogate, pair 😀" },
  ])("$text", ({ text, escaped }) => {
    expect(escapeXml(text)).toBe(escaped);
  });
});

describe("toGraphml", () => {
  const xml = toGraphml(nodes, edges);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ["key", "node", "edge", "data"].includes(name), parseTagValue: false });
  const document = parser.parse(xml);
  const graph = document.graphml.graph;
  const keys = document.graphml.key as { id: string; for: string; "attr.name": string; "attr.type": string }[];
  const dataOf = (element: { data?: { key: string; "#text": string }[] }, name: string, domain: "node" | "edge") => {
    const key = keys.find((candidate) => candidate.for === domain && candidate["attr.name"] === name);
    return element.data?.find((data) => data.key === key?.id)?.["#text"];
  };

  test("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("has every node and edge, with their ids, ends and directed default", () => {
    expect(graph.edgedefault).toBe("directed");
    expect(graph.node.map((element: { id: string }) => element.id)).toEqual(nodes.map((n) => n.id));
    expect(graph.edge.map((element: { id: string; source: string; target: string }) => [element.id, element.source, element.target])).toEqual(
      edges.map((e) => [e.id, e.source, e.target]),
    );
  });

  test("declares typed keys, renaming a property named like a view attribute", () => {
    const declared = (domain: string) =>
      Object.fromEntries(keys.filter((key) => key.for === domain).map((key) => [key["attr.name"], key["attr.type"]]));
    expect(declared("node")).toEqual({
      label: "string", kind: "string", synthetic: "boolean", neighbourCount: "long",
      aliases: "string", birthYear: "long", control: "string", incorporatedOn: "string", latitude: "double",
      longitude: "double", name: "string", "properties.kind": "string", value: "string",
    });
    expect(declared("edge")).toEqual({ type: "string", sourceId: "string", sourceRow: "long", citations: "string", role: "string" });
    expect(new Set(keys.map((key) => key.id)).size).toBe(keys.length);
  });

  test("keeps names with quotes, ampersands, Vietnamese and Chinese text, and joins lists", () => {
    const [person, company, , , place] = graph.node;
    expect(dataOf(person, "label", "node")).toBe('Nguyễn "Bà Tư" Thị & Co <x>');
    expect(dataOf(person, "aliases", "node")).toBe("Nguyen Thi;阮氏");
    expect(dataOf(company, "name", "node")).toBe("香港興隆貿易有限公司");
    expect(dataOf(company, "kind", "node")).toBe("Company");
    expect(dataOf(company, "properties.kind", "node")).toBe("SHELL");
    expect(dataOf(place, "neighbourCount", "node")).toBe("4321");
    expect(dataOf(place, "control", "node")).toBe("a\uFFFDb");
    expect(dataOf(person, "neighbourCount", "node")).toBeUndefined();
    expect(dataOf(graph.edge[1], "role", "edge")).toBe("nominee director");
    expect(dataOf(graph.edge[2], "sourceId", "edge")).toBeUndefined();
  });

  test("an edge's citations: sourceId:row pairs joined with ;, the first also as sourceId and sourceRow", () => {
    expect(graph.edge.map((edge: { data?: { key: string; "#text": string }[] }) => dataOf(edge, "citations", "edge"))).toEqual([
      "src-1:3;src-1:12;src-2",
      "src-1:7",
      undefined,
    ]);
    expect([dataOf(graph.edge[0], "sourceId", "edge"), dataOf(graph.edge[0], "sourceRow", "edge")]).toEqual(["src-1", "3"]);
  });

  test("an empty network is a valid document with a graph and no elements", () => {
    const empty = toGraphml([], []);
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parser.parse(empty).graphml.graph.node).toBeUndefined();
  });
});

describe("toNetworkCsv", () => {
  const files = toNetworkCsv(nodes, edges);
  const read = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

  test("nodes: Gephi's Id and Label, then kind, synthetic, neighbourCount, properties as sorted JSON", () => {
    expect(files.nodes.split("\n")[0]).toBe("Id,Label,kind,synthetic,neighbourCount,properties");
    const rows = read(files.nodes);
    expect(rows).toHaveLength(nodes.length);
    expect(rows[0]).toEqual({
      Id: "p-1", Label: 'Nguyễn "Bà Tư" Thị & Co <x>', kind: "Person", synthetic: "true", neighbourCount: "",
      properties: '{"aliases":["Nguyen Thi","阮氏"],"birthYear":1971,"name":"Nguyễn \\"Bà Tư\\" Thị & Co <x>"}',
    });
    expect(rows[4].neighbourCount).toBe("4321");
  });

  test("cells a spreadsheet would run as formulas start with an apostrophe", () => {
    const rows = read(files.nodes);
    expect(rows[2].Label).toBe("'+84912345678");
    expect(rows[3].Label).toBe("'=HYPERLINK(\"x\")");
    expect(rows[2].Id).toBe("PHONE:+84912345678");
  });

  test("edges: Id, Source, Target, Type (direction), Label (relationship type), first citation, every citation, properties", () => {
    expect(files.edges.split("\n")[0]).toBe("Id,Source,Target,Type,Label,sourceId,sourceRow,citations,properties");
    const rows = read(files.edges);
    expect(rows.map((row) => [row.Id, row.Source, row.Target, row.Type, row.Label, row.sourceId, row.sourceRow, row.citations, row.properties])).toEqual([
      ["p-1|HAS_IDENTIFIER|PHONE:+84912345678", "p-1", "PHONE:+84912345678", "Directed", "HAS_IDENTIFIER", "src-1", "3", "src-1:3;src-1:12;src-2", "{}"],
      ["p-1|OFFICER_OF|c-1", "p-1", "c-1", "Directed", "OFFICER_OF", "src-1", "7", "src-1:7", '{"role":"nominee director"}'],
      ["c-1|HAS_IDENTIFIER|ADDRESS:so 12 ngo 3 le loi", "c-1", "ADDRESS:so 12 ngo 3 le loi", "Directed", "HAS_IDENTIFIER", "", "", "", "{}"],
    ]);
  });

  test("every edge end is a node id of the nodes file", () => {
    const ids = new Set(read(files.nodes).map((row) => row.Id));
    for (const row of read(files.edges)) {
      expect(ids.has(row.Source) && ids.has(row.Target)).toBe(true);
    }
  });
});
