import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { networkExpand, type NetworkExpandRow } from "../db/queries.generated.js";
import type { ClusterMemberMap, FrontierInput, KeyedRelationshipMap } from "../db/query-types.js";
import { dateParameter, integerParameter } from "../db/values.js";
import { clusterAliases } from "../domain/cluster-names.js";
import { NotFoundError } from "../domain/errors.js";
import { type NodeLabel, RelType } from "../domain/graph-schema.js";
import type { ViewEdge, ViewNode } from "../domain/graph-view.js";
import type { Reliability } from "../domain/vocabulary.js";
import { compareViewNodes, factEdges, viewNode } from "./view-elements.js";

/** What a network is asked for; arguments already checked (depth 1..3, types without SOURCED_FROM, ...). */
export interface NetworkRequest {
  /** Seed ids, without repeats. */
  ids: readonly string[];
  depth: number;
  /** The relationship types followed; never SOURCED_FROM. */
  types: readonly RelType[];
  /** Seizures and shipments dated outside [from, to] (YYYY-MM-DD, either end open) are left out. */
  from: string | null;
  to: string | null;
  /** Relationships whose Source is graded worse than this are left out. */
  minReliability: Reliability | null;
  /**
   * A node that is not a seed and neighbours more distinct nodes than this over the followed types is
   * a hub (neighbours, not relationships: a fact is stored once per source row that states it).
   */
  hubThreshold: number;
  /** Kinds drawn where reached but not expanded through, unless a seed (none when left out; the API's default is places and countries). */
  referenceKinds?: readonly NodeLabel[];
  /** At most this many nodes, seeds included. */
  limit: number;
  /**
   * The resolved view: a person or company and those joined to it by live SAME decisions are one
   * node (the first of them reached), with the others' names among its aliases, and the
   * relationships of all of them.
   */
  resolved: boolean;
}

export interface NetworkView {
  /** In order of distance from the seeds, then kind, then id. */
  nodes: ViewNode[];
  /** One per fact, with every source row that states it, in `factEdges` order. */
  edges: ViewEdge[];
  /** Hubs that would have been expanded (closer to the seeds than `depth`) but were not, in node order. */
  collapsedHubs: string[];
  /** True when the limit cut the network or a hub was collapsed. */
  truncated: boolean;
}

/** The followed types when none are named: every type but SOURCED_FROM. */
export const NETWORK_TYPES: readonly RelType[] = Object.values(RelType).filter((type) => type !== RelType.SourcedFrom);

/** Open ends of the time window, as dates every stored date falls between. */
const EARLIEST_DATE = "0001-01-01";
const LATEST_DATE = "9999-12-31";

interface Reached {
  node: ViewNode;
  distance: number;
  hub: boolean;
}

/**
 * The neighbourhood of entities up to depth 3, for drawing and export (the network root field):
 * breadth-first, one query per level (frontier in; relationships, neighbours and, for possible hubs,
 * their neighbour counts out), so a network costs at most `depth` round trips whatever its size.
 * Parallel relationships stating one fact (one per source row) are one edge citing them all.
 */
export class NetworkRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  async network(request: NetworkRequest): Promise<NetworkView> {
    // Parameters keep one type whatever the request (no nulls), so that the plan is made once.
    const fixed = {
      types: request.types,
      dateFrom: dateParameter(request.from ?? EARLIEST_DATE),
      dateTo: dateParameter(request.to ?? LATEST_DATE),
      minReliability: request.minReliability ?? "",
      // No frontier node can bring more than `limit` new nodes into the result; this bounds what a
      // seed that is itself a hub (a port with thousands of stops) sends back.
      limit: integerParameter(request.limit),
      hubThreshold: integerParameter(request.hubThreshold),
      resolved: request.resolved,
    };
    const reached = new Map<string, Reached>();
    // Cluster members standing in for another reached node, by id, with that node's id.
    const joined = new Map<string, string>();
    const siblings = new Map<string, ClusterMemberMap[]>();
    const join = (id: string, members: readonly ClusterMemberMap[]) => {
      if (members.length === 0) return;
      siblings.set(id, [...members]);
      for (const member of members) if (!reached.has(member.id) && !joined.has(member.id)) joined.set(member.id, id);
    };
    const relationships = new Map<string, KeyedRelationshipMap>();
    let truncated = false;
    let frontier: FrontierInput[] = request.ids.map((id) => ({ id, kind: null }));
    const reference = new Set<string>(request.referenceKinds ?? []);

    for (let level = 1; level <= request.depth && frontier.length > 0; level++) {
      const rows = await this.executor.readQuery(networkExpand, { ...fixed, frontier });
      if (level === 1) this.addSeeds(request.ids, rows, reached, join, joined);

      const candidates = new Map<string, ViewNode>();
      const candidateMembers = new Map<string, ClusterMemberMap[]>();
      for (const row of rows) {
        for (const { node, members, neighbourCount, relationships: found } of row.neighbours) {
          for (const relationship of found) relationships.set(relationship.key, relationship);
          const { id } = node;
          if (reached.has(id) || joined.has(id) || candidates.has(id)) continue;
          // Null unless the node's relationships outnumber the threshold; then its distinct neighbours.
          candidates.set(id, viewNode(node, neighbourCount !== null && neighbourCount > request.hubThreshold ? neighbourCount : null));
          candidateMembers.set(id, members);
        }
      }
      // Of a cluster reached at this level, the first in order stands for all of it.
      let added = [...candidates.values()].sort(compareViewNodes).filter((node) => {
        if (joined.has(node.id)) return false;
        join(node.id, candidateMembers.get(node.id) ?? []);
        return true;
      });
      const room = request.limit - reached.size;
      if (added.length > room) {
        added = added.slice(0, room);
        truncated = true;
      }
      for (const node of added) reached.set(node.id, { node, distance: level, hub: node.neighbourCount !== null });
      // Hubs and reference nodes (places, countries) are drawn but not expanded.
      frontier = truncated ? [] : added.filter((node) => node.neighbourCount === null && !reference.has(node.kind)).map(({ id, kind }) => ({ id, kind }));
    }

    const ordered = [...reached.values()].sort((a, b) => a.distance - b.distance || compareViewNodes(a.node, b.node));
    const collapsedHubs = ordered.filter((entry) => entry.hub && entry.distance < request.depth).map((entry) => entry.node.id);
    // A member's relationships belong to the node that stands for its cluster.
    const standing = (id: string) => joined.get(id) ?? id;
    const edges = factEdges(
      [...relationships.values()]
        .map((row) => ({ ...row, source: standing(row.source), target: standing(row.target) }))
        .filter((row) => row.source !== row.target && reached.has(row.source) && reached.has(row.target)),
    );
    return {
      nodes: ordered.map((entry) => withSiblingNames(entry.node, siblings.get(entry.node.id))),
      edges,
      collapsedHubs,
      truncated: truncated || collapsedHubs.length > 0,
    };
  }

  /**
   * Seeds are the frontier nodes of the first level; a seed id that names no node is an error. Of
   * seeds of one cluster, the first stands for the others.
   */
  private addSeeds(
    ids: readonly string[],
    rows: readonly NetworkExpandRow[],
    reached: Map<string, Reached>,
    join: (id: string, members: readonly ClusterMemberMap[]) => void,
    joined: ReadonlyMap<string, string>,
  ): void {
    for (const row of rows) {
      const node = viewNode(row.node);
      if (reached.has(node.id) || joined.has(node.id)) continue;
      reached.set(node.id, { node, distance: 0, hub: false });
      join(node.id, row.members);
    }
    if (ids.some((id) => !reached.has(id) && !joined.has(id))) throw new NotFoundError("ids");
  }
}

/** A node standing for its resolved cluster, with every name of the entity (see clusterAliases). */
function withSiblingNames(node: ViewNode, siblings: readonly ClusterMemberMap[] | undefined): ViewNode {
  if (!siblings || siblings.length === 0) return node;
  return { ...node, properties: { ...node.properties, aliases: clusterAliases(node.properties, siblings) } };
}
