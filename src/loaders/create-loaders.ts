import DataLoader from "dataloader";

import type { NodeProperties } from "../db/query-types.js";
import type { NodeLabel } from "../domain/graph-schema.js";
import type { RelationName } from "../domain/relations.js";
import type { GraphRepository, Related } from "../repositories/graph.repository.js";
import type { Sharer, SharedIdentifierRepository, SharerRequest } from "../repositories/shared-identifier.repository.js";
import type { ListRepository, PartyCounts, PartyListName } from "../repositories/list.repository.js";

/** Ids per round trip: large enough for a page of parents, small enough for one fast query. */
export const MAX_BATCH_SIZE = 500;

export interface RelatedPageKey {
  name: RelationName;
  after: string | null;
  limit: number;
}

/**
 * The DataLoaders of one request. Each loader batches the ids asked for in one tick into a single
 * Cypher query and answers in key order: a node or null, a list (empty when nothing is related),
 * a count. Loaders are made lazily, one per label or relationship field.
 */
export interface Loaders {
  node(label: NodeLabel): DataLoader<string, NodeProperties | null>;
  /** The ids of a label that start with a prefix, for pseudonyms of ids too long to hold whole. */
  idsStartingWith(label: NodeLabel): DataLoader<string, string[]>;
  related(name: RelationName): DataLoader<string, Related[]>;
  relatedPage(key: RelatedPageKey): DataLoader<string, Related[]>;
  relatedCount(name: RelationName): DataLoader<string, number>;
  /**
   * The relationship counts of persons or companies (a row of counts, null for an unknown id). The
   * repository is the context's `lists`, passed by the caller because the loader set is made from
   * the graph repository alone; the first call of a request makes the loader.
   */
  partyCounts(list: PartyListName, lists: ListRepository): DataLoader<string, PartyCounts | null>;
  /**
   * The sharers of parties (sharedIdentifiers): the list, or null for an id that is no party of the
   * labels asked. The repository is the context's `sharedIdentifiers`, passed by the caller as for
   * partyCounts; one loader per request shape (labels, kinds, first, what is read of each sharer).
   */
  sharedIdentifiers(repository: SharedIdentifierRepository, request: SharerRequest): DataLoader<string, Sharer[] | null>;
}

export function createLoaders(graph: GraphRepository): Loaders {
  const cache = new Map<string, DataLoader<string, unknown>>();
  function memo<V>(key: string, make: () => DataLoader<string, V>): DataLoader<string, V> {
    let loader = cache.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = make();
      cache.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  return {
    node: (label) =>
      memo(`node:${label}`, () =>
        batched(async (ids) => inKeyOrder(ids, await graph.byIds(label, ids), null)),
      ),
    idsStartingWith: (label) =>
      memo(`prefix:${label}`, () =>
        batched(async (prefixes) => inKeyOrder(prefixes, await graph.idsStartingWith(label, prefixes), [])),
      ),
    related: (name) =>
      memo(`related:${name}`, () => batched(async (ids) => inKeyOrder(ids, await graph.related(name, ids), []))),
    relatedPage: ({ name, after, limit }) =>
      memo(JSON.stringify(["page", name, after, limit]), () =>
        batched(async (ids) => inKeyOrder(ids, await graph.relatedPage(name, ids, { after, limit }), [])),
      ),
    relatedCount: (name) =>
      memo(`count:${name}`, () => batched(async (ids) => inKeyOrder(ids, await graph.relatedCount(name, ids), 0))),
    partyCounts: (list, lists) =>
      memo(`partyCounts:${list}`, () => batched(async (ids) => inKeyOrder(ids, await lists.counts(list, ids), null))),
    sharedIdentifiers: (repository, request) =>
      memo(
        JSON.stringify([
          "shared",
          [...request.labels].sort(),
          request.kinds ? [...request.kinds].sort() : null,
          request.first,
          request.resolved,
          request.partyProperties,
          request.identifierValues,
        ]),
        () => batched(async (ids) => inKeyOrder<Sharer[] | null>(ids, await repository.ofParties(ids, request), null)),
      ),
  };
}

function batched<V>(load: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>(load, { maxBatchSize: MAX_BATCH_SIZE });
}

/** DataLoader's contract: one result per key, in the keys' order. */
export function inKeyOrder<V>(keys: readonly string[], found: ReadonlyMap<string, V>, missing: V): V[] {
  return keys.map((key) => found.get(key) ?? missing);
}
