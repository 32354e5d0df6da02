import type { Integer } from "neo4j-driver";

import { NodeLabel, type RelType } from "../../domain/graph-schema.js";
import type {
  ColumnRef,
  CompiledMapping,
  CompiledReference,
  CompiledValue,
  GroupInstance,
  Problem,
  PropertyValue,
  RelationshipMode,
  Scope,
} from "../mapping/compiled-mapping.js";
import { joinKey } from "../mapping/compile-mapping.js";
import { REQUIRED_PROPERTIES } from "../mapping/required-properties.js";
import { collapseSpace } from "../normalise/text.js";
import type { JoinRow } from "../read/csv-input.js";
import type { Lookups } from "./lookups.js";

export interface Endpoint {
  readonly label: NodeLabel;
  readonly id: string;
}

export interface PlannedNode {
  readonly label: NodeLabel;
  readonly id: string;
  readonly mention: boolean;
  readonly properties: Readonly<Record<string, PropertyValue>>;
  /**
   * The text the id was made from, when it was read from a column or slot (through a normaliser
   * such as `slug`) rather than filled into a template: two different texts that give one id are
   * two source keys merged into one node, which the import reports (report/id-collisions.ts).
   */
  readonly idSource?: IdSource;
}

export interface IdSource {
  /** The cell as read, white space collapsed. */
  readonly text: string;
  /** Where it came from: a column, or the column of a group slot. */
  readonly column: string;
  /** The mapping entry of the id, such as `nodes.person.id`. */
  readonly entry: string;
}

export interface PlannedRelationship {
  readonly type: RelType;
  readonly mode: RelationshipMode;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly seq: Integer | null;
  readonly properties: Readonly<Record<string, PropertyValue>>;
}

/** A reference to a node the import does not make, to confirm in the database before writing. */
export interface ReferenceCheck {
  readonly endpoint: Endpoint;
  readonly required: boolean;
  readonly entry: string;
  readonly column: string;
  readonly value: string;
}

/** What one data row becomes: nodes, relationships, references to confirm, and its problems. */
export interface RowPlan {
  /** 1-based number of the data row in the main file (the header is not a data row). */
  readonly row: number;
  readonly nodes: PlannedNode[];
  relationships: PlannedRelationship[];
  readonly checks: ReferenceCheck[];
  readonly flags: Problem[];
  /** Any of these rejects the whole row: nothing of it is written. */
  readonly rejects: Problem[];
  /** What each node alias became, per group instance (null: no node), for record references (record-index.ts). */
  readonly endpoints?: ReadonlyMap<string, readonly (Endpoint | null)[]>;
}

export type RecordReference = Extract<CompiledReference, { kind: "record" }>;
/** The node a record reference reaches, or why none can be named. */
export type RecordMatch = { readonly endpoint: Endpoint } | { readonly problem: string };
/** What the rows of each record made (src/import/plan/record-index.ts). */
export interface RecordLookup {
  /** The node `reference` reaches in the record `key`. */
  find(reference: RecordReference, key: string): RecordMatch;
}

/** Rows of joined files by key, as the planner reads them. */
export type JoinTables = ReadonlyMap<string, ReadonlyMap<string, JoinRow>>;

export interface PlanOptions {
  /**
   * Put before every node id this import makes or refers to: a world of its own beside the real
   * one, for trials and tests (its reference data is imported with the same prefix).
   */
  readonly idPrefix?: string;
  /** What the rows of each record made; without it, `record` references reach nothing (and say nothing). */
  readonly records?: RecordLookup;
}

/**
 * Turns data rows into plans, following a compiled mapping. Pure except for the lookups it is
 * given: the same row always gives the same plan, which is what makes a re-run idempotent.
 */
export class RowPlanner {
  private readonly prefix: string;
  private readonly records: RecordLookup | undefined;
  /** Aliases made once per group instance rather than once per row. */
  private readonly grouped: ReadonlySet<string>;

  constructor(
    private readonly mapping: CompiledMapping,
    private readonly joins: JoinTables,
    private readonly lookups: Lookups,
    options: PlanOptions = {},
  ) {
    this.prefix = options.idPrefix ?? "";
    this.records = options.records;
    this.grouped = new Set(
      [...mapping.nodes, ...mapping.references].filter((entry) => entry.group !== null).map((entry) => entry.alias),
    );
  }

  plan(row: number, cells: Readonly<Record<string, string>>): RowPlan {
    // Every alias resolves, per group instance (one slot outside groups), to an endpoint or to nothing.
    const endpoints = new Map<string, (Endpoint | null)[]>();
    const plan: RowPlan = { row, nodes: [], relationships: [], checks: [], flags: [], rejects: [], endpoints };
    // A cell read by two entries (a weight that is also the quantity) is one flagged value, once.
    const flagged = new Set<string>();
    const report = (problem: Problem, required: boolean) => {
      if (required) return void plan.rejects.push(problem);
      const key = `${problem.kind}\u0000${problem.column}\u0000${problem.value}`;
      if (flagged.has(key)) return;
      flagged.add(key);
      plan.flags.push(problem);
    };

    const joined = new Map<string, Readonly<Record<string, string>> | undefined>();
    for (const join of this.mapping.input.joins) {
      const on = cells[join.on.name]?.trim() ?? "";
      const match = on ? this.joins.get(join.name)?.get(joinKey(on, join.match)) : undefined;
      joined.set(join.name, match?.cells);
      if (match?.problem) {
        report({ kind: "join", entry: `input.joins.${join.name}`, column: join.on.display, value: on, reason: match.problem }, true);
        continue;
      }
      if (match || (!on && !join.required)) continue;
      const problem = {
        kind: "join",
        entry: `input.joins.${join.name}`,
        column: join.on.display,
        value: on,
        reason: `no row of ${join.file ?? join.path} has ${join.key} = "${on}"`,
      };
      if (join.required) report(problem, true);
      else if (join.flagUnmatched) report(problem, false);
    }
    const cell = (ref: ColumnRef): string | null => {
      const value = ref.join === null ? cells[ref.name] : joined.get(ref.join)?.[ref.name];
      return value === undefined || value.trim() === "" ? null : value;
    };

    const rowScope: Scope = { cell, slot: () => null, columnOf: (slot) => slot, index: 0, count: 1, report };
    const instances = new Map<string, GroupInstance[]>();
    for (const [name, group] of this.mapping.groups) instances.set(name, group.expand(cell, (problem) => report(problem, false)));
    const scopesOf = (group: string | null): Scope[] => {
      if (group === null) return [rowScope];
      const list = instances.get(group)!;
      return list.map((instance, index) => ({
        cell,
        slot: (name) => (name === "index" ? index : name === "count" ? list.length : (instance.slots[name] ?? null)),
        columnOf: (name) => instance.columns[name] ?? name,
        index,
        count: list.length,
        report,
      }));
    };

    for (const node of this.mapping.nodes) {
      endpoints.set(
        node.alias,
        scopesOf(node.group).map((scope) => {
          const { value: id, raw } = node.id.evaluate(scope);
          if (id === null) return null;
          const endpoint = { label: node.label, id: `${this.prefix}${String(id)}` };
          // A mentioned node is described by a row of its own; this row only points at it.
          const idSource = raw === null || node.mention ? undefined : { text: collapseSpace(raw), column: node.id.describe(scope), entry: node.id.entry };
          const values = properties(node.properties, scope);
          for (const name of node.mention ? [] : (REQUIRED_PROPERTIES[node.label] ?? [])) {
            if (values[name] !== undefined) continue;
            const value = node.properties.find(([property]) => property === name)![1];
            report(
              { kind: "missing", entry: value.entry, column: value.describe(scope), value: "", reason: `no value, and every ${node.label} needs one` },
              true,
            );
          }
          plan.nodes.push({ ...endpoint, mention: node.mention, properties: values, ...(idSource && { idSource }) });
          return endpoint;
        }),
      );
    }

    for (const reference of this.mapping.references) {
      endpoints.set(
        reference.alias,
        scopesOf(reference.group).map((scope) => this.resolve(reference, scope, plan)),
      );
    }

    for (const relationship of this.mapping.relationships) {
      const scopes = scopesOf(relationship.group);
      const single = (alias: string, index: number) => {
        const list = endpoints.get(alias)!;
        return this.grouped.has(alias) ? (list[index] ?? null) : list[0];
      };
      scopes.forEach((scope, index) => {
        let from = single(relationship.from, index);
        let to = single(relationship.to, index);
        if (!from || !to) return;
        const props = properties(relationship.properties, scope);
        if (relationship.mode === "symmetric" && from.id > to.id) [from, to] = [to, from];
        if (relationship.mode === "symmetric" && from.id === to.id) return;
        const seq = relationship.mode === "sequenced" ? ((props.seq as Integer | undefined) ?? null) : null;
        if (relationship.mode === "sequenced" && seq === null) return;
        plan.relationships.push({ type: relationship.type, mode: relationship.mode, from, to, seq, properties: props });
      });
    }
    return plan;
  }

  /** A reference, for one row or group instance: the node it names, or nothing (flagged or rejected). */
  private resolve(reference: CompiledReference, scope: Scope, plan: RowPlan): Endpoint | null {
    const required = reference.required;
    // Problems of a required reference reject the row, whatever its values say.
    const strict: Scope = { ...scope, report: (problem, isRequired) => scope.report(problem, isRequired || required) };
    const missing = (value: CompiledValue) =>
      strict.report({ kind: "missing", entry: value.entry, column: value.describe(scope), value: "", reason: "no value" }, required);
    const checked = (endpoint: Endpoint, value: CompiledValue, raw: string | null): Endpoint => {
      plan.checks.push({ endpoint, required, entry: value.entry, column: value.describe(scope), value: raw ?? "" });
      return endpoint;
    };

    switch (reference.kind) {
      case "country": {
        const { value, raw } = reference.country.evaluate(strict);
        if (value === null) {
          if (raw === null && required) missing(reference.country);
          return null;
        }
        return checked({ label: NodeLabel.Country, id: `${this.prefix}${String(value)}` }, reference.country, raw);
      }
      case "node": {
        const { value, raw } = reference.id.evaluate(strict);
        if (value === null) {
          if (raw === null && required) missing(reference.id);
          return null;
        }
        return checked({ label: reference.label, id: `${this.prefix}${String(value)}` }, reference.id, raw ?? String(value));
      }
      case "record": {
        // A node another row of the record makes: mentioned here, so the relationship reaches it
        // whichever of the two rows is written first.
        const key = scope.cell(this.mapping.input.record!)?.trim() ?? "";
        if (!this.records || !holds(reference.when, (ref) => scope.cell(ref))) return null;
        const column = this.mapping.input.record!.display;
        const found = key ? this.records.find(reference, key) : { problem: `the row belongs to no record (${column} is empty)` };
        if ("endpoint" in found) {
          plan.nodes.push({ ...found.endpoint, mention: true, properties: {} });
          return found.endpoint;
        }
        strict.report({ kind: "record", entry: `${reference.entry}.record`, column, value: key, reason: found.problem }, required);
        return null;
      }
      case "species": {
        const { value } = reference.name.evaluate(strict);
        if (value === null) {
          if (required) missing(reference.name);
          return null;
        }
        const found = this.lookups.species.find(String(value));
        const flagged = "id" in found ? found.note : found.problem;
        if (flagged) {
          // A name resolved to a higher taxon is linked, and flagged: the record names a group, not one species.
          strict.report(
            { kind: "species", entry: reference.name.entry, column: reference.name.describe(scope), value: String(value), reason: flagged },
            required && !("id" in found),
          );
        }
        return "id" in found ? { label: NodeLabel.Species, id: found.id } : null;
      }
      case "place": {
        // A country that is written but cannot be resolved is already reported; the place is then
        // not looked up either, since its country is not known.
        const country = reference.country?.evaluate(strict);
        const countryCode = country?.value == null ? null : String(country.value);
        const countryWritten = country?.raw != null;
        const name = reference.name.evaluate(strict).value;
        const fallback = () =>
          reference.fallbackToCountry && countryCode
            ? checked({ label: NodeLabel.Country, id: `${this.prefix}${countryCode}` }, reference.country!, country!.raw)
            : null;
        if (name === null) {
          const endpoint = fallback();
          if (!endpoint && required) missing(reference.name);
          return endpoint;
        }
        if (countryWritten && countryCode === null) return null;
        const found = this.lookups.places.find(String(name), countryCode === null ? null : `${this.prefix}${countryCode}`, reference.kinds);
        if ("id" in found) return { label: NodeLabel.Place, id: found.id };
        const endpoint = fallback();
        strict.report(
          {
            kind: "place",
            entry: reference.name.entry,
            column: reference.name.describe(scope),
            value: String(name),
            reason: endpoint ? `${found.problem}; the country is used instead` : found.problem,
          },
          required && !endpoint,
        );
        return endpoint;
      }
    }
  }
}

/** Whether a row's main-file cells hold each condition (trimmed, exactly; `""` is an empty cell). */
export function holds(conditions: RecordReference["when"], cell: (ref: ColumnRef) => string | null): boolean {
  return conditions.every(({ column, values }) => values.has(cell(column)?.trim() ?? ""));
}

function properties(values: readonly (readonly [string, CompiledValue])[], scope: Scope): Record<string, PropertyValue> {
  const result: Record<string, PropertyValue> = {};
  for (const [name, value] of values) {
    const evaluated = value.evaluate(scope);
    if (evaluated.value !== null) result[name] = evaluated.value;
    if (value.rawProperty && evaluated.raw !== null) result[value.rawProperty] = evaluated.raw;
  }
  return result;
}
