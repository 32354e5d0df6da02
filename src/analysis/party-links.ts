import { UndirectedGraph } from "graphology";

import type { PartyGraph } from "./party-graph.js";

/**
 * The party graph's links as plain arrays, read once: ring detection asks each party's tie to a
 * group again and again (trimming, peeling, second rings, brokers), and walking arrays is several
 * times faster than graphology's callbacks (the detection's time at 100,000 shipments went from
 * about 36 s to about 10 s in one seeded run; see README).
 */
export class PartyLinks {
  private readonly neighbourKeys = new Map<string, string[]>();
  private readonly neighbourWeights = new Map<string, number[]>();
  private readonly totals = new Map<string, number>();

  constructor(readonly graph: PartyGraph) {
    for (const key of graph.nodes()) {
      const keys: string[] = [];
      const weights: number[] = [];
      let total = 0;
      graph.forEachEdge(key, (_edge, attributes, source, target) => {
        keys.push(source === key ? target : source);
        weights.push(attributes.weight);
        total += attributes.weight;
      });
      this.neighbourKeys.set(key, keys);
      this.neighbourWeights.set(key, weights);
      this.totals.set(key, total);
    }
  }

  neighbours(key: string): readonly string[] {
    return this.neighbourKeys.get(key) ?? [];
  }

  /** The weights of the links to `neighbours(key)`, in the same order. */
  weights(key: string): readonly number[] {
    return this.neighbourWeights.get(key) ?? [];
  }

  /** The weight of all the party's links. */
  total(key: string): number {
    return this.totals.get(key) ?? 0;
  }

  /** The weight of the party's links to members of `inside`. */
  weightInto(key: string, inside: ReadonlySet<string>): number {
    const keys = this.neighbours(key);
    const weights = this.weights(key);
    let sum = 0;
    for (let at = 0; at < keys.length; at++) if (inside.has(keys[at])) sum += weights[at];
    return sum;
  }

  /** How many members of `inside` the party is linked to. */
  countInto(key: string, inside: ReadonlySet<string>): number {
    let count = 0;
    for (const other of this.neighbours(key)) if (inside.has(other)) count++;
    return count;
  }

  /** The members and the links among them, as a graph for Louvain (nodes in the order given). */
  subgraph(members: readonly string[]): PartyGraph {
    const inner: PartyGraph = new UndirectedGraph({ allowSelfLoops: false });
    const inside = new Set(members);
    for (const key of members) inner.addNode(key, this.graph.getNodeAttributes(key));
    for (const key of members) {
      const keys = this.neighbours(key);
      const weights = this.weights(key);
      for (let at = 0; at < keys.length; at++) {
        if (key < keys[at] && inside.has(keys[at])) inner.addUndirectedEdge(key, keys[at], { weight: weights[at] });
      }
    }
    return inner;
  }
}
