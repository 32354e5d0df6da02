import type { RelationName } from "./relations.js";

/**
 * What one request will read below a node, worked out from its selection set before the first
 * query runs, so that a root field is answered by one Cypher query (src/repositories/nested-read.ts)
 * instead of one query per level of the selection. Relationship fields are keyed by relation, not by
 * GraphQL alias: two aliases of one field read the same facts, and their selections are merged.
 */
export interface FetchPlan {
  /** Relationship fields read whole (src/domain/relations.ts), each with what to read below its nodes. */
  related: Map<RelationName, FetchPlan>;
  /** Paged relationship fields read from their first page, by `pageKey(relation, first)`. */
  pages: Map<string, PagePlan>;
  /** The relationship counts of persons or companies (the `...Count` fields), when asked for. */
  counts: boolean;
  /**
   * The node's properties the selection reads (`id` always), or null for all of them: a field that
   * is not a stored property (a list of common names in one language, ...) may read any.
   */
  properties: Set<string> | null;
  /**
   * Relations and page keys left to the loaders at this node (over the bound on nodes read): a
   * mention of the field elsewhere in the selection that was read ahead is not, since its resolver
   * would find there only what that mention asked.
   */
  unfolded: Set<string>;
}

export interface PagePlan {
  relation: RelationName;
  /** Items asked for; the query reads one more to tell whether another page follows. */
  first: number;
  /** Whether the page's items are asked for (edges or page info), or only its total. */
  items: boolean;
  /** Whether `totalCount` is asked for. */
  total: boolean;
  below: FetchPlan;
}

export function emptyPlan(): FetchPlan {
  return { related: new Map(), pages: new Map(), counts: false, properties: new Set(), unfolded: new Set() };
}

/**
 * The plan's own properties without anything below the node: what a root field reads when its
 * selection folds too much into one query, the rest being left to the loaders.
 */
export function ownPropertiesOnly(plan: FetchPlan): FetchPlan {
  return { ...emptyPlan(), properties: plan.properties === null ? null : new Set(plan.properties) };
}

export function pageKey(relation: RelationName, first: number): string {
  return `${relation}:${first}`;
}

/** Whether a plan reads nothing beyond the node's own properties. */
export function isEmptyPlan(plan: FetchPlan): boolean {
  return plan.related.size === 0 && plan.pages.size === 0 && !plan.counts;
}

/** Adds what `more` reads to `into` (both selections of one node, such as two aliases). */
export function mergePlan(into: FetchPlan, more: FetchPlan): FetchPlan {
  for (const [relation, below] of more.related) {
    const known = into.related.get(relation);
    into.related.set(relation, known ? mergePlan(known, below) : below);
  }
  for (const [key, page] of more.pages) {
    const known = into.pages.get(key);
    into.pages.set(
      key,
      known
        ? { ...known, items: known.items || page.items, total: known.total || page.total, below: mergePlan(known.below, page.below) }
        : page,
    );
  }
  into.counts ||= more.counts;
  into.properties = into.properties === null || more.properties === null ? null : new Set([...into.properties, ...more.properties]);
  for (const key of more.unfolded) into.unfolded.add(key);
  for (const key of into.unfolded) {
    into.related.delete(key as RelationName);
    into.pages.delete(key);
  }
  return into;
}
