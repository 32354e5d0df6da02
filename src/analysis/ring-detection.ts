import louvainModule from "graphology-communities-louvain";

import type { PartyGraph, PartyKind, PartyNetwork, ShipmentRoster } from "./party-graph.js";
import { seededRandom } from "./seeded-random.js";

// A CommonJS package whose typings declare a default export: under NodeNext the function is the
// module itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface RingDetectionOptions {
  /** Communities smaller than this (after trimming) are not reported. */
  readonly minSize: number;
  /** Louvain's resolution: above 1 gives more, smaller communities. */
  readonly resolution: number;
  /** Seed of Louvain's random choices. */
  readonly seed: number;
  /**
   * A member whose links into its community weigh less than this share of the community's
   * median member's is dropped from it (see trimmed).
   */
  readonly trim: number;
  /** A member with less than this share of its own links' weight inside its community is dropped. */
  readonly insideShare: number;
  /**
   * A community is a ring only if at least this share of its members' links' weight stays inside
   * it: a ring deals mostly among its members, while the loose communities of ordinary trade (a
   * busy forwarder's clients, a port's regulars) keep well under three quarters inside.
   */
  readonly closure: number;
}

export const DEFAULT_DETECTION: RingDetectionOptions = { minSize: 8, resolution: 1, seed: 42, trim: 0.2, insideShare: 0.2, closure: 0.8 };

export interface DetectedMember {
  readonly id: string;
  readonly kind: PartyKind;
  /** Links into the ring, summed. */
  readonly cohesion: number;
  /** How much the member bridges the ring to other rings (see brokerScores); 0 for none. */
  readonly brokerScore: number;
  /** 1 for the strongest broker, 2 for the next, ...; null when it bridges nothing. */
  readonly brokerRank: number | null;
}

export interface DetectedRing {
  readonly members: DetectedMember[];
}

export interface Detection {
  readonly rings: DetectedRing[];
  readonly parties: number;
  readonly links: number;
  readonly communities: number;
  readonly modularity: number;
}

/**
 * Groups of parties that act together: Louvain communities of the party graph (seeded), each party
 * then moved to the community it is most tied to, trimmed of weakly tied members, kept when closed
 * enough and at least minSize strong; each member scored as a broker. Rings come largest first,
 * their members brokers first (by rank), then by cohesion. Time: about linear in the links.
 */
export function detectRings(network: PartyNetwork, options: RingDetectionOptions = DEFAULT_DETECTION): Detection {
  const { graph } = network;
  if (graph.order === 0) return { rings: [], parties: 0, links: 0, communities: 0, modularity: 0 };
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: "weight",
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  const communities = { ...detailed.communities };
  refine(graph, communities);
  const byCommunity = new Map<number, string[]>();
  for (const key of graph.nodes().sort()) {
    const list = byCommunity.get(communities[key]);
    if (list) list.push(key);
    else byCommunity.set(communities[key], [key]);
  }

  const groups: string[][] = [];
  for (const members of byCommunity.values()) {
    if (members.length < options.minSize) continue;
    const kept = trimmed(graph, members, options);
    if (kept.length >= options.minSize && closure(graph, kept) >= options.closure) groups.push(kept);
  }
  const groupOf = new Map<string, number>();
  groups.forEach((members, index) => members.forEach((key) => groupOf.set(key, index)));
  const visits = visitsOf(network.shipments, groupOf);

  const rings = groups.map((members, index) => {
    const scores = brokerScores(graph, members, index, groupOf, visits);
    const ranked = members
      .filter((key) => (scores.get(key) ?? 0) > 0)
      .sort((a, b) => scores.get(b)! - scores.get(a)! || (a < b ? -1 : 1));
    const rank = new Map(ranked.map((key, at) => [key, at + 1]));
    const inside = new Set(members);
    return {
      members: members
        .map((key) => ({
          id: graph.getNodeAttribute(key, "id"),
          kind: graph.getNodeAttribute(key, "kind"),
          cohesion: weightInto(graph, key, inside),
          brokerScore: scores.get(key) ?? 0,
          brokerRank: rank.get(key) ?? null,
        }))
        .sort((a, b) => (a.brokerRank ?? Infinity) - (b.brokerRank ?? Infinity) || b.cohesion - a.cohesion || (a.id < b.id ? -1 : 1)),
    };
  });
  rings.sort((a, b) => b.members.length - a.members.length || (a.members[0].id < b.members[0].id ? -1 : 1));
  return { rings, parties: graph.order, links: graph.size, communities: byCommunity.size, modularity: detailed.modularity };
}

/**
 * Moves each party to the community it is most tied to, by weight, pass after pass (at most three):
 * Louvain's later levels move whole groups, and can leave a party on the wrong side, such as a
 * broker placed with the ring it bridges to rather than with its own.
 */
function refine(graph: PartyGraph, communities: Record<string, number>): void {
  const keys = graph.nodes().sort();
  for (let pass = 0; pass < 3; pass++) {
    let moved = 0;
    for (const key of keys) {
      const toward = new Map<number, number>();
      graph.forEachEdge(key, (_edge, attributes, source, target) => {
        const other = communities[source === key ? target : source];
        toward.set(other, (toward.get(other) ?? 0) + attributes.weight);
      });
      const current = communities[key];
      let best = current;
      let most = toward.get(current) ?? 0;
      for (const [other, weight] of toward) if (weight > most) [best, most] = [other, weight];
      if (best !== current) {
        communities[key] = best;
        moved++;
      }
    }
    if (moved === 0) break;
  }
}

/** The share of the members' links' weight that stays among them. */
function closure(graph: PartyGraph, members: readonly string[]): number {
  const inside = new Set(members);
  let within = 0;
  let total = 0;
  for (const key of members) {
    graph.forEachEdge(key, (_edge, attributes, source, target) => {
      total += attributes.weight;
      if (inside.has(source === key ? target : source)) within += attributes.weight;
    });
  }
  return total === 0 ? 0 : within / total;
}

function weightInto(graph: PartyGraph, key: string, inside: ReadonlySet<string>): number {
  let sum = 0;
  graph.forEachEdge(key, (_edge, attributes, source, target) => {
    if (inside.has(source === key ? target : source)) sum += attributes.weight;
  });
  return sum;
}

function countInto(graph: PartyGraph, key: string, inside: ReadonlySet<string>): number {
  let count = 0;
  graph.forEachNeighbor(key, (other) => {
    if (inside.has(other)) count++;
  });
  return count;
}

/**
 * Drops, round after round, the members weakly held by their community, which modularity alone
 * happily absorbs: those linked to fewer than two of its members (an outsider sharing one phone
 * with one exposed member), tied to it by less than `trim` of its median member's tie, or with less
 * than `insideShare` of their own links' weight inside it (a go-between of two groups).
 */
function trimmed(graph: PartyGraph, members: string[], { trim, insideShare }: RingDetectionOptions): string[] {
  let kept = members;
  for (let round = 0; round < 5; round++) {
    const inside = new Set(kept);
    const ties = kept.map((key) => weightInto(graph, key, inside));
    const median = [...ties].sort((a, b) => a - b)[Math.floor(ties.length / 2)];
    const next = kept.filter((key, at) => {
      if (ties[at] < trim * median || countInto(graph, key, inside) < 2) return false;
      let total = 0;
      graph.forEachEdge(key, (_edge, attributes) => {
        total += attributes.weight;
      });
      return ties[at] >= insideShare * total;
    });
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept;
}

/**
 * Who took part in another ring's shipments: for each shipment whose ring parties are mostly of one
 * ring (two or more of them), each party of another ring is a visitor of that ring. Returns, per
 * visitor, the rings it visited and how often.
 */
function visitsOf(shipments: ShipmentRoster, ringOf: ReadonlyMap<string, number>): Map<string, Map<number, number>> {
  const visits = new Map<string, Map<number, number>>();
  let start = 0;
  for (const end of shipments.ends) {
    const counts = new Map<number, number>();
    let ringParties = 0;
    for (let at = start; at < end; at++) {
      const ring = ringOf.get(shipments.parties[at]);
      if (ring === undefined) continue;
      counts.set(ring, (counts.get(ring) ?? 0) + 1);
      ringParties++;
    }
    if (counts.size > 1) {
      let host = -1;
      let most = 0;
      for (const [ring, count] of counts) {
        if (count > most) [host, most] = [ring, count];
      }
      if (most >= 2 && most * 2 > ringParties) {
        for (let at = start; at < end; at++) {
          const key = shipments.parties[at];
          const ring = ringOf.get(key);
          if (ring === undefined || ring === host) continue;
          let visited = visits.get(key);
          if (!visited) visits.set(key, (visited = new Map()));
          visited.set(host, (visited.get(host) ?? 0) + 1);
        }
      }
    }
    start = end;
  }
  return visits;
}

/**
 * How much each member of a ring bridges it to other rings: the links it made itself into each
 * other ring. Into a ring G, a member linked to n of G's members counts n × Σ n / (n + m(x)) over
 * those neighbours x, m(x) being how many members of this ring x is linked to: a broker who joins
 * one of G's shipments and shares a line with one of its contacts is linked to several of G's
 * members, each linked to it alone, and counts nearly n²; the contact on the other side of such a
 * tie counts little for it. Neighbours who came to this ring (took part in one of its shipments)
 * are theirs to count, not this member's; each shipment of another ring the member took part in
 * counts 2 more. Only rings count as groups: a member linked to outsiders (noise, hub forwarders)
 * bridges nothing. Time: the ring's links, plus its outward neighbours' links.
 */
function brokerScores(
  graph: PartyGraph,
  members: readonly string[],
  ring: number,
  ringOf: ReadonlyMap<string, number>,
  visits: ReadonlyMap<string, ReadonlyMap<number, number>>,
): Map<string, number> {
  const inside = new Set(members);
  const linksBack = new Map<string, number>();
  const back = (other: string): number => {
    let count = linksBack.get(other);
    if (count === undefined) {
      count = countInto(graph, other, inside);
      linksBack.set(other, count);
    }
    return count;
  };
  const scores = new Map<string, number>();
  for (const key of members) {
    const perRing = new Map<number, string[]>();
    graph.forEachNeighbor(key, (other) => {
      const group = ringOf.get(other);
      if (group === undefined || group === ring) return;
      if ((visits.get(other)?.get(ring) ?? 0) > 0) return;
      const list = perRing.get(group);
      if (list) list.push(other);
      else perRing.set(group, [other]);
    });
    let score = 0;
    for (const neighbours of perRing.values()) {
      const count = neighbours.length;
      let owned = 0;
      for (const other of neighbours) owned += count / (count + back(other));
      score += count * owned;
    }
    for (const times of visits.get(key)?.values() ?? []) score += 2 * times;
    scores.set(key, score);
  }
  return scores;
}
