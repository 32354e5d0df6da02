import { UndirectedGraph } from "graphology";

/** The two kinds of party a ring is made of; the labels of their nodes. */
export type PartyKind = "Person" | "Company";

export interface PartyRef {
  readonly id: string;
  readonly kind: PartyKind;
}

/** How much one shared fact weighs between two parties, and which facts are too common to count. */
export interface LinkWeights {
  /** An identifier held by exactly two parties; one held by n parties gives each pair weight / (n - 1). */
  readonly identifier: number;
  /** A shipment of exactly two parties; one of n parties gives each pair weight / (n - 1). */
  readonly shipment: number;
  /** A person who is an officer of a company. */
  readonly officer: number;
  /**
   * Identifiers with more holders than this are left out: a registered address behind dozens of
   * shell companies, or a call centre's phone, says nothing about who works with whom, and would
   * add a clique of holders² links.
   */
  readonly maxIdentifierHolders: number;
  /**
   * Parties linked to more distinct parties than this are hubs (a busy freight forwarder): every
   * link of a hub is scaled by hubPartners / partners, so a hub weighs no more in total than an
   * ordinary busy party and cannot glue the groups it serves together.
   */
  readonly hubPartners: number;
}

export const DEFAULT_LINK_WEIGHTS: LinkWeights = {
  identifier: 3,
  shipment: 1,
  officer: 3,
  maxIdentifierHolders: 10,
  hubPartners: 100,
};

export interface PartyNodeAttributes {
  id: string;
  kind: PartyKind;
}

export interface PartyEdgeAttributes {
  weight: number;
}

export type PartyGraph = UndirectedGraph<PartyNodeAttributes, PartyEdgeAttributes>;

/** The parties of every shipment (graph keys): shipment i is parties[ends[i-1] .. ends[i]). */
export interface ShipmentRoster {
  readonly parties: readonly string[];
  readonly ends: readonly number[];
}

export interface PartyNetwork {
  readonly graph: PartyGraph;
  readonly shipments: ShipmentRoster;
}

/** The graph key of a party: ids are unique per label only. */
export function partyKey(party: PartyRef): string {
  return `${party.kind}:${party.id}`;
}

/**
 * Accumulates shared facts into weighted links between parties, one group at a time (the export
 * streams them), then builds an undirected graph for community detection. Memory and time grow
 * with the links (a shipment of n parties adds n(n-1)/2 at most) and with the shipments' party
 * lists, kept to tell which ring's shipments a broker took part in.
 */
export class PartyGraphBuilder {
  private readonly parties = new Map<string, PartyRef>();
  private readonly links = new Map<string, Map<string, number>>();
  /** Every shipment's parties by graph key, end to end; `shipmentEnds[i]` is where shipment i ends. */
  private readonly shipmentParties: string[] = [];
  private readonly shipmentEnds: number[] = [];
  private skippedIdentifiers = 0;

  constructor(private readonly weights: LinkWeights = DEFAULT_LINK_WEIGHTS) {}

  /** The holders of one identifier. */
  addIdentifier(holders: readonly PartyRef[]): void {
    if (holders.length > this.weights.maxIdentifierHolders) {
      this.skippedIdentifiers++;
      return;
    }
    this.addGroup(holders, this.weights.identifier);
  }

  /** The parties of one shipment, whatever their roles. */
  addShipment(parties: readonly PartyRef[]): void {
    const keys = this.addGroup(parties, this.weights.shipment);
    if (keys.length < 2) return;
    this.shipmentParties.push(...keys);
    this.shipmentEnds.push(this.shipmentParties.length);
  }

  addOfficer(person: PartyRef, company: PartyRef): void {
    this.addGroup([person, company], this.weights.officer);
  }

  /** Identifiers left out for having too many holders. */
  get skipped(): number {
    return this.skippedIdentifiers;
  }

  private addGroup(members: readonly PartyRef[], weight: number): string[] {
    const keys = [...new Set(members.map(partyKey))];
    // A party alone (twice in one shipment, in two roles) links nobody: it stays out of the graph.
    if (keys.length < 2) return keys;
    for (const party of members) this.remember(party);
    const share = weight / (keys.length - 1);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) this.link(keys[i], keys[j], share);
    }
    return keys;
  }

  private remember(party: PartyRef): void {
    const key = partyKey(party);
    if (!this.parties.has(key)) this.parties.set(key, { id: party.id, kind: party.kind });
  }

  private link(a: string, b: string, weight: number): void {
    const [low, high] = a < b ? [a, b] : [b, a];
    let row = this.links.get(low);
    if (!row) this.links.set(low, (row = new Map()));
    row.set(high, (row.get(high) ?? 0) + weight);
  }

  build(): PartyNetwork {
    const partners = new Map<string, number>();
    for (const [low, row] of this.links) {
      partners.set(low, (partners.get(low) ?? 0) + row.size);
      for (const high of row.keys()) partners.set(high, (partners.get(high) ?? 0) + 1);
    }
    const hub = this.weights.hubPartners;
    const scale = (key: string): number => Math.min(1, hub / (partners.get(key) ?? 1));
    const graph: PartyGraph = new UndirectedGraph({ allowSelfLoops: false });
    // Keys in sorted order: the same facts give the same graph whatever order they came in, and
    // Louvain, seeded, then gives the same communities.
    for (const key of [...this.parties.keys()].sort()) graph.addNode(key, { ...this.parties.get(key)! });
    for (const low of [...this.links.keys()].sort()) {
      const row = this.links.get(low)!;
      for (const high of [...row.keys()].sort()) {
        graph.addUndirectedEdge(low, high, { weight: row.get(high)! * scale(low) * scale(high) });
      }
    }
    return { graph, shipments: { parties: this.shipmentParties, ends: this.shipmentEnds } };
  }
}
