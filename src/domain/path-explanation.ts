import { NodeLabel, RelType } from "./graph-schema.js";
import type { ViewEdge, ViewNode } from "./graph-view.js";

/** One step of a path, in the order the path walks it. */
export interface PathHop {
  edge: ViewEdge;
  /** The node the step leaves and the node it reaches, in path order. */
  from: string;
  to: string;
  /** True when the relationship points the way the path walks (from → to). */
  forward: boolean;
  /** The date of the event the step passes through (a seizure's date, a shipment's departure), when known. */
  date: string | null;
  /** The title of the Source the relationship came from, when it records one. */
  sourceTitle: string | null;
}

/** A path between two entities: its nodes in order and one hop between each pair of them. */
export interface FoundPath {
  nodes: ViewNode[];
  hops: PathHop[];
}

/** Labels without an entry read as their words (TradeRecord: trade record). */
const KIND_WORDS: Partial<Record<NodeLabel, string>> = {
  [NodeLabel.Seizure]: "seizure",
  [NodeLabel.Shipment]: "shipment",
  [NodeLabel.CommodityLine]: "commodity line",
  [NodeLabel.Species]: "species",
  [NodeLabel.Person]: "person",
  [NodeLabel.Company]: "company",
  [NodeLabel.Identifier]: "identifier",
  [NodeLabel.Carrier]: "carrier",
  [NodeLabel.Place]: "place",
  [NodeLabel.Country]: "country",
  [NodeLabel.Source]: "source",
};

/**
 * How each relationship reads, walked forward (`A verb B` for A-[:TYPE]->B) and backward
 * (`B verb A`, the same fact seen from the end it points to). Types without an entry read as their
 * words (IMPORTED_BY: imported by).
 */
const PHRASES: Partial<Record<RelType, { forward: string; backward: string }>> = {
  [RelType.SeizedIn]: { forward: "was made in", backward: "is the country of" },
  [RelType.SeizedAt]: { forward: "was made at", backward: "is the place of" },
  [RelType.Intercepted]: { forward: "intercepted", backward: "was intercepted by" },
  [RelType.Recovered]: { forward: "recovered", backward: "was recovered by" },
  [RelType.Carried]: { forward: "carried", backward: "was carried by" },
  [RelType.OfSpecies]: { forward: "is of the species", backward: "is the species of" },
  [RelType.StopsAt]: { forward: "stops at", backward: "is a stop of" },
  [RelType.CarriedBy]: { forward: "was carried by", backward: "carried" },
  [RelType.PartyTo]: { forward: "is a party to", backward: "has as a party" },
  [RelType.Arrested]: { forward: "arrested", backward: "was arrested in" },
  [RelType.HasIdentifier]: { forward: "holds", backward: "is held by" },
  [RelType.OfficerOf]: { forward: "is an officer of", backward: "has as an officer" },
  [RelType.NationalOf]: { forward: "is a national of", backward: "is the nationality of" },
  [RelType.RegisteredIn]: { forward: "is registered in", backward: "is the registry country of" },
  [RelType.InCountry]: { forward: "is in", backward: "contains" },
  [RelType.Borders]: { forward: "borders", backward: "borders" },
  [RelType.SourcedFrom]: { forward: "is cited from", backward: "is the source of" },
};

/** A node as the explanation names it: its label and, in brackets, what it is. */
export function describeNode(node: ViewNode): string {
  const identifierKind = node.kind === NodeLabel.Identifier ? node.properties.kind : undefined;
  const kind =
    typeof identifierKind === "string"
      ? identifierKind.toLowerCase().replace(/_/g, " ")
      : (KIND_WORDS[node.kind] ?? node.kind.replace(/(?<=[a-z])(?=[A-Z])/g, " ").toLowerCase());
  return `${node.label} (${kind})`;
}

/** The citation of a hop: `[title, row n]`, or a plain statement when no source is recorded. */
export function describeCitation(hop: Pick<PathHop, "edge" | "sourceTitle">): string {
  const { sourceId, sourceRow } = hop.edge;
  if (!sourceId) return "[no recorded source]";
  const title = hop.sourceTitle ?? `source ${sourceId}`;
  return sourceRow === null ? `[${title}]` : `[${title}, row ${sourceRow}]`;
}

/**
 * The path in plain language, one clause per hop, each naming the source it rests on:
 * `Nguyễn Văn An (person) holds +84912345678 (phone) [Generated network, row 12]; ...`.
 */
export function explainPath(path: FoundPath): string {
  const byId = new Map(path.nodes.map((node) => [node.id, node]));
  const clauses = path.hops.map((hop) => {
    const from = byId.get(hop.from);
    const to = byId.get(hop.to);
    if (!from || !to) throw new Error("a hop names a node that is not on its path");
    const phrase = PHRASES[hop.edge.type] ?? plainPhrase(hop.edge.type);
    const verb = hop.forward ? phrase.forward : phrase.backward;
    const role = typeof hop.edge.properties.role === "string" ? `, as ${hop.edge.properties.role.toLowerCase().replace(/_/g, " ")}` : "";
    const date = hop.date ? `, on ${hop.date}` : "";
    return `${describeNode(from)} ${verb} ${describeNode(to)}${role}${date} ${describeCitation(hop)}`;
  });
  return `${clauses.join("; ")}.`;
}

function plainPhrase(type: RelType): { forward: string; backward: string } {
  const words = type.toLowerCase().replace(/_/g, " ");
  return { forward: words, backward: `is linked (${words}) from` };
}
