import { describe, expect, it } from "vitest";

import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import type { ViewEdge, ViewNode } from "../../src/domain/graph-view.js";
import { describeCitation, describeNode, explainPath, type PathHop } from "../../src/domain/path-explanation.js";

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
