import { Extensions } from "type-graphql";

/**
 * What a field makes Neo4j do, in database hits (as `PROFILE` counts them), declared next to the
 * field and read by the cost estimate from the built schema's field `extensions.cost`:
 *
 *   base + perItem × items × (product of the multipliers)
 *
 * each time the field is resolved (so times the items of every list around it). Arguments are
 * named, never evaluated: a declaration stays data. An argument is read from the field itself, or
 * else from the field whose selection holds it (a `network`'s `limit` for its `graphml`); a list
 * argument counts its values; a missing one counts 1. test/integration/cost-calibration.test.ts
 * checks the figures against PROFILE on a generated world.
 */
export interface FieldCost {
  /** Hits of the field once, whatever its arguments: index seeks, a query's fixed work. */
  readonly base?: number;
  /** Hits per item: per row read, per node expanded, per path followed. */
  readonly perItem?: number;
  /** The argument that counts the items; left out: the list's own size (`first`, `limit`, else 10), or 1 for a single value. */
  readonly items?: string;
  /** Arguments that multiply the items' hits (a network's `depth`, a path search's `maxHops`). */
  readonly multipliers?: readonly string[];
}

/** Declares a field's database cost: `@Cost({ base: 20, perItem: 8 })` above a resolver or `@Field`. */
export function Cost(cost: FieldCost): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Extensions({ cost });
}

/** The cost declared on a field's extensions, if any. */
export function declaredCost(extensions: Readonly<Record<string, unknown>> | null | undefined): FieldCost | undefined {
  const cost = extensions?.cost;
  return typeof cost === "object" && cost !== null ? (cost as FieldCost) : undefined;
}

/**
 * The costs of the relationship fields, which all run the same few templates through the
 * request's loaders (cypher/queries/related/*.cypher, one batch per field and level), per node
 * asked about. Measured on the calibration world: a related node 25-50 hits, a list of related
 * nodes 25-90 (a shipment's route the most), a page of 100 with its count up to 1,200, a party's
 * counts (one query for all four) about 60. A selection folded into its root field's query
 * (src/repositories/nested-read.ts) reads less; the loaders' figures stay, since a selection over
 * the fold's bounds is read through them.
 */
export const RelationCost = {
  /** A related node (a seizure's country, a citation's source). */
  ONE: { base: 40 },
  /** Related nodes, all of them (items: 10 unless the list has a size). */
  MANY: { base: 40, perItem: 6 },
  /** A page of related nodes (`first`), with its total when asked. */
  PAGE: { base: 100, perItem: 12, items: "first" },
  /** One of a party's counts (the query reads all of them). */
  COUNT: { base: 70 },
} as const satisfies Record<string, FieldCost>;
