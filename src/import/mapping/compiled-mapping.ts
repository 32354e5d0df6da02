import type { Date as Neo4jDate, Integer } from "neo4j-driver";

import type { NodeLabel, RelType } from "../../domain/graph-schema.js";
import type { PlaceKind } from "../../domain/vocabulary.js";
import type { SourceInput } from "./mapping-schema.js";

/**
 * A mapping after loading: every column reference resolved, every normaliser built, every
 * relationship checked against the model. The planner runs it; nothing here reads the database.
 */
export interface CompiledMapping {
  /** The mapping file, as given. */
  readonly file: string;
  readonly source: SourceInput;
  readonly input: CompiledInput;
  readonly groups: ReadonlyMap<string, CompiledGroup>;
  readonly nodes: readonly CompiledNode[];
  readonly references: readonly CompiledReference[];
  readonly relationships: readonly CompiledRelationship[];
}

export interface CompiledInput {
  readonly file: string;
  /** The column, or the columns together, that identify a row. */
  readonly key: readonly ColumnRef[];
  readonly delimiter: string;
  /** The columns the mapping reads, under the names it uses, and where each is read from. */
  readonly columns: readonly InputColumn[];
  /** Cells that mean "no value" (`\N`), read as empty. */
  readonly nulls: readonly string[];
  /** Rows are planned only when each of these main-file columns holds one of its values; others are skipped. */
  readonly where: readonly { readonly column: string; readonly values: ReadonlySet<string> }[];
  readonly joins: readonly CompiledJoin[];
  /** The column whose value groups rows into records (`input.record`), for `record` references. */
  readonly record?: ColumnRef;
}

/**
 * A column of the main file as the mapping names it: read by its header text (the `occurrence`-th
 * column so headed, when the header repeats it), by its 1-based position (its header text checked
 * when given), or the data row's number.
 */
export type InputColumn =
  | { readonly kind: "header"; readonly name: string; readonly header: string; readonly occurrence: number | null }
  | { readonly kind: "position"; readonly name: string; readonly position: number; readonly header: string | null }
  | { readonly kind: "rowNumber"; readonly name: string };

export interface CompiledJoin {
  readonly name: string;
  /** A file given to the import, matched by its base name... */
  readonly file?: string;
  /** ...or a path, relative to the mapping file's folder (for tables that ship with the mapping). */
  readonly path?: string;
  readonly key: string;
  /** The column of the main file holding the key. */
  readonly on: ColumnRef;
  readonly match: "exact" | "folded";
  readonly columns: readonly string[];
  readonly required: boolean;
  readonly flagUnmatched: boolean;
}

/** A column of the main file (`join` null) or of a joined file. */
export interface ColumnRef {
  readonly join: string | null;
  readonly name: string;
  /** How the mapping writes it, for messages and reports: `Date` or `transit.Seizure Country`. */
  readonly display: string;
}

/** A value as it goes to Neo4j: dates and integers already in the driver's types. */
export type PropertyValue = string | number | boolean | readonly string[] | Neo4jDate<number> | Integer;

/** Something in a row that the mapping could not turn into a value. */
export interface Problem {
  /** What failed: a normaliser's name, or `missing`, `join`, `place`, `species`, `reference`, `shared-total`, `row`. */
  readonly kind: string;
  /** The mapping entry that asked for the value, such as `nodes.seizure.properties.date`. */
  readonly entry: string;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/** What a compiled value reads from while it is evaluated: one row, or one group instance of it. */
export interface Scope {
  cell(ref: ColumnRef): string | null;
  slot(name: string): string | number | boolean | null;
  /** The column a slot was read from (`transit.Origin Country1`), for reports. */
  columnOf(slot: string): string;
  /** Position and number of the group instances (0 and 1 outside a group). */
  readonly index: number;
  readonly count: number;
  /** `required` problems reject the row; the others are flagged. */
  report(problem: Problem, required: boolean): void;
}

export interface Evaluated {
  readonly value: PropertyValue | null;
  readonly raw: string | null;
}

export interface CompiledValue {
  readonly entry: string;
  /** Where the value comes from, for reports: a column, a slot, or a template. */
  describe(scope: Scope): string;
  /** A property that receives the raw text as well (`raw: dateText`). */
  readonly rawProperty?: string;
  evaluate(scope: Scope): Evaluated;
}

export interface GroupInstance {
  readonly slots: Readonly<Record<string, string | number | boolean | null>>;
  /** The column each slot came from, for reports. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface CompiledGroup {
  readonly name: string;
  readonly slots: ReadonlySet<string>;
  /** The instances of a row, empty ones already skipped, in order; what cannot be read is `report`ed (flagged). */
  expand(cell: (ref: ColumnRef) => string | null, report: (problem: Problem) => void): GroupInstance[];
}

export interface CompiledNode {
  readonly alias: string;
  readonly label: NodeLabel;
  readonly group: string | null;
  readonly id: CompiledValue;
  /** Only mentioned by the row (merged by id, without properties or provenance from it). */
  readonly mention: boolean;
  readonly properties: readonly (readonly [string, CompiledValue])[];
}

export type CompiledReference =
  | ReferenceBase<"country"> & { readonly country: CompiledValue }
  | ReferenceBase<"place"> & {
      readonly name: CompiledValue;
      readonly country: CompiledValue | null;
      readonly kinds: readonly PlaceKind[];
      readonly fallbackToCountry: boolean;
    }
  | ReferenceBase<"species"> & { readonly name: CompiledValue }
  | ReferenceBase<"node"> & { readonly label: NodeLabel; readonly id: CompiledValue }
  | ReferenceBase<"record"> & {
      /** The node alias whose node, made by another row of the same record, this resolves to. */
      readonly node: string;
      /** The row that made it has, in each of these main-file columns, one of the values (trimmed). */
      readonly where: readonly RowCondition[];
      /** The row that refers has, in each of these main-file columns, one of the values; other rows do not refer. */
      readonly when: readonly RowCondition[];
    };

interface ReferenceBase<Kind extends string> {
  readonly kind: Kind;
  readonly alias: string;
  readonly entry: string;
  readonly group: string | null;
  readonly required: boolean;
  /** The labels the reference may resolve to. */
  readonly labels: readonly NodeLabel[];
}

/** A main-file column holding (trimmed, exactly) one of the values; `""` stands for an empty cell. */
export interface RowCondition {
  readonly column: ColumnRef;
  readonly values: ReadonlySet<string>;
}

export type RelationshipMode = "plain" | "sequenced" | "symmetric";

export interface CompiledRelationship {
  readonly name: string;
  readonly type: RelType;
  readonly from: string;
  readonly to: string;
  readonly group: string | null;
  readonly mode: RelationshipMode;
  readonly properties: readonly (readonly [string, CompiledValue])[];
}
