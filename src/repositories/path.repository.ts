import type { CypherExecutor, Row } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { NodeLabel, RelType } from "../domain/graph-schema.js";
import type { ViewNode } from "../domain/graph-view.js";
import type { FoundPath, PathHop } from "../domain/path-explanation.js";
import { viewEdges, viewNode } from "./view-elements.js";

/** The ceilings of the search: the template's slots take no more. */
export const MAX_PATH_HOPS = 6;
export const MAX_PATHS = 10;

export interface PathRequest {
  from: string;
  to: string;
  /** Narrow an end to one kind, for an id that several kinds share. */
  fromKind: NodeLabel | null;
  toKind: NodeLabel | null;
  /** 1 to MAX_PATH_HOPS. */
  maxHops: number;
  /** 1 to MAX_PATHS. */
  first: number;
  /** The relationship types that may be followed; never SOURCED_FROM. */
  types: readonly RelType[];
}

export type PathAnswer = { kind: "paths"; paths: FoundPath[] } | { kind: "missing"; from: boolean; to: boolean };

/** Shortest paths between two entities (the connections root field). */
export class PathRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  /**
   * The shortest paths, shortest first. One round trip when paths are found; when none is, a second
   * one tells whether an end does not exist (the caller answers NOT_FOUND) or they are not connected.
   */
  async shortestPaths(request: PathRequest): Promise<PathAnswer> {
    if (request.types.includes(RelType.SourcedFrom)) throw new Error("SOURCED_FROM is never followed");
    const ends = { from: request.from, to: request.to, fromKind: request.fromKind, toKind: request.toKind };
    const query = this.registry.render("connectionsShortestPaths", shortestPathSlots(request.first, request.maxHops));
    const rows = await this.executor.read(query, { ...ends, types: [...request.types] });
    if (rows.length > 0) return { kind: "paths", paths: rows.map(toPath) };
    const [found] = await this.executor.read(this.registry.text("connectionsEndpoints"), ends);
    if (!found.fromFound || !found.toFound) return { kind: "missing", from: !found.fromFound, to: !found.toFound };
    return { kind: "paths", paths: [] };
  }
}

/** The literals of the search, checked here as well as by the registry: whole numbers within the ceilings. */
export function shortestPathSlots(paths: number, maxHops: number): { PATHS: string; MAX_HOPS: string } {
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) throw new RangeError("paths out of range");
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS) throw new RangeError("maxHops out of range");
  return { PATHS: String(paths), MAX_HOPS: String(maxHops) };
}

function toPath(row: Row): FoundPath {
  const nodes = (row.nodes as Row[]).map((node) => viewNode(node));
  const rels = row.rels as Row[];
  const hops = rels.map((rel, index): PathHop => {
    const from = nodes[index].id;
    const to = nodes[index + 1].id;
    // One relationship at a time: viewEdges orders a set of edges, and a path's order must stay.
    const [edge] = viewEdges([rel]);
    return {
      edge,
      from,
      to,
      // Both ends may share an id only across labels; a path never repeats a node, so this is safe.
      forward: edge.source === from && edge.target === to,
      date: eventDate(nodes[index]) ?? eventDate(nodes[index + 1]),
      sourceTitle: (rel.sourceTitle as string | null) ?? null,
    };
  });
  return { nodes, hops };
}

/** The date a hop's node gives it: a seizure's date or a shipment's departure. */
function eventDate(node: ViewNode): string | null {
  const value =
    node.kind === NodeLabel.Seizure ? node.properties.date : node.kind === NodeLabel.Shipment ? node.properties.departedOn : null;
  return typeof value === "string" ? value : null;
}
