import { readFileSync } from "node:fs";
import path from "node:path";

import { projectRoot } from "../config.js";
import type { CypherExecutor, Parameters, Row } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { integerParameter } from "../db/values.js";
import { pageKey, type FetchPlan } from "../domain/fetch-plan.js";
import { NodeLabel } from "../domain/graph-schema.js";
import { OrderDirection, type ListOrder, type PageRequest, type SortedPageRequest, type SortValue } from "../domain/paging.js";
import { factProperties } from "../domain/relation-facts.js";
import { relations, type RelationName } from "../domain/relations.js";
import { factsOf, sortBySeq, type Related } from "./graph.repository.js";
import { listQueries, partyListQueries, type ListName, type PartyListName } from "./list.repository.js";

/** Where the facts read ahead for a node are kept on it, out of sight of GraphQL's default resolvers. */
export const PREFETCHED = Symbol("prefetched");

/** What was read below one node by the query of its root field, as its resolvers will ask for it. */
export interface Prefetched {
  related: Map<RelationName, Related[]>;
  pages: Map<string, PrefetchedPage>;
  /** The node's relationship counts, when asked for and the node is a person or a company. */
  counts: Row | null;
}

export interface PrefetchedPage {
  items: Related[];
  hasNextPage: boolean;
  /** Null when the total was not asked for. */
  total: number | null;
}

/** A node's properties (and labels, for a node of several possible kinds), with what was read below it. */
export type FetchedNode = Row & { [PREFETCHED]?: Prefetched };

/** A page of a root list read with its selection; `total` is null when not asked for. */
export interface FetchedPage {
  items: FetchedNode[];
  hasNextPage: boolean;
  sortValues: SortValue[];
  total: number | null;
}

/** What a root list query must return: its items (edges, page info), its total, or both. */
export interface ListWants {
  items: boolean;
  total: boolean;
}

/** The label of each root list's items. */
const listLabels: Record<ListName, NodeLabel> = {
  seizures: NodeLabel.Seizure,
  shipments: NodeLabel.Shipment,
  persons: NodeLabel.Person,
  companies: NodeLabel.Company,
  places: NodeLabel.Place,
  countries: NodeLabel.Country,
  species: NodeLabel.Species,
};

const FRAGMENTS_DIR = path.join(projectRoot, "cypher", "fragments");
const countsFragments: Partial<Record<NodeLabel, string>> = {
  [NodeLabel.Person]: readFileSync(path.join(FRAGMENTS_DIR, "person-counts.cypher"), "utf8"),
  [NodeLabel.Company]: readFileSync(path.join(FRAGMENTS_DIR, "company-counts.cypher"), "utf8"),
};

/**
 * Answers a root field and the relationship fields below it with one Cypher query. The query is
 * written from a FetchPlan: every label, relationship type and direction in it comes from the
 * relations table (src/domain/relations.ts), every value travels as a parameter. Each relationship
 * field becomes a `COLLECT {}` subquery nested in the projection of its parent node, each paged field
 * a `COLLECT {}` cut to its page (and a `COUNT {}` for its total), and the person and company counts a
 * subquery per node. What comes back is turned into the same facts the loaders give
 * (graph.repository.ts), hung on each node under PREFETCHED for its field resolvers to find.
 */
export class NestedReadRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  /** One node by id, with what the plan reads below it; null when there is none. */
  async byId(label: NodeLabel, id: string, plan: FetchPlan): Promise<FetchedNode | null> {
    const query = new QueryWriter();
    const projection = query.node("n0", plan, 0);
    const text = [`MATCH (n0:${label} {id: $id})`, ...projection.before, `RETURN ${projection.map} AS node`].join("\n");
    const [row] = await this.executor.read(text, { ...query.parameters, id });
    return row ? fetchedNode(row.node as Row, plan) : null;
  }

  /** A page of a root list in id order, and or its total, with what the plan reads below each item. */
  async listPage(list: ListName, filter: Parameters, page: PageRequest, plan: FetchPlan, wants: ListWants): Promise<FetchedPage> {
    const queries = listQueries[list];
    return this.readList(
      listLabels[list],
      this.registry.text(queries.page),
      this.registry.text(queries.count),
      { ...filter, after: page.after, limit: integerParameter(page.first + 1) },
      page.first,
      plan,
      wants,
      false,
    );
  }

  /** A page of persons or companies in a chosen order, as `listPage`, with each item's sort value. */
  async sortedListPage(
    list: PartyListName,
    filter: Parameters,
    order: ListOrder,
    page: SortedPageRequest,
    plan: FetchPlan,
    wants: ListWants,
  ): Promise<FetchedPage> {
    return this.readList(
      listLabels[list],
      this.registry.text(partyListQueries[list].page),
      this.registry.text(listQueries[list].count),
      {
        ...filter,
        orderField: order.field,
        descending: order.direction === OrderDirection.DESC,
        // Counts are integers in the graph; a JavaScript number would travel as a float.
        afterValue: typeof page.after?.value === "number" ? integerParameter(page.after.value) : (page.after?.value ?? null),
        afterId: page.after?.id ?? null,
        limit: integerParameter(page.first + 1),
      },
      page.first,
      plan,
      wants,
      true,
    );
  }

  /**
   * The list's own page query runs as a subquery (its filters and order stay in its file); each item
   * is found again by id (an index seek) to read below it, in the page's order; the list's count
   * query runs beside it when the total is asked for, and alone when only the total is.
   */
  private async readList(
    label: NodeLabel,
    pageQuery: string,
    countQuery: string,
    parameters: Parameters,
    first: number,
    plan: FetchPlan,
    wants: ListWants,
    sorted: boolean,
  ): Promise<FetchedPage> {
    const query = new QueryWriter();
    const lines: string[] = [];
    if (wants.items) {
      const projection = query.node("n0", plan, 0);
      const sortValue = sorted ? "sortValue" : "null";
      lines.push(
        `CALL () {\n${pageQuery}\n}`,
        `MATCH (n0:${label} {id: node.id})`,
        `WITH n0, ${sortValue} AS sortValue`,
        ...projection.before,
        // Projected before it is collected: Cypher refuses the subqueries' own aggregations inside collect().
        `WITH ${projection.map} AS item, sortValue`,
        "WITH collect({node: item, sortValue: sortValue}) AS items",
      );
    } else {
      lines.push("WITH [] AS items");
    }
    if (wants.total) lines.push(`CALL () {\n${countQuery}\n}`, "RETURN items, count AS total");
    else lines.push("RETURN items, null AS total");
    const [row] = await this.executor.read(lines.join("\n"), { ...parameters, ...query.parameters });
    const items = row.items as { node: Row; sortValue: SortValue }[];
    const kept = items.slice(0, first);
    return {
      items: kept.map((item) => fetchedNode(item.node, plan)),
      sortValues: kept.map((item) => item.sortValue),
      hasNextPage: items.length > first,
      total: (row.total as number | null) ?? null,
    };
  }
}

/** A node's projection: a map expression, and the clauses that must run before it (the counts). */
interface Projection {
  before: string[];
  map: string;
}

/**
 * Writes the Cypher of a plan. Variables are named by depth (`n1` for nodes one relationship below
 * the root), so a nested subquery never declares a name its parents use; siblings at one depth are
 * separate subqueries. Page sizes are parameters `$limit0`, `$limit1`, ...
 */
class QueryWriter {
  readonly parameters: Parameters = {};
  private limits = 0;

  /** The projection of node variable `name` at `depth`: its properties, then what the plan reads below it. */
  node(name: string, plan: FetchPlan, depth: number): Projection {
    const entries = [".*", `synthetic: ${name}:Synthetic`];
    let index = 0;
    for (const [relation, below] of plan.related) {
      entries.push(`_r${index++}: ${this.related(name, relation, below, depth)}`);
    }
    index = 0;
    for (const page of plan.pages.values()) {
      entries.push(`_p${index++}: ${this.page(name, page.relation, page.first, page.items, page.total, page.below, depth)}`);
    }
    const before: string[] = [];
    if (plan.counts) {
      before.push(countsCall(name, `c${depth}`));
      entries.push(`_c: c${depth}`);
    }
    return { before, map: `${name} {${entries.join(", ")}}` };
  }

  /** Every fact of one relationship field, as related/all.cypher reads it. */
  private related(from: string, relation: RelationName, below: FetchPlan, depth: number): string {
    const next = `n${depth + 1}`;
    const rel = `r${depth + 1}`;
    const pattern = patternOf(relation);
    const projection = this.node(next, below, depth + 1);
    return [
      "COLLECT {",
      `MATCH (${from}:${pattern.from})${pattern.left}[:${pattern.type}]${pattern.right}(${next}:${pattern.to})`,
      `WITH DISTINCT ${next}`,
      ...projection.before,
      `RETURN {node: ${projection.map}, labels: labels(${next}), rels: ${relsOf(from, pattern, next, rel)}} AS fact ORDER BY fact.node.id`,
      "}",
    ].join("\n");
  }

  /** The first page of a paged relationship field and or its total, as related/page.cypher and related/count.cypher read them. */
  private page(from: string, relation: RelationName, first: number, items: boolean, total: boolean, below: FetchPlan, depth: number): string {
    const next = `n${depth + 1}`;
    const rel = `r${depth + 1}`;
    const pattern = patternOf(relation);
    const reach = `(${from}:${pattern.from})${pattern.left}[:${pattern.type}]${pattern.right}(${next}:${pattern.to})`;
    const parts: string[] = [];
    if (items) {
      const limit = `limit${this.limits++}`;
      // One more than asked tells whether another page follows.
      this.parameters[limit] = integerParameter(first + 1);
      const projection = this.node(next, below, depth + 1);
      parts.push(
        [
          "items: COLLECT {",
          `MATCH ${reach}`,
          `WITH DISTINCT ${next} ORDER BY ${next}.id LIMIT $${limit}`,
          ...projection.before,
          `RETURN {node: ${projection.map}, labels: labels(${next}), rels: ${relsOf(from, pattern, next, rel)}} AS fact ORDER BY fact.node.id`,
          "}",
        ].join("\n"),
      );
    }
    if (total) parts.push(`total: COUNT { MATCH ${reach} RETURN DISTINCT ${next} }`);
    return `{${parts.join(", ")}}`;
  }
}

/**
 * The properties of every relationship between two nodes, by source id then row. Written as a
 * subquery, not with collect(): Cypher takes an aggregation inside a subquery expression for one of
 * the enclosing projection, and refuses the query.
 */
function relsOf(from: string, pattern: ReturnType<typeof patternOf>, next: string, rel: string): string {
  return `COLLECT { MATCH (${from})${pattern.left}[${rel}:${pattern.type}]${pattern.right}(${next}) RETURN properties(${rel}) AS rel ORDER BY rel.sourceId, rel.sourceRow }`;
}

function patternOf(relation: RelationName) {
  const { from, type, to, direction } = relations[relation];
  return {
    from,
    type,
    to: to.join("|"),
    left: direction === "IN" ? "<-" : "-",
    right: direction === "OUT" ? "->" : "-",
  };
}

/** The counts of a person or a company bound to `name`, as variable `as` (null for other nodes). */
function countsCall(name: string, as: string): string {
  const branches = [NodeLabel.Person, NodeLabel.Company].map(
    (label) => `WITH ${name} AS node WHERE node:${label}\n${countsFragments[label]}`,
  );
  // The fragments' column is `counts` at every depth: renamed inside a subquery of its own, so that a
  // nested node's counts never shadow its parent's.
  return `OPTIONAL CALL (${name}) {\nCALL (${name}) {\n${branches.join("\nUNION\n")}\n}\nRETURN counts AS ${as}\n}`;
}

/** A node as read by the query, with what was read below it moved under PREFETCHED. */
function fetchedNode(raw: Row, plan: FetchPlan): FetchedNode {
  const { _c: counts, ...rest } = raw;
  const node: FetchedNode = {};
  for (const [key, value] of Object.entries(rest)) if (!/^_[rp][0-9]+$/.test(key)) node[key] = value;
  const prefetched: Prefetched = { related: new Map(), pages: new Map(), counts: (counts as Row | null | undefined) ?? null };
  let index = 0;
  for (const [relation, below] of plan.related) {
    const facts = factsOf(raw[`_r${index++}`] as Row[], factProperties[relation] ?? []);
    prefetched.related.set(relation, sortBySeq(facts.map((fact) => withBelow(fact, below))));
  }
  index = 0;
  for (const page of plan.pages.values()) {
    const read = raw[`_p${index++}`] as { items?: Row[]; total?: number };
    const found = factsOf(read.items ?? [], []);
    prefetched.pages.set(pageKey(page.relation, page.first), {
      items: found.slice(0, page.first).map((fact) => withBelow(fact, page.below)),
      hasNextPage: found.length > page.first,
      total: read.total ?? null,
    });
  }
  node[PREFETCHED] = prefetched;
  return node;
}

function withBelow(fact: Related, below: FetchPlan): Related {
  return { ...fact, node: fetchedNode(fact.node, below) };
}
