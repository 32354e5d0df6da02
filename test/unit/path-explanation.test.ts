import { describe, expect, it } from "vitest";

import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import type { ViewEdge, ViewNode } from "../../src/domain/graph-view.js";
import {
  describeCitation,
  describeCitations,
  describeNode,
  explainPath,
  hopRelationships,
  mergeLayers,
  pathLayers,
  type FoundPath,
  type PathHop,
} from "../../src/domain/path-explanation.js";

function node(id: string, kind: NodeLabel, label: string, properties: Record<string, unknown> = {}): ViewNode {
  return { id, kind, label, synthetic: true, properties, neighbourCount: null };
}

function edge(type: RelType, source: string, target: string, citation: { sourceId: string | null; sourceRow: number | null }, properties = {}): ViewEdge {
  return { id: `${source}|${type}|${target}`, type, source, target, properties, ...citation };
}

const an = node("p1", NodeLabel.Person, "Nguyễn Văn An");
const phone = node("PHONE:+84912345678", NodeLabel.Identifier, "+84912345678", { kind: "PHONE" });
const binh = node("p2", NodeLabel.Person, "Trần Thị Bình");
const shipment = node("s1", NodeLabel.Shipment, "s1", { departedOn: "2019-04-08" });

const hop = (from: ViewNode, to: ViewNode, e: ViewEdge, extra: Partial<PathHop> = {}): PathHop => ({
  edge: e,
  from: from.id,
  to: to.id,
  forward: e.source === from.id,
  date: null,
  sourceTitle: "Generated network",
  parallel: [],
  ...extra,
});

describe("explainPath", () => {
  it("reads each hop in the direction walked, citing source and row", () => {
    const text = explainPath({
      nodes: [an, phone, binh],
      hops: [
        hop(an, phone, edge(RelType.HasIdentifier, "p1", phone.id, { sourceId: "gen", sourceRow: 12 })),
        hop(phone, binh, edge(RelType.HasIdentifier, "p2", phone.id, { sourceId: "gen", sourceRow: 40 })),
      ],
    });
    expect(text).toBe(
      "Nguyễn Văn An (person) holds +84912345678 (phone) [Generated network, row 12]; " +
        "+84912345678 (phone) is held by Trần Thị Bình (person) [Generated network, row 40].",
    );
  });

  it("gives the role and the date of a hop, and says when a hop has no recorded source", () => {
    const text = explainPath({
      nodes: [an, shipment],
      hops: [
        hop(an, shipment, edge(RelType.PartyTo, "p1", "s1", { sourceId: null, sourceRow: null }, { role: "FREIGHT_FORWARDER" }), {
          date: "2019-04-08",
          sourceTitle: null,
        }),
      ],
    });
    expect(text).toBe("Nguyễn Văn An (person) is a party to s1 (shipment), as freight forwarder, on 2019-04-08 [no recorded source].");
  });

  it("cites every relationship of a hop once, and names each role once", () => {
    const shipper = edge(RelType.PartyTo, "p1", "s1", { sourceId: "a", sourceRow: 3 }, { role: "SHIPPER" });
    const text = explainPath({
      nodes: [an, shipment],
      hops: [
        hop(an, shipment, shipper, {
          sourceTitle: "Report A",
          date: "2019-04-08",
          parallel: [
            { edge: edge(RelType.PartyTo, "p1", "s1", { sourceId: "b", sourceRow: 8 }, { role: "SHIPPER" }), forward: true, sourceTitle: "Report B" },
            { edge: edge(RelType.PartyTo, "p1", "s1", { sourceId: "b", sourceRow: 9 }, { role: "ORGANISER" }), forward: true, sourceTitle: "Report B" },
            { edge: edge(RelType.PartyTo, "p1", "s1", { sourceId: "a", sourceRow: 3 }, { role: "SHIPPER" }), forward: true, sourceTitle: "Report A" },
          ],
        }),
      ],
    });
    expect(text).toBe(
      "Nguyễn Văn An (person) is a party to s1 (shipment), as shipper and organiser, on 2019-04-08 [Report A, row 3; Report B, row 8; Report B, row 9].",
    );
  });

  it("gives relationships of another type or direction between the same nodes a part of their own", () => {
    const vn = node("VN", NodeLabel.Country, "Viet Nam");
    const la = node("LA", NodeLabel.Country, "Lao PDR");
    const text = explainPath({
      nodes: [vn, la],
      hops: [
        hop(vn, la, edge(RelType.Borders, "VN", "LA", { sourceId: null, sourceRow: null }), {
          sourceTitle: null,
          parallel: [{ edge: edge(RelType.Borders, "LA", "VN", { sourceId: "geo", sourceRow: 2 }), forward: false, sourceTitle: "Borders" }],
        }),
      ],
    });
    expect(text).toBe("Viet Nam (country) borders Lao PDR (country) [no recorded source], and borders Lao PDR (country) [Borders, row 2].");
  });

  it("refuses a hop whose nodes are not on the path", () => {
    expect(() => explainPath({ nodes: [an], hops: [hop(an, binh, edge(RelType.OfficerOf, "p1", "p2", { sourceId: null, sourceRow: null }))] })).toThrow();
  });
});

describe("describeNode and describeCitation", () => {
  it("names a node with its kind, an identifier with its identifier kind", () => {
    expect(describeNode(an)).toBe("Nguyễn Văn An (person)");
    expect(describeNode(node("x", NodeLabel.Identifier, "DE1234", { kind: "BANK_ACCOUNT" }))).toBe("DE1234 (bank account)");
    expect(describeNode(node("c", NodeLabel.CommodityLine, "c"))).toBe("c (commodity line)");
  });

  it.each([
    { sourceId: "gen", sourceRow: 3, title: "T", expected: "[T, row 3]" },
    { sourceId: "gen", sourceRow: null, title: "T", expected: "[T]" },
    { sourceId: "gen", sourceRow: 3, title: null, expected: "[source gen, row 3]" },
    { sourceId: null, sourceRow: null, title: null, expected: "[no recorded source]" },
  ])("cites $expected", ({ sourceId, sourceRow, title, expected }) => {
    expect(describeCitation({ edge: edge(RelType.Borders, "a", "b", { sourceId, sourceRow }), sourceTitle: title })).toBe(expected);
  });
});

describe("describeCitations", () => {
  it("puts the citations of several relationships in one bracket, each once", () => {
    const cited = (sourceId: string | null, sourceRow: number | null, sourceTitle: string | null) => ({
      edge: edge(RelType.PartyTo, "p1", "s1", { sourceId, sourceRow }),
      sourceTitle,
    });
    expect(describeCitations([cited("a", 3, "A"), cited("b", null, "B"), cited("a", 3, "A"), cited(null, null, null)])).toBe(
      "[A, row 3; B; no recorded source]",
    );
  });
});

describe("pathLayers and mergeLayers", () => {
  const parallelHop = hop(an, shipment, edge(RelType.PartyTo, "p1", "s1", { sourceId: "a", sourceRow: 3 }), {
    sourceTitle: "A",
    parallel: [
      { edge: edge(RelType.PartyTo, "p1", "s1", { sourceId: "b", sourceRow: 8 }), forward: true, sourceTitle: "B" },
      { edge: edge(RelType.PartyTo, "p1", "s1", { sourceId: "c", sourceRow: 1 }), forward: true, sourceTitle: "C" },
    ],
  });
  const single = hop(shipment, binh, edge(RelType.PartyTo, "p2", "s1", { sourceId: "a", sourceRow: 4 }), { sourceTitle: "A" });
  const path: FoundPath = { nodes: [an, shipment, binh], hops: [parallelHop, single] };

  it("gives one layer per relationship of the widest hop, each with one relationship per hop and none parallel", () => {
    const layers = pathLayers(path);
    expect(layers.map((layer) => layer.hops.map((h) => [h.edge.sourceId, h.sourceTitle, h.parallel.length]))).toEqual([
      [["a", "A", 0], ["a", "A", 0]],
      [["b", "B", 0], ["a", "A", 0]],
      [["c", "C", 0], ["a", "A", 0]],
    ]);
  });

  it("merges the layers back into the path, each relationship as its layer shows it", () => {
    expect(mergeLayers(path, pathLayers(path))).toEqual(path);
    // A filter applied to each layer reaches every relationship.
    const shown = mergeLayers(
      path,
      pathLayers(path).map((layer) => ({ ...layer, hops: layer.hops.map((h) => ({ ...h, edge: { ...h.edge, sourceRow: null }, sourceTitle: null })) })),
    );
    expect(shown.hops.flatMap((h) => hopRelationships(h).map((r) => [r.edge.sourceId, r.edge.sourceRow, r.sourceTitle]))).toEqual([
      ["a", null, null],
      ["b", null, null],
      ["c", null, null],
      ["a", null, null],
    ]);
  });
});
