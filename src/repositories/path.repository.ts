import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { connectionsEndpoints, connectionsShortestPaths, type ConnectionsShortestPathsRow } from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import { NodeLabel, RelType } from "../domain/graph-schema.js";
import type { ViewNode } from "../domain/graph-view.js";
import type { FoundPath, PathHop } from "../domain/path-explanation.js";
import { viewEdges, viewNode } from "./view-elements.js";

/** The ceilings of the search: the template's slots take no more. */
export const MAX_PATH_HOPS = 6;
export const MAX_PATHS = 10;

/**
 * The relationships `connections` follows unless asked otherwise: those that tie persons and
 * companies to what they did and to each other, so that every hop of a path is a fact about
 * someone's activity:
 * - PARTY_TO: a person or company was shipper, consignee, forwarder, courier, organiser or financier of a shipment;
 * - HAS_IDENTIFIER: a person or company used a phone, e-mail, address, bank account or document;
 * - OFFICER_OF: a person directs, owns or manages a company;
 * - ARRESTED: a person was arrested in a seizure;
 * - INTERCEPTED: a seizure stopped a shipment (so an arrest and a shipment's parties meet).
 * Left out, and followed only when asked for (`alsoFollow`, or `types`): reference facts that join
 * strangers (a nationality, a registry country, a place's country, borders, a port of call, a
 * species, a carrier, a country of a trade record), and the goods (CARRIED, RECOVERED: a
 * commodity line only repeats the seizure-shipment tie that INTERCEPTED states). Two persons of
 * one nationality are thus not connected by it; never SOURCED_FROM (through a source, every
 * entity reaches every other).
 */
export const ACTIVITY_TYPES: readonly RelType[] = [
  RelType.PartyTo,
  RelType.HasIdentifier,
  RelType.OfficerOf,
  RelType.Arrested,
  RelType.Intercepted,
];

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
  /**
   * The resolved view: the search may also step between persons (or companies) of one resolved
   * cluster (SAME_AS, a live SAME decision), and such a step is no hop: its two ends are one node,
   * the first reached standing for both. The search looks one step further than maxHops, so that a
   * path may cross one cluster; a path crossing more may be missed (see README).
   */
  resolved: boolean;
}

export type PathAnswer = { kind: "paths"; paths: FoundPath[] } | { kind: "missing"; from: boolean; to: boolean };

/** Shortest paths between two entities (the connections root field). */
export class PathRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /**
   * The shortest paths as distinct node paths, shortest first, then by the sequence of node ids
   * along them; at most `first`, each hop with every relationship joining its two nodes. The order
   * is total, so a shorter list is always the head of a longer one.
   *
   * The search takes whole groups of equally long paths (every path of a length), one more length
   * per round trip until it has `first` paths, has found every length there is, or has reached
   * `maxHops`: one round trip when the shortest length alone gives `first` paths, at most `maxHops`.
   * When none is found, one more tells whether an end does not exist (the caller answers NOT_FOUND)
   * or they are not connected.
   */
  async shortestPaths(request: PathRequest): Promise<PathAnswer> {
    if (request.types.includes(RelType.SourcedFrom)) throw new Error("SOURCED_FROM is never followed");
    const ends = { from: request.from, to: request.to, fromKind: request.fromKind, toKind: request.toKind };
    const types = request.resolved ? [...request.types, SAME_AS] : [...request.types];
    const parameters = { ...ends, types, limit: integerParameter(request.first) };
    let rows: ConnectionsShortestPathsRow[] = [];
    const searched = request.resolved ? request.maxHops + 1 : request.maxHops;
    for (let groups = 1; groups <= searched; groups++) {
      rows = await this.executor.readQuery(connectionsShortestPaths, parameters, shortestPathSlots(groups, searched));
      const found = rows.length > 0 ? rows[0].groups : 0;
      if (rows.length >= request.first || found < groups) break;
    }
    if (rows.length > 0) {
      const paths = rows.map((row) => toPath(request.resolved ? withoutSameAs(row) : row));
      // A step within a cluster is no hop: the order is taken again, without those steps, and a
      // path that joins only members of one cluster (no hop left) is no connection.
      const kept = paths.filter((path) => path.hops.length > 0 && path.hops.length <= request.maxHops);
      if (request.resolved) kept.sort(comparePaths);
      return { kind: "paths", paths: kept };
    }
    const [found] = await this.executor.readQuery(connectionsEndpoints, ends);
    if (!found.fromFound || !found.toFound) return { kind: "missing", from: !found.fromFound, to: !found.toFound };
    return { kind: "paths", paths: [] };
  }
}

/**
 * The literals of the search, checked here as well as by the registry: whole numbers within the
 * ceilings. `groups` is how many path lengths to take (the `k` of `SHORTEST k GROUPS`).
 */
export function shortestPathSlots(groups: number, maxHops: number): { PATHS: string; MAX_HOPS: string } {
  if (!Number.isInteger(groups) || groups < 1 || groups > MAX_PATHS) throw new RangeError("groups out of range");
  // One more in the resolved view (see PathRequest.resolved).
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS + 1) throw new RangeError("maxHops out of range");
  return { PATHS: String(groups), MAX_HOPS: String(maxHops) };
}

/** The relationship between members of a resolved cluster (see cypher/model.md). */
const SAME_AS = "SAME_AS";

/**
 * A found path with its steps within a resolved cluster taken out: of two members met in a row,
 * the first stays and stands for the next, whose relationships on the following hop are then the
 * first's.
 */
function withoutSameAs(row: ConnectionsShortestPathsRow): ConnectionsShortestPathsRow {
  const standing = new Map<string, string>();
  const nodes = [row.nodes[0]!];
  const hops: ConnectionsShortestPathsRow["hops"] = [];
  row.hops.forEach((rels, index) => {
    const next = row.nodes[index + 1]!;
    if (rels.every((rel) => rel.type === SAME_AS)) {
      standing.set(next.id, standing.get(row.nodes[index]!.id) ?? row.nodes[index]!.id);
      return;
    }
    nodes.push(next);
    hops.push(rels.filter((rel) => rel.type !== SAME_AS));
  });
  const stand = (id: string) => standing.get(id) ?? id;
  return { ...row, nodes, hops: hops.map((rels) => rels.map((rel) => ({ ...rel, source: stand(rel.source), target: stand(rel.target) }))) };
}

/** Shorter first, then by the sequence of node ids along the path. */
function comparePaths(a: FoundPath, b: FoundPath): number {
  if (a.hops.length !== b.hops.length) return a.hops.length - b.hops.length;
  const [x, y] = [a.nodes.map((node) => node.id), b.nodes.map((node) => node.id)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

function toPath(row: ConnectionsShortestPathsRow): FoundPath {
  const nodes = row.nodes.map((node) => viewNode(node));
  const hops = row.hops.map((rels, index): PathHop => {
    const from = nodes[index].id;
    const to = nodes[index + 1].id;
    // The hop's relationships in a stable order, parallel ones numbered (`|1`, ...) as in a network.
    const edges = viewEdges(rels);
    if (edges.length === 0) throw new Error("a hop has no relationship");
    // A Source's title depends on the Source alone.
    const titles = new Map(rels.map((rel) => [String(rel.properties.sourceId), rel.sourceTitle]));
    // Both ends may share an id only across labels; a path never repeats a node, so this is safe.
    const [first, ...parallel] = edges.map((edge) => ({
      edge,
      forward: edge.source === from && edge.target === to,
      sourceTitle: edge.sourceId === null ? null : (titles.get(edge.sourceId) ?? null),
    }));
    return {
      ...first,
      from,
      to,
      date: eventDate(nodes[index]) ?? eventDate(nodes[index + 1]),
      parallel,
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
