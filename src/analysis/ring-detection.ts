import louvainModule from "graphology-communities-louvain";

import type { PartyKind, PartyNetwork, ShipmentRoster } from "./party-graph.js";
import { PartyLinks } from "./party-links.js";
import { seededRandom } from "./seeded-random.js";

// A CommonJS package whose typings declare a default export: under NodeNext the function is the
// module itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface RingDetectionOptions {
  /** Communities smaller than this (after trimming) are reported only as small rings (see smallSize). */
  readonly minSize: number;
  /** Louvain's resolution: above 1 gives more, smaller communities. */
  readonly resolution: number;
  /** Seed of Louvain's random choices (the first of the stability runs). */
  readonly seed: number;
  /**
   * A member whose links into its community weigh less than this share of the community's
   * median member's is dropped from it (see trimmed), unless it deals only with the community.
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
  /**
   * A community is a ring only if at least this share of its pairs of members are linked directly.
   * Rings of 20 to 36 have a quarter to two fifths; a closure that comes from a small, heavy group
   * inside a large sparse community (hundreds of parties, 4% of pairs linked) is not a ring's.
   */
  readonly density: number;
  /**
   * A community of smallSize to minSize - 1 members is a ring when it is dense (at least
   * smallDensity of its pairs of members linked) and closed (at least smallClosure of its links'
   * weight inside): a handful of parties all dealing with each other and hardly anyone else.
   */
  readonly smallSize: number;
  readonly smallDensity: number;
  readonly smallClosure: number;
  /**
   * A member with at least this share of its links' weight inside its community deals with it
   * alone: it is kept however weak its tie compared with the median member's, when the tie weighs
   * at least exclusiveTie (linked to two members or more) or pendantTie (linked to one member only).
   */
  readonly exclusiveShare: number;
  readonly exclusiveTie: number;
  readonly pendantTie: number;
  /**
   * A party outside a ring joins it as well (a second ring) when at least overlapShare of its links'
   * weight goes into the ring, to overlapMembers of its members or more, weighing at least
   * overlapTie × the ring's median member's tie: it works in the ring as its members do.
   */
  readonly overlapShare: number;
  readonly overlapTie: number;
  readonly overlapMembers: number;
  /**
   * Seeded runs (seed, seed + 1, ...) whose rings are compared with the first run's: a ring's
   * stability is the share of runs that find it. 1 computes no stability (it is then 1).
   */
  readonly stabilityRuns: number;
}

export const DEFAULT_DETECTION: RingDetectionOptions = {
  minSize: 8,
  resolution: 1,
  seed: 42,
  trim: 0.2,
  insideShare: 0.2,
  closure: 0.8,
  density: 0.1,
  smallSize: 4,
  smallDensity: 0.6,
  smallClosure: 0.85,
  exclusiveShare: 0.9,
  exclusiveTie: 3,
  pendantTie: 4,
  overlapShare: 0.3,
  overlapTie: 0.5,
  overlapMembers: 4,
  stabilityRuns: 3,
};

/** Two rings are the same ring when their members' Jaccard similarity is at least this. */
export const SAME_RING_JACCARD = 0.5;

export interface DetectedMember {
  readonly id: string;
  readonly kind: PartyKind;
  /** Links into the ring, summed. */
  readonly cohesion: number;
  /** How much the member bridges the ring to other rings (see brokerScores); 0 for none. */
  readonly brokerScore: number;
  /** 1 for the strongest broker, 2 for the next, ...; null when it bridges nothing. */
  readonly brokerRank: number | null;
  /** How many rings of the run the member belongs to: 2 or more for a member of several. */
  readonly ringCount: number;
}

/** How well a ring holds together, for an investigator to weigh it (see README, "Ring quality"). */
export interface RingQuality {
  /** The share of its pairs of members linked directly (0 to 1). */
  readonly density: number;
  /** The share of its members' links' weight that stays among them (0 to 1): 1 - conductance. */
  readonly closure: number;
  /** Its members' mean cohesion (their links' weight into the ring). */
  readonly meanCohesion: number;
  /** The share of the seeded runs that find it (0 to 1; see stabilityRuns). */
  readonly stability: number;
}

export interface DetectedRing {
  readonly members: DetectedMember[];
  readonly quality: RingQuality;
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
 * then moved to the community it is most tied to, trimmed of weakly tied members (keeping those
 * that deal with it alone), kept when closed enough and at least minSize strong, or smaller when
 * dense and closed; then every party strongly tied to a second ring joins it too. Each member is
 * scored as a broker, each ring given its quality. Rings come largest first, their members brokers
 * first (by rank), then by cohesion. The same graph and options give the same rings, in the same
 * order. Time: about linear in the links, times stabilityRuns.
 */
export function detectRings(network: PartyNetwork, options: RingDetectionOptions = DEFAULT_DETECTION): Detection {
  const { graph } = network;
  if (graph.order === 0) return { rings: [], parties: 0, links: 0, communities: 0, modularity: 0 };
  const links = new PartyLinks(graph);
  const first = findGroups(links, options, options.seed);
  const groups = first.groups;
  const others = Array.from({ length: Math.max(0, options.stabilityRuns - 1) }, (_, run) => findGroups(links, options, options.seed + run + 1).groups);

  const ringsOf = new Map<string, number[]>();
  groups.forEach((members, index) =>
    members.forEach((key) => {
      const list = ringsOf.get(key);
      if (list) list.push(index);
      else ringsOf.set(key, [index]);
    }),
  );
  const visits = visitsOf(network.shipments, ringsOf);

  const rings = groups.map((members, index): DetectedRing => {
    const scores = brokerScores(links, members, index, ringsOf, visits);
    const ranked = members
      .filter((key) => (scores.get(key) ?? 0) > 0)
      .sort((a, b) => scores.get(b)! - scores.get(a)! || (a < b ? -1 : 1));
    const rank = new Map(ranked.map((key, at) => [key, at + 1]));
    const inside = new Set(members);
    const detected = members
      .map((key) => ({
        id: graph.getNodeAttribute(key, "id"),
        kind: graph.getNodeAttribute(key, "kind"),
        cohesion: links.weightInto(key, inside),
        brokerScore: scores.get(key) ?? 0,
        brokerRank: rank.get(key) ?? null,
        ringCount: ringsOf.get(key)!.length,
      }))
      .sort((a, b) => (a.brokerRank ?? Infinity) - (b.brokerRank ?? Infinity) || b.cohesion - a.cohesion || (a.id < b.id ? -1 : 1));
    const found = others.filter((run) => run.some((other) => jaccard(members, other) >= SAME_RING_JACCARD)).length;
    return {
      members: detected,
      quality: {
        density: density(links, members),
        closure: closure(links, members),
        meanCohesion: detected.reduce((sum, member) => sum + member.cohesion, 0) / detected.length,
        stability: (1 + found) / (1 + others.length),
      },
    };
  });
  rings.sort((a, b) => b.members.length - a.members.length || (smallestId(a) < smallestId(b) ? -1 : 1));
  return { rings, parties: graph.order, links: graph.size, communities: first.communities, modularity: first.modularity };
}

/** The rings of one seeded run, before brokers and quality: sorted member keys, each list a ring. */
function findGroups(links: PartyLinks, options: RingDetectionOptions, seed: number): { groups: string[][]; communities: number; modularity: number } {
  const detailed = louvain.detailed(links.graph, { getEdgeWeight: "weight", resolution: options.resolution, rng: seededRandom(seed) });
  const communities = { ...detailed.communities };
  refine(links, communities);
  const byCommunity = new Map<number, string[]>();
  for (const key of links.graph.nodes().sort()) {
    const list = byCommunity.get(communities[key]);
    if (list) list.push(key);
    else byCommunity.set(communities[key], [key]);
  }
  const groups: string[][] = [];
  for (const members of byCommunity.values()) groups.push(...ringsIn(links, members, options, seed, 1));
  const extended = withSecondRings(links, groups, options);
  // A canonical order (by smallest member key), whatever Louvain numbered the communities.
  extended.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { groups: extended, communities: byCommunity.size, modularity: detailed.modularity };
}

/**
 * The rings of one community: itself, trimmed, when it is a ring (split in two or more when it is
 * rings joined, see splitJoined); otherwise, down to `depth` more levels, the rings among the
 * communities Louvain finds inside it alone. Modularity has a resolution limit: in a large graph it
 * merges a small, tight group with a neighbouring loose one (a ring of six with the traders around
 * its contacts), and the merged community is not a ring (too loose, or too sparse); inside it, the
 * small group stands out again.
 */
function ringsIn(links: PartyLinks, members: string[], options: RingDetectionOptions, seed: number, depth: number): string[][] {
  const smallest = Math.min(options.smallSize, options.minSize);
  if (members.length < smallest) return [];
  const kept = peeled(links, trimmed(links, members, options), options);
  if (isRing(links, kept, options)) return splitJoined(links, kept, options, seed);
  if (depth === 0 || members.length < 2 * smallest) return [];
  const parts = partsOf(links, members, options, seed);
  if (parts.length < 2) return [];
  return parts.flatMap((part) => ringsIn(links, part, options, seed, depth - 1));
}

/**
 * Two rings joined by a member of both (a shared broker with dozens of links into each) can come
 * out of Louvain as one community, closed and dense enough to pass for one ring. Louvain inside
 * the community finds the parts; each part that is not a ring by itself is merged into the part it
 * is most tied to (smallest first), until every part is a ring or one part is left. Two rings or
 * more left: the community was rings joined, and they are returned apart (the shared broker then
 * joins his second ring by withSecondRings). One part left: the community is one ring, as one
 * ring's parts are tied to each other far more than to anyone else and none is closed alone.
 */
function splitJoined(links: PartyLinks, members: string[], options: RingDetectionOptions, seed: number): string[][] {
  if (members.length < 2 * Math.min(options.smallSize, options.minSize)) return [members];
  let parts = partsOf(links, members, options, seed);
  while (parts.length > 1) {
    const weak = parts.filter((part) => !isRing(links, part, options)).sort((a, b) => a.length - b.length || (a[0] < b[0] ? -1 : 1));
    if (weak.length === 0) break;
    const [part] = weak;
    const inside = new Set(part);
    let target = -1;
    let most = -1;
    parts.forEach((other, at) => {
      if (other === part) return;
      const weight = other.reduce((sum, key) => sum + links.weightInto(key, inside), 0);
      if (weight > most) [target, most] = [at, weight];
    });
    const merged = [...parts[target], ...part].sort();
    parts = [...parts.filter((other, at) => other !== part && at !== target), merged].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
  if (parts.length < 2) return [members];
  // Louvain inside the community may leave a member with the part it is less tied to (a member of
  // one ring next to the shared broker's): each goes to the part it is most tied to.
  const sets = parts.map((part) => new Set(part));
  const settled: string[][] = parts.map(() => []);
  for (const key of members) {
    let best = sets.findIndex((set) => set.has(key));
    let most = links.weightInto(key, sets[best]);
    sets.forEach((set, at) => {
      const weight = links.weightInto(key, set);
      if (weight > most) [best, most] = [at, weight];
    });
    settled[best].push(key);
  }
  const rings = settled.map((part) => trimmed(links, part, options));
  return rings.every((ring) => isRing(links, ring, options)) ? rings : [members];
}

/** Louvain's communities of the members alone (seeded), each a sorted list of keys. */
function partsOf(links: PartyLinks, members: readonly string[], options: RingDetectionOptions, seed: number): string[][] {
  const inner = links.subgraph(members);
  if (inner.size === 0) return [];
  const communities = louvain(inner, { getEdgeWeight: "weight", resolution: options.resolution, rng: seededRandom(seed) });
  const byPart = new Map<number, string[]>();
  for (const key of members) {
    const list = byPart.get(communities[key]);
    if (list) list.push(key);
    else byPart.set(communities[key], [key]);
  }
  return [...byPart.values()].map((part) => part.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * A small group that is not a ring yet, less its loosest members, one at a time (the lowest share
 * of its links' weight inside first) while it is not a ring and keeps smallSize members: a ring of
 * six whose community kept an outsider tied to two of its contacts (a shared phone and a delivery)
 * is closed without him. Only groups under twice minSize are peeled: in a larger one, peeling
 * would carve a core out of ordinary trade.
 */
function peeled(links: PartyLinks, members: string[], options: RingDetectionOptions): string[] {
  if (members.length >= 2 * options.minSize) return members;
  let group = members;
  while (!isRing(links, group, options) && group.length > options.smallSize) {
    const inside = new Set(group);
    let loosest = "";
    let least = Infinity;
    for (const key of group) {
      const share = links.weightInto(key, inside) / links.total(key);
      if (share < least) [loosest, least] = [key, share];
    }
    group = group.filter((key) => key !== loosest);
  }
  return isRing(links, group, options) ? group : members;
}

/** Large enough, closed and not sparse, or small but dense and closed (see RingDetectionOptions). */
function isRing(links: PartyLinks, members: readonly string[], options: RingDetectionOptions): boolean {
  if (members.length >= options.minSize) return closure(links, members) >= options.closure && density(links, members) >= options.density;
  if (members.length < options.smallSize) return false;
  return closure(links, members) >= options.smallClosure && density(links, members) >= options.smallDensity;
}

/**
 * Second rings: a party outside a ring joins it too when it deals with the ring as a member does:
 * linked to overlapMembers of its members or more, its tie at least overlapTie × the ring's median
 * member's, and the ring taking at least overlapShare of all its dealings (or all of them, see
 * trimmed). A broker who works for two rings has about half of his links in each, to many of each
 * ring's members; a go-between's thin bridge (an identifier and a shipment) reaches the other
 * ring's two or three contacts only and is a small share of his weight, and keeps him in his own
 * ring only. Each round judges every ring against the rings of the round before, so
 * the order of the rings changes nothing; a second round lets in those tied to the ring through a
 * member who joined it in the first (a courier of the shared broker).
 */
function withSecondRings(links: PartyLinks, groups: readonly string[][], options: RingDetectionOptions): string[][] {
  let rings = groups.map((members) => [...members]);
  // A ring that took no one in a round has the same candidates in the next: only those that did are judged again.
  let changed = rings.map(() => true);
  for (let round = 0; round < 3 && changed.some(Boolean); round++) {
    const next = rings.map((members, index) => {
      if (!changed[index]) return members;
      const inside = new Set(members);
      const median = medianTie(links, members, inside);
      const candidates = new Set<string>();
      for (const key of members) for (const other of links.neighbours(key)) if (!inside.has(other)) candidates.add(other);
      const joining = [...candidates].filter(
        (key) => links.countInto(key, inside) >= options.overlapMembers && holds(links, key, inside, median, options.overlapShare, options, options.overlapTie),
      );
      return joining.length === 0 ? members : [...members, ...joining].sort();
    });
    changed = next.map((members, index) => members !== rings[index]);
    rings = next;
  }
  return rings;
}

function medianTie(links: PartyLinks, members: readonly string[], inside: ReadonlySet<string>): number {
  const ties = members.map((key) => links.weightInto(key, inside)).sort((a, b) => a - b);
  return ties[Math.floor(ties.length / 2)];
}

/**
 * Whether a party is held by a group (see trimmed): it deals with the group alone (exclusiveShare
 * of its links' weight, tying it by exclusiveTie, or pendantTie when linked to one member only),
 * or it is linked to two members or more, by at least `ofMedian` × the median member's tie and
 * `share` of its own links' weight.
 */
function holds(
  links: PartyLinks,
  key: string,
  inside: ReadonlySet<string>,
  median: number,
  share: number,
  options: RingDetectionOptions,
  ofMedian = options.trim,
): boolean {
  const tie = links.weightInto(key, inside);
  const count = links.countInto(key, inside);
  const total = links.total(key);
  if (count >= 1 && tie >= options.exclusiveShare * total && tie >= (count >= 2 ? options.exclusiveTie : options.pendantTie)) return true;
  return count >= 2 && tie >= ofMedian * median && tie >= share * total;
}

/**
 * Moves each party to the community it is most tied to, by weight, pass after pass (at most three):
 * Louvain's later levels move whole groups, and can leave a party on the wrong side, such as a
 * broker placed with the ring it bridges to rather than with its own.
 */
function refine(links: PartyLinks, communities: Record<string, number>): void {
  const keys = links.graph.nodes().sort();
  for (let pass = 0; pass < 3; pass++) {
    let moved = 0;
    for (const key of keys) {
      const toward = new Map<number, number>();
      const neighbours = links.neighbours(key);
      const weights = links.weights(key);
      for (let at = 0; at < neighbours.length; at++) {
        const other = communities[neighbours[at]];
        toward.set(other, (toward.get(other) ?? 0) + weights[at]);
      }
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
function closure(links: PartyLinks, members: readonly string[]): number {
  const inside = new Set(members);
  let within = 0;
  let total = 0;
  for (const key of members) {
    total += links.total(key);
    within += links.weightInto(key, inside);
  }
  return total === 0 ? 0 : within / total;
}

/** The share of the members' pairs that are linked. */
function density(links: PartyLinks, members: readonly string[]): number {
  if (members.length < 2) return 0;
  const inside = new Set(members);
  let pairs = 0;
  for (const key of members) pairs += links.countInto(key, inside);
  return pairs / (members.length * (members.length - 1));
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  const shared = b.filter((key) => set.has(key)).length;
  return shared / (a.length + b.length - shared);
}

function smallestId(ring: DetectedRing): string {
  return ring.members.reduce((least, member) => (member.id < least ? member.id : least), ring.members[0].id);
}




/**
 * Drops, round after round, the members weakly held by their community, which modularity alone
 * happily absorbs: those linked to fewer than two of its members (an outsider sharing one phone
 * with one exposed member), tied to it by less than `trim` of its median member's tie, or with less
 * than `insideShare` of their own links' weight inside it (a go-between of two groups). A member
 * that deals with the community alone (exclusiveShare of its weight inside) is kept all the same
 * when its tie weighs exclusiveTie, or pendantTie for a member linked to one member only: a courier
 * who shares one identifier with two members, or one who travels again and again with his handler
 * and shares nothing else, is the ring's however lightly; an outsider who shares one phone with a
 * contact (one identifier, 3) and does nothing else is not.
 */
function trimmed(links: PartyLinks, members: string[], options: RingDetectionOptions): string[] {
  let kept = members;
  for (let round = 0; round < 5; round++) {
    const inside = new Set(kept);
    const median = medianTie(links, kept, inside);
    const next = kept.filter((key) => holds(links, key, inside, median, options.insideShare, options));
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept;
}

/**
 * Who took part in another ring's shipments: for each shipment whose ring parties are mostly of one
 * ring (two or more of them), each party not of that ring but of another is a visitor of that
 * ring. Returns, per visitor, the rings it visited and how often.
 */
function visitsOf(shipments: ShipmentRoster, ringsOf: ReadonlyMap<string, readonly number[]>): Map<string, Map<number, number>> {
  const visits = new Map<string, Map<number, number>>();
  let start = 0;
  for (const end of shipments.ends) {
    const counts = new Map<number, number>();
    let ringParties = 0;
    for (let at = start; at < end; at++) {
      const rings = ringsOf.get(shipments.parties[at]);
      if (rings === undefined) continue;
      for (const ring of rings) counts.set(ring, (counts.get(ring) ?? 0) + 1);
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
          const rings = ringsOf.get(key);
          if (rings === undefined || rings.includes(host)) continue;
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
 * other ring. Into a ring G, a member linked to n of G's members (not of this ring too) counts
 * n × Σ n / (n + m(x)) over those neighbours x, m(x) being how many members of this ring x is
 * linked to: a broker who joins one of G's shipments and shares a line with one of its contacts is
 * linked to several of G's members, each linked to it alone, and counts nearly n²; the contact on
 * the other side of such a tie counts little for it. A member of both rings (a shared broker)
 * counts his links into the other ring the same way. Neighbours who came to this ring (took part
 * in one of its shipments) are theirs to count, not this member's; each shipment of another ring
 * the member took part in counts 2 more. Only rings count as groups: a member linked to outsiders
 * (noise, hub forwarders) bridges nothing. Time: the ring's links, plus its outward neighbours' links.
 */
function brokerScores(
  links: PartyLinks,
  members: readonly string[],
  ring: number,
  ringsOf: ReadonlyMap<string, readonly number[]>,
  visits: ReadonlyMap<string, ReadonlyMap<number, number>>,
): Map<string, number> {
  const inside = new Set(members);
  const linksBack = new Map<string, number>();
  const back = (other: string): number => {
    let count = linksBack.get(other);
    if (count === undefined) {
      count = links.countInto(other, inside);
      linksBack.set(other, count);
    }
    return count;
  };
  const scores = new Map<string, number>();
  for (const key of members) {
    const perRing = new Map<number, string[]>();
    for (const other of links.neighbours(key)) {
      if (inside.has(other)) continue;
      const groups = ringsOf.get(other);
      if (groups === undefined) continue;
      if ((visits.get(other)?.get(ring) ?? 0) > 0) continue;
      for (const group of groups) {
        const list = perRing.get(group);
        if (list) list.push(other);
        else perRing.set(group, [other]);
      }
    }
    let score = 0;
    for (const neighbours of perRing.values()) {
      const count = neighbours.length;
      let owned = 0;
      for (const other of neighbours) owned += count / (count + back(other));
      score += count * owned;
    }
    for (const [host, times] of visits.get(key) ?? []) if (host !== ring) score += 2 * times;
    scores.set(key, score);
  }
  return scores;
}
