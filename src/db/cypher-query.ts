import { NodeLabel, RelType } from "../domain/graph-schema.js";
import { parseType, type SlotKind, type ValueType } from "./cypher-header.js";

/**
 * A query file as src/db/emit-queries.ts generates it (src/db/queries.generated.ts): its text, and
 * from its header the types of its parameters (`P`), rows (`R`) and template slots (`S`). The
 * executor runs it (`read`, `write`) and hands back rows of type `R`, checked on arrival.
 */
export interface CypherQuery<P, R, S = NoSlots, M extends QueryMode = QueryMode> {
  /** The file's path under cypher/queries, camel-cased: `api-keys/find` is `apiKeysFind`. */
  readonly name: string;
  /** The path under cypher/queries, without `.cypher`. */
  readonly file: string;
  /** `write` when the text has CREATE, MERGE, SET, DELETE or REMOVE. */
  readonly mode: M;
  /** Parameter types as the header writes them. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly slots: Readonly<Record<string, SlotKind>>;
  /** Column types as the header writes them, in RETURN order. */
  readonly columns: Readonly<Record<string, string>>;
  /** The file as it is. */
  readonly text: string;
  /**
   * Never set: carries the types. Parameters and slots are inputs, so they sit in argument position:
   * a query that needs more of them is not taken for one that needs fewer.
   */
  readonly types?: { parameters: (parameters: P) => void; slots: (slots: S) => void; row: R };
}

export type QueryMode = "read" | "write";

/** The slots of a query without any. */
export type NoSlots = Record<string, never>;

/** A query of any types, for code that handles all of them alike (it cannot run one without knowing its inputs). */
export type AnyCypherQuery = CypherQuery<never, unknown, never>;

export type ParametersOf<Q> = Q extends CypherQuery<infer P, unknown, never> ? P : never;
export type RowOf<Q> = Q extends CypherQuery<never, infer R, never> ? R : never;
export type SlotsOf<Q> = Q extends CypherQuery<never, unknown, infer S> ? S : never;

/** The slots argument: none for a query without slots (`NoSlots`), required for a template. */
export type SlotArguments<S> = [keyof S] extends [never] ? [] : string extends keyof S ? [] : [slots: S];

/** A statement ready for the driver: the text with its slots filled, and its parameters. */
export interface Statement {
  query: string;
  parameters: Record<string, unknown>;
}

const NODE_LABELS = new Set<string>(Object.values(NodeLabel));
const REL_TYPES = new Set<string>(Object.values(RelType));

/**
 * What each slot kind accepts. Identifiers come from the model's enums only (never from input),
 * checked here all the same, since they become Cypher text.
 */
const SLOT_VALUES: Readonly<Record<SlotKind, (value: string) => boolean>> = {
  NodeLabel: (value) => NODE_LABELS.has(value),
  NodeLabels: (value) => value.split("|").every((label) => NODE_LABELS.has(label)),
  RelType: (value) => REL_TYPES.has(value),
  Arrow: (value) => value === "<-" || value === "-" || value === "->",
  Count: (value) => /^[1-9][0-9]?$/.test(value),
};

const SLOT = /\{\{([A-Z_]+)\}\}/g;
const rendered = new Map<string, string>();

/**
 * The text of a query with its slots filled (the text itself when it has none). Slot values are
 * checked against their kinds; each rendering is kept, as templates are few and their values come
 * from enums.
 */
export function renderQuery<S>(query: CypherQuery<never, unknown, S>, ...[slots]: SlotArguments<S>): string {
  const names = Object.keys(query.slots);
  if (names.length === 0) return query.text;
  const values: Readonly<Record<string, unknown>> = slots ?? {};
  const key = `${query.name}\u0000${names.map((name) => values[name]).join("\u0000")}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  for (const name of names) {
    const value = values[name];
    if (value === undefined) throw new Error(`query ${query.name}: no value for slot ${name}`);
    if (typeof value !== "string" || !SLOT_VALUES[query.slots[name]](value)) {
      throw new Error(`query ${query.name}: slot ${name} is not of kind ${query.slots[name]}`);
    }
  }
  const text = query.text.replace(SLOT, (whole, name: string) => {
    const value = values[name];
    return name in query.slots && typeof value === "string" ? value : whole;
  });
  rendered.set(key, text);
  return text;
}

/** A statement of a query, for `CypherExecutor.writeAll`. */
export function statement<P extends object, S>(query: CypherQuery<P, unknown, S>, parameters: NoInfer<P>, ...slots: SlotArguments<S>): Statement {
  return { query: renderQuery(query, ...slots), parameters: parameterMap(parameters) };
}

/** Declared parameters as the map the driver takes (a shallow copy). */
export function parameterMap(parameters: object): Record<string, unknown> {
  return { ...parameters };
}

/** A row that does not have the shape its query's header declares. */
export class RowShapeError extends Error {
  override readonly name = "RowShapeError";
}

const parsedColumns = new WeakMap<object, [string, ValueType][]>();

function columnTypes(query: AnyCypherQuery): [string, ValueType][] {
  let columns = parsedColumns.get(query);
  if (!columns) {
    columns = Object.entries(query.columns).map(([name, type]) => [name, parseType(type)]);
    parsedColumns.set(query, columns);
  }
  return columns;
}

/**
 * Rows as their query declares them, checked: each has exactly the declared columns, each value is
 * of a declared alternative (scalars by their JavaScript type, named maps as objects, lists
 * element by element, null only where declared). Light on purpose: what is inside a named map is
 * the query text's promise. Messages name the query and column, never a value.
 */
export function checkedRows<R>(query: CypherQuery<never, R, never>, rows: readonly Record<string, unknown>[]): R[] {
  const columns = columnTypes(query);
  const checked: R[] = [];
  for (const row of rows) {
    assertRow(query, columns, row);
    checked.push(row);
  }
  return checked;
}

function assertRow<R>(
  query: CypherQuery<never, R, never>,
  columns: readonly [string, ValueType][],
  row: Record<string, unknown>,
): asserts row is Record<string, unknown> & R {
  const keys = Object.keys(row);
  if (keys.length !== columns.length || columns.some(([name]) => !keys.includes(name))) {
    throw new RowShapeError(`query ${query.name}: columns ${keys.join(", ")} where the header declares ${columns.map(([name]) => name).join(", ")}`);
  }
  for (const [name, type] of columns) {
    const value = row[name];
    if (!type.some((term) => conforms(value, term.name, term.lists))) {
      throw new RowShapeError(`query ${query.name}: column ${name} holds ${describe(value)}, not ${query.columns[name]}`);
    }
  }
}

function conforms(value: unknown, name: string, lists: number): boolean {
  if (lists > 0) return Array.isArray(value) && value.every((element) => conforms(element, name, lists - 1));
  switch (name) {
    case "null":
      return value === null;
    case "string":
    case "date":
    case "datetime":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return typeof value === "object" && value !== null;
  }
}

/** What a value is, without the value. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a map" : `a ${typeof value}`;
}
