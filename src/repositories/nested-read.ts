import { readFileSync } from "node:fs";
import path from "node:path";

import { projectRoot } from "../config.js";
import type { CypherExecutor, Parameters, Row } from "../db/cypher-executor.js";
import { parameterMap } from "../db/cypher-query.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import type { NodeProperties, PlainValue, Properties } from "../db/query-types.js";
import { integerParameter } from "../db/values.js";
import { pageKey, type FetchPlan } from "../domain/fetch-plan.js";
import { NodeLabel, RelType } from "../domain/graph-schema.js";
import { labels as modelLabels } from "../domain/model.js";
import type { ListOrder, PageRequest, SortedPageRequest, SortValue } from "../domain/paging.js";
import { factProperties } from "../domain/relation-facts.js";
import { relations, type RelationName } from "../domain/relations.js";
import { factsOf, sortBySeq, type Related, type RelatedRead } from "./graph.repository.js";
import {
  listQueries,
  orderedListQueries,
  sortedPageParameters,
  type ListFilters,
  type ListName,
  type ListQueries,
  type PartyCounts,
  type OrderedListName,
} from "./list.repository.js";

/** Where the facts read ahead for a node are kept on it, out of sight of GraphQL's default resolvers. */
export const PREFETCHED = Symbol("prefetched");

/** What was read below one node by the query of its root field, as its resolvers will ask for it. */
export interface Prefetched {
  related: Map<RelationName, Related[]>;
  pages: Map<string, PrefetchedPage>;
  /** The node's relationship counts, when asked for and the node is a person or a company. */
  counts: PartyCounts | null;
}

export interface PrefetchedPage {
  items: Related[];
  hasNextPage: boolean;
  /** Null when the total was not asked for. */
  total: number | null;
}

/** A node's properties (and labels, for a node of several possible kinds), with what was read below it. */
export type FetchedNode = NodeProperties & { [PREFETCHED]?: Prefetched };

/** A page of a root list read with its selection; `total` is null when not asked for. */
export interface FetchedPage {
  items: FetchedNode[];
  hasNextPage: boolean;
  /** Each item's sort value for a page in a chosen order; empty for a page in id order. */
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
  /** The second argument is no longer read (each list query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** One node by id, with what the plan reads below it; null when there is none. */
  async byId(label: NodeLabel, id: string, plan: FetchPlan): Promise<FetchedNode | null> {
    const query = new QueryWriter();
    const projection = query.node("n0", plan, 0);
    const text = [`MATCH (n0:${modelLabel(label)} {id: $id})`, ...projection.before, `RETURN ${projection.map} AS node`].join("\n");
    const [row] = await this.executor.read(text, { ...query.parameters, id });
    return row ? fetchedNode(record(row.node, "node"), plan) : null;
  }

  /** A page of a root list in id order, or its total, or both, with what the plan reads below each item. */
  async listPage<L extends ListName>(list: L, filter: Parameters, page: PageRequest, plan: FetchPlan, wants: ListWants): Promise<FetchedPage> {
    const queries: ListQueries<ListFilters[L]> = listQueries[list];
    return this.readList(
      listLabels[list],
      queries.page.text,
      queries.count.text,
      { ...queries.filter(filter), after: page.after, limit: integerParameter(page.first + 1) },
      page.first,
      plan,
      wants,
      false,
    );
  }

  /** A page of persons, companies or seizures in a chosen order, as `listPage`, with each item's sort value. */
  async sortedListPage<L extends OrderedListName>(
    list: L,
    filter: Parameters,
    order: ListOrder,
    page: SortedPageRequest,
    plan: FetchPlan,
    wants: ListWants,
  ): Promise<FetchedPage> {
    const queries: ListQueries<ListFilters[L]> = listQueries[list];
    return this.readList(
      listLabels[list],
      orderedListQueries[list].text,
      queries.count.text,
      { ...queries.filter(filter), ...sortedPageParameters(order, page) },
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
    /** The list query's parameters (its filters, its page). */
    parameters: object,
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
        `MATCH (n0:${modelLabel(label)} {id: id})`,
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
    const [row] = await this.executor.read(lines.join("\n"), { ...parameterMap(parameters), ...query.parameters });
    const items = list(row.items, "items").map((item) => record(item, "items"));
    const kept = items.slice(0, first);
    return {
      items: kept.map((item) => fetchedNode(record(item.node, "items.node"), plan)),
      sortValues: sorted ? kept.map((item) => sortValueOf(item.sortValue)) : [],
      hasNextPage: items.length > first,
      total: numberOrNull(row.total, "total"),
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
    const entries = [...ownProperties(name, plan), `synthetic: ${name}:Synthetic`];
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
      `RETURN ${factMap(from, relation, next, rel, projection.map, showsRels(relation))} AS fact ORDER BY ${factId(relation, showsRels(relation))}`,
      "}",
    ].join("\n");
  }

  /** The first page of a paged relationship field, or its total, or both, as related/page.cypher and related/count.cypher read them. */
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
          // A page lists nodes: its resolver shows neither relationship properties nor citations.
          `RETURN ${factMap(from, relation, next, rel, projection.map, false)} AS fact ORDER BY ${factId(relation, false)}`,
          "}",
        ].join("\n"),
      );
    }
    if (total) parts.push(`total: COUNT { MATCH ${reach} RETURN DISTINCT ${next} }`);
    return `{${parts.join(", ")}}`;
  }
}

/**
 * The node's own properties in its projection: those its selection reads, the id always (a species
 * node has twenty properties, a list of common names among them; a lookup that shows its scientific
 * name reads one), or all of them. Names come from the model (src/domain/model.ts). Dates come as
 * their ISO text (`toString`), as toPlain would give them: the driver turns a date into a Date by
 * arithmetic on its own 64-bit integer objects, which on a page of seizures was over a third of
 * what a request allocated.
 */
function ownProperties(name: string, plan: FetchPlan): string[] {
  if (plan.properties === null) return [".*"];
  const names = ["id", ...[...plan.properties].filter((property) => property !== "id").sort()];
  return names.map((property) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(property)) throw new Error(`a property name of the model is no identifier: ${property}`);
    return DATE_PROPERTIES.has(property) ? `${property}: toString(${name}.${property})` : `.${property}`;
  });
}

/**
 * The names of the model's date properties: those that are a Date on every label that has them
 * (`toString` of any other value would turn it into text).
 */
const DATE_PROPERTIES: ReadonlySet<string> = (() => {
  const types = new Map<string, Set<string>>();
  for (const label of Object.values(modelLabels)) {
    for (const [property, model] of Object.entries(label.properties)) {
      types.set(property, (types.get(property) ?? new Set()).add(model.type));
    }
  }
  return new Set([...types].filter(([, kinds]) => kinds.size === 1 && kinds.has("Date")).map(([property]) => property));
})();

/**
 * A fact as the query returns it: the related node's projection alone, when that is all its
 * resolvers read; else a map of the projection (`node`), its labels where the field's type may be
 * one of several kinds (a party, a route stop) and the properties of its relationships when
 * `withRels`. What no resolver reads is not returned: the driver would decode it and toPlain
 * convert it for every node (on a page of countries with their seizures' commodities and species,
 * most of the result), and a map around each node is one more to decode, its keys with it.
 */
function factMap(from: string, relation: RelationName, next: string, rel: string, map: string, withRels: boolean): string {
  if (!wrapsFact(relation, withRels)) return map;
  const entries = [`node: ${map}`];
  if (relations[relation].to.length > 1) entries.push(`labels: labels(${next})`);
  if (withRels) entries.push(`rels: ${relsOf(from, patternOf(relation), next, rel)}`);
  return `{${entries.join(", ")}}`;
}

/** Whether factMap puts a fact's node in a map with its labels or relationships. */
function wrapsFact(relation: RelationName, withRels: boolean): boolean {
  return withRels || relations[relation].to.length > 1;
}

/** The id of a fact's node, as the query orders facts by it. */
function factId(relation: RelationName, withRels: boolean): string {
  return wrapsFact(relation, withRels) ? "fact.node.id" : "fact.id";
}

/**
 * Whether a relationship field's resolvers read the properties of its relationships: those whose
 * facts they tell apart (a stop's position, a party's role) also show them, with their citations
 * (relation-facts.ts). The others show the related nodes only.
 */
function showsRels(relation: RelationName): boolean {
  return factProperties[relation] !== undefined;
}

/**
 * The properties of every relationship between two nodes, by source id then row. Written as a
 * subquery, not with collect(): Cypher takes an aggregation inside a subquery expression for one of
 * the enclosing projection, and refuses the query.
 */
function relsOf(from: string, pattern: ReturnType<typeof patternOf>, next: string, rel: string): string {
  return `COLLECT { MATCH (${from})${pattern.left}[${rel}:${pattern.type}]${pattern.right}(${next}) RETURN properties(${rel}) AS rel ORDER BY rel.sourceId, rel.sourceRow }`;
}

/**
 * The pieces of a relation's pattern, each checked against the enums of the model: a label or type
 * reaches the query text only if it is one of theirs (values always go as parameters).
 */
function patternOf(relation: RelationName) {
  const { from, type, to, direction } = relations[relation];
  return {
    from: modelLabel(from),
    type: modelType(type),
    to: to.map(modelLabel).join("|"),
    left: direction === "IN" ? "<-" : "-",
    right: direction === "OUT" ? "->" : "-",
  };
}

const LABELS: ReadonlySet<string> = new Set(Object.values(NodeLabel));
const TYPES: ReadonlySet<string> = new Set(Object.values(RelType));

function modelLabel(label: NodeLabel): NodeLabel {
  if (!LABELS.has(label)) throw new Error(`not a label of the model: ${JSON.stringify(label)}`);
  return label;
}

function modelType(type: RelType): RelType {
  if (!TYPES.has(type)) throw new Error(`not a relationship type of the model: ${JSON.stringify(type)}`);
  return type;
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

/**
 * A node as read by the query, with what was read below it moved under PREFETCHED. The query is
 * written here, so its rows are checked here, lightly: maps, lists and plain values where it puts
 * them, and a node's id and synthetic flag.
 */
function fetchedNode(raw: Row, plan: FetchPlan): FetchedNode {
  const node: FetchedNode = {} as FetchedNode;
  for (const key of Object.keys(raw)) {
    // The entries of what was read below the node (_c, _r0, _p0, ...) start with an underscore,
    // which no property name of the model does (ownProperties).
    if (key.charCodeAt(0) !== UNDERSCORE) node[key] = plainValue(raw[key], key);
  }
  if (typeof node.id !== "string" || typeof node.synthetic !== "boolean") throw shapeError("node", "a node with an id and synthetic");
  const counts = raw._c === undefined || raw._c === null ? null : partyCounts(raw._c);
  const prefetched: Prefetched = { related: new Map(), pages: new Map(), counts };
  let index = 0;
  for (const [relation, below] of plan.related) {
    const withRels = showsRels(relation);
    const value = raw[`_r${index++}`];
    const facts = withRels ? factsOf(factReads(value, below, relation, true), factProperties[relation] ?? []) : nodeFacts(value, below, relation);
    prefetched.related.set(relation, withRels ? sortBySeq(facts) : facts);
  }
  index = 0;
  for (const page of plan.pages.values()) {
    const read = record(raw[`_p${index++}`], "page");
    const found = read.items === undefined ? [] : nodeFacts(read.items, page.below, page.relation);
    prefetched.pages.set(pageKey(page.relation, page.first), {
      items: found.slice(0, page.first),
      hasNextPage: found.length > page.first,
      total: read.total === undefined ? null : numberOrNull(read.total, "page.total"),
    });
  }
  node[PREFETCHED] = prefetched;
  return node;
}

const UNDERSCORE = "_".charCodeAt(0);

/**
 * The facts of a field read without its relationships (factMap): one per node, with no
 * relationship properties and no citations, as factsOf makes them; sortBySeq would keep their
 * order (they have no `seq`).
 */
function nodeFacts(value: unknown, below: FetchPlan, relation: RelationName): Related[] {
  return factReads(value, below, relation, false).map((read) => ({ node: read.node, labels: read.labels, rel: {}, citations: [] }));
}

/**
 * The facts of a relationship field as the query collects them (factMap), each node read with what
 * is below it. A node of a field with one possible label has that label.
 */
function factReads(value: unknown, below: FetchPlan, relation: RelationName, withRels: boolean): RelatedRead[] {
  const { to } = relations[relation];
  const wrapped = wrapsFact(relation, withRels);
  return list(value, "facts").map((element) => {
    const fact = record(element, "fact");
    if (!wrapped) return { node: fetchedNode(fact, below), labels: [...to], rels: null };
    return {
      node: fetchedNode(record(fact.node, "fact.node"), below),
      labels: to.length > 1 ? list(fact.labels, "fact.labels").map((label) => text(label, "fact.labels")) : [...to],
      rels: withRels ? list(fact.rels, "fact.rels").map((rel) => properties(rel, "fact.rels")) : null,
    };
  });
}

/** A value the query put where a map goes (a node's projection, a fact, a page), checked to be one. */
function record(value: unknown, what: string): Row {
  if (isRecord(value)) return value;
  throw shapeError(what, "a map");
}

function isRecord(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw shapeError(what, "a list");
}

function text(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  throw shapeError(what, "a string");
}

function numberOrNull(value: unknown, what: string): number | null {
  if (value === null || typeof value === "number") return value;
  throw shapeError(what, "a number or null");
}

function sortValueOf(value: unknown): SortValue {
  if (typeof value === "string" || typeof value === "number") return value;
  throw shapeError("sortValue", "a string or a number");
}

/** A relationship's properties (`properties(r)`). */
function properties(value: unknown, what: string): Properties {
  const read: Properties = {};
  for (const [key, element] of Object.entries(record(value, what))) read[key] = plainValue(element, what);
  return read;
}

/** A property value as toPlain hands it over: a scalar, or a list or map of them. */
function plainValue(value: unknown, what: string): PlainValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((element) => plainValue(element, what));
  if (isRecord(value)) return properties(value, what);
  throw shapeError(what, "a plain value");
}

/** The counts a fragment of cypher/fragments gives a person or a company: numbers by name. */
function partyCounts(value: unknown): PartyCounts {
  const counts: Record<string, number> = {};
  for (const [key, count] of Object.entries(record(value, "counts"))) {
    if (typeof count !== "number") throw shapeError("counts", "numbers");
    counts[key] = count;
  }
  return counts;
}

/** The query written here and what came back part ways: a defect, named without the value. */
function shapeError(what: string, expected: string): Error {
  return new TypeError(`nested read: ${what} is not ${expected}`);
}
