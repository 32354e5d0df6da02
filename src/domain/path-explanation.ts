import { NodeLabel, RelType } from "./graph-schema.js";
import type { ViewEdge, ViewNode } from "./graph-view.js";

/** One relationship of a hop, with the title of the Source it came from. */
export interface HopRelationship {
  edge: ViewEdge;
  /** True when the relationship points the way the path walks (from → to). */
  forward: boolean;
  /** The title of the Source the relationship came from, when it records one. */
  sourceTitle: string | null;
}

/**
 * One step of a path, in the order the path walks it. A fact is stored once per source row, so two
 * nodes may be joined by several relationships: the step is one hop all the same, and carries them
 * all (`edge` and `parallel`, in the order of `viewEdges`).
 */
export interface PathHop {
  /** The hop's first relationship. */
  edge: ViewEdge;
  /** The node the step leaves and the node it reaches, in path order. */
  from: string;
  to: string;
  /** True when `edge` points the way the path walks (from → to). */
  forward: boolean;
  /** The date of the event the step passes through (a seizure's date, a shipment's departure), when known. */
  date: string | null;
  /** The title of the Source `edge` came from, when it records one. */
  sourceTitle: string | null;
  /** The hop's other relationships between the same two nodes (the same fact from other sources, another role); mostly none. */
  parallel: HopRelationship[];
}

/** A path between two entities: its nodes in order and one hop between each pair of them. */
export interface FoundPath {
  nodes: ViewNode[];
  hops: PathHop[];
}

/** Every relationship of a hop, its first one included. */
export function hopRelationships(hop: PathHop): HopRelationship[] {
  return [{ edge: hop.edge, forward: hop.forward, sourceTitle: hop.sourceTitle }, ...hop.parallel];
}

/**
 * A path as layers of one relationship per hop, none with parallel ones: layer k takes each hop's
 * k-th relationship (its last for a hop with fewer). A filter that knows one relationship per hop
 * (`Access.path`) can then see every relationship of the path; `mergeLayers` puts them back.
 */
export function pathLayers(path: FoundPath): FoundPath[] {
  const depth = Math.max(1, ...path.hops.map((hop) => 1 + hop.parallel.length));
  return Array.from({ length: depth }, (_, k) => ({
    nodes: path.nodes,
    hops: path.hops.map((hop) => {
      const relationships = hopRelationships(hop);
      const chosen = relationships[Math.min(k, relationships.length - 1)];
      return { ...hop, edge: chosen.edge, forward: chosen.forward, sourceTitle: chosen.sourceTitle, parallel: [] };
    }),
  }));
}

/**
 * The path again from its layers (each one filtered the same way), given the path the layers came
 * from for how many relationships each hop has.
 */
export function mergeLayers(original: FoundPath, layers: readonly FoundPath[]): FoundPath {
  const [head] = layers;
  if (!head || layers.some((layer) => layer.hops.length !== original.hops.length)) throw new Error("layers do not match their path");
  return {
    nodes: head.nodes,
    hops: head.hops.map((hop, index) => ({
      ...hop,
      parallel: original.hops[index].parallel.map((_, k) => {
        const layer = layers[k + 1].hops[index];
        return { edge: layer.edge, forward: layer.forward, sourceTitle: layer.sourceTitle };
      }),
    })),
  };
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

/** The citation of a relationship: `[title, row n]`, or a plain statement when no source is recorded. */
export function describeCitation(hop: Pick<PathHop, "edge" | "sourceTitle">): string {
  return `[${citationText(hop)}]`;
}

/** The citations of several relationships in one bracket, each once: `[title, row 3; title, row 8]`. */
export function describeCitations(relationships: readonly Pick<PathHop, "edge" | "sourceTitle">[]): string {
  return `[${[...new Set(relationships.map(citationText))].join("; ")}]`;
}

function citationText({ edge, sourceTitle }: Pick<PathHop, "edge" | "sourceTitle">): string {
  const { sourceId, sourceRow } = edge;
  if (!sourceId) return "no recorded source";
  const title = sourceTitle ?? `source ${sourceId}`;
  return sourceRow === null ? title : `${title}, row ${sourceRow}`;
}

/**
 * The path in plain language, one clause per hop, each naming the sources it rests on:
 * `Nguyễn Văn An (person) holds +84912345678 (phone) [Generated network, row 12]; ...`. A hop
 * joined by several relationships of one type cites them all in one bracket and names each role
 * once; relationships of another type or direction between the same nodes get a clause part of
 * their own (`..., and ...`).
 */
export function explainPath(path: FoundPath): string {
  const byId = new Map(path.nodes.map((node) => [node.id, node]));
  const clauses = path.hops.map((hop) => {
    const from = byId.get(hop.from);
    const to = byId.get(hop.to);
    if (!from || !to) throw new Error("a hop names a node that is not on its path");
    const groups = new Map<string, HopRelationship[]>();
    for (const relationship of hopRelationships(hop)) {
      const key = `${relationship.edge.type}|${relationship.forward}`;
      groups.set(key, [...(groups.get(key) ?? []), relationship]);
    }
    const date = hop.date ? `, on ${hop.date}` : "";
    const parts = [...groups.values()].map((relationships) => {
      const [{ edge, forward }] = relationships;
      const phrase = PHRASES[edge.type] ?? plainPhrase(edge.type);
      const roles = [
        ...new Set(relationships.flatMap(({ edge: e }) => (typeof e.properties.role === "string" ? [e.properties.role.toLowerCase().replace(/_/g, " ")] : []))),
      ];
      const role = roles.length > 0 ? `, as ${joinWords(roles)}` : "";
      return `${forward ? phrase.forward : phrase.backward} ${describeNode(to)}${role}${date} ${describeCitations(relationships)}`;
    });
    return `${describeNode(from)} ${parts.join(", and ")}`;
  });
  return `${clauses.join("; ")}.`;
}

/** `a`, `a and b`, `a, b and c`. */
function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function plainPhrase(type: RelType): { forward: string; backward: string } {
  const words = type.toLowerCase().replace(/_/g, " ");
  return { forward: words, backward: `is linked (${words}) from` };
}
