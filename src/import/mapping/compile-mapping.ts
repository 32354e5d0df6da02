import { NodeLabel, RelType } from "../../domain/graph-schema.js";
import { relations } from "../../domain/relations.js";
import { foldName, type NormaliseContext } from "../normalise/normaliser.js";
import { splitter } from "../normalise/list.js";
import type {
  ColumnRef,
  CompiledGroup,
  CompiledJoin,
  CompiledMapping,
  CompiledNode,
  CompiledReference,
  CompiledRelationship,
  CompiledValue,
  GroupInstance,
} from "./compiled-mapping.js";
import { IMPORT_ONLY_RELATIONSHIPS } from "./import-only-relations.js";
import { compileValue, INSTANCE_SLOTS, type ValueEnvironment } from "./compile-value.js";
import type { GroupInput, MappingInput } from "./mapping-schema.js";
import { REQUIRED_PROPERTIES } from "./required-properties.js";

/**
 * `From-TYPE->To` for every relationship the model allows: those the API follows
 * (`src/domain/relations.ts`) and those only imported so far (`import-only-relations.ts`).
 */
const MODEL_PATTERNS: ReadonlySet<string> = new Set([
  ...Object.values(relations).flatMap((relation) =>
    relation.to.map((other) =>
      relation.direction === "IN" ? pattern(other, relation.type, relation.from) : pattern(relation.from, relation.type, other),
    ),
  ),
  ...IMPORT_ONLY_RELATIONSHIPS.map((relationship) => pattern(relationship.from, relationship.type, relationship.to)),
]);

function pattern(from: NodeLabel, type: RelType, to: NodeLabel): string {
  return `${from}-${type}->${to}`;
}

/** Labels that hold reference facts: never made by a synthetic source. */
const REFERENCE_LABELS: ReadonlySet<NodeLabel> = new Set([NodeLabel.Country, NodeLabel.Place, NodeLabel.Species]);

const RESERVED_RELATIONSHIP_PROPERTIES = new Set(["sourceId", "sourceRow"]);

/**
 * Checks a mapping that has the right shape for what a shape cannot say, and builds what the
 * planner runs. Returns the problems found (each `entry: message`); the mapping is usable only when
 * there are none.
 */
export function compileMapping(
  file: string,
  input: MappingInput,
  context: NormaliseContext,
): { mapping: CompiledMapping; problems: string[] } {
  const problems: string[] = [];
  const error = (entry: string, message: string) => void problems.push(`${entry}: ${message}`);

  const mainColumns = new Set(input.input.columns);
  for (const [index, column] of input.input.columns.entries()) {
    if (input.input.columns.indexOf(column) !== index) error(`input.columns.${index}`, `column "${column}" is listed twice`);
  }
  const joinColumns = new Map(Object.entries(input.input.joins).map(([name, join]) => [name, new Set(join.columns)]));

  const column = (name: string): ColumnRef | string => {
    const dot = name.indexOf(".");
    if (dot > 0 && joinColumns.has(name.slice(0, dot))) {
      const join = name.slice(0, dot);
      const inner = name.slice(dot + 1);
      return joinColumns.get(join)!.has(inner)
        ? { join, name: inner, display: name }
        : `"${inner}" is not a column of the join ${join} (${[...joinColumns.get(join)!].join(", ")})`;
    }
    return mainColumns.has(name) ? { join: null, name, display: name } : `"${name}" is not a column of ${input.input.file} nor of a join`;
  };

  const environment = (group: string | null): ValueEnvironment => {
    const compiled = group === null ? undefined : groups.get(group);
    return {
      column,
      slots: compiled?.slots ?? new Set(),
      inListGroup: group !== null && input.groups[group] !== undefined && "list" in input.groups[group],
      context,
      error,
    };
  };

  // Input and joins.
  const keyNames = typeof input.input.key === "string" ? [input.input.key] : input.input.key;
  const key: ColumnRef[] = keyNames.map((name, index) => {
    const ref = column(name);
    const entry = typeof input.input.key === "string" ? "input.key" : `input.key.${index}`;
    if (typeof ref === "string" || ref.join !== null) error(entry, `"${name}" is not a column of ${input.input.file}`);
    return typeof ref === "string" ? { join: null, name, display: name } : ref;
  });
  for (const name of Object.keys(input.input.where)) {
    if (!mainColumns.has(name)) error(`input.where.${name}`, `"${name}" is not among input.columns`);
  }
  const joins: CompiledJoin[] = Object.entries(input.input.joins).map(([name, join]) => {
    if (join.on === undefined && keyNames.length > 1) {
      error(`input.joins.${name}.on`, "give the column holding the join's key: input.key has several columns");
    }
    const onName = join.on ?? keyNames[0];
    const on = column(onName);
    if (typeof on === "string" || on.join !== null) error(`input.joins.${name}.on`, `"${onName}" is not a column of ${input.input.file}`);
    if (!join.columns.includes(join.key)) error(`input.joins.${name}.key`, `"${join.key}" is not among the join's columns`);
    return { name, ...join, on: typeof on === "string" ? { join: null, name: "", display: "" } : on };
  });

  // Groups.
  const groups = new Map<string, CompiledGroup>();
  for (const [name, group] of Object.entries(input.groups)) {
    groups.set(name, compileGroup(name, group, column, error));
  }
  const knownGroup = (entry: string, group: string | undefined): string | null => {
    if (group === undefined) return null;
    if (!groups.has(group)) error(entry, `unknown group "${group}" (groups: ${[...groups.keys()].join(", ") || "none"})`);
    return group;
  };

  // Nodes.
  const nodes: CompiledNode[] = Object.entries(input.nodes).map(([alias, node]) => {
    const entry = `nodes.${alias}`;
    const group = knownGroup(`${entry}.group`, node.group);
    const env = environment(group);
    if (input.source.synthetic && REFERENCE_LABELS.has(node.label)) {
      error(`${entry}.label`, `a synthetic source cannot make ${node.label} nodes: reference facts are never synthetic; refer to them under references`);
    }
    const properties = compileProperties(`${entry}.properties`, node.properties, env, error, ["id"]);
    const missing = node.mention ? [] : (REQUIRED_PROPERTIES[node.label] ?? []).filter((name) => !(name in node.properties));
    if (missing.length > 0) error(`${entry}.properties`, `the model requires ${missing.join(" and ")} on every ${node.label}`);
    return { alias, label: node.label, group, id: compileValue(node.id, `${entry}.id`, env), mention: node.mention, properties };
  });

  // References.
  const references: CompiledReference[] = Object.entries(input.references).map(([alias, reference]) => {
    const entry = `references.${alias}`;
    const group = knownGroup(`${entry}.group`, reference.group);
    const env = environment(group);
    const base = { alias, entry, group, required: reference.required };
    if (reference.country) {
      if (reference.country.normalise !== undefined && reference.country.normalise !== "country") {
        error(`${entry}.country.normalise`, "a country reference is always normalised with country");
      }
      return { ...base, kind: "country", labels: [NodeLabel.Country], country: compileValue(reference.country, `${entry}.country`, env, "country") };
    }
    if (reference.place) {
      const place = reference.place;
      return {
        ...base,
        kind: "place",
        labels: place.fallbackToCountry ? [NodeLabel.Place, NodeLabel.Country] : [NodeLabel.Place],
        name: compileValue(place.name, `${entry}.place.name`, env),
        country: place.country ? compileValue(place.country, `${entry}.place.country`, env, "country") : null,
        kinds: place.kinds,
        fallbackToCountry: place.fallbackToCountry,
      };
    }
    if (reference.species) {
      return { ...base, kind: "species", labels: [NodeLabel.Species], name: compileValue(reference.species.name, `${entry}.species.name`, env) };
    }
    const node = reference.node!;
    return { ...base, kind: "node", labels: [node.label], label: node.label, id: compileValue(node.id, `${entry}.node.id`, env) };
  });

  // Relationships.
  const endpoints = new Map<string, { labels: readonly NodeLabel[]; group: string | null }>();
  for (const node of nodes) endpoints.set(node.alias, { labels: [node.label], group: node.group });
  for (const reference of references) {
    if (endpoints.has(reference.alias)) error(`references.${reference.alias}`, `"${reference.alias}" is also a node alias`);
    endpoints.set(reference.alias, { labels: reference.labels, group: reference.group });
  }
  const relationships: CompiledRelationship[] = Object.entries(input.relationships).map(([name, relationship]) => {
    const entry = `relationships.${name}`;
    const from = endpoints.get(relationship.from);
    const to = endpoints.get(relationship.to);
    if (!from) error(`${entry}.from`, `unknown alias "${relationship.from}" (nodes and references: ${[...endpoints.keys()].join(", ")})`);
    if (!to) error(`${entry}.to`, `unknown alias "${relationship.to}" (nodes and references: ${[...endpoints.keys()].join(", ")})`);
    const declared = knownGroup(`${entry}.group`, relationship.group);
    const groupsUsed = [...new Set([from?.group, to?.group, declared].filter((group): group is string => Boolean(group)))];
    if (groupsUsed.length > 1) error(entry, `its ends and group belong to different groups (${groupsUsed.join(", ")})`);
    const group = groupsUsed[0] ?? null;
    for (const fromLabel of from?.labels ?? []) {
      for (const toLabel of to?.labels ?? []) {
        if (!MODEL_PATTERNS.has(pattern(fromLabel, relationship.type, toLabel))) {
          error(entry, `the model has no (${fromLabel})-[:${relationship.type}]->(${toLabel}) (see cypher/model.md)`);
        }
      }
    }
    if (relationship.symmetric && relationship.sequenced) error(entry, "a relationship is either symmetric or sequenced");
    if (relationship.symmetric && from && to && from.labels.join() !== to.labels.join()) {
      error(`${entry}.symmetric`, "a symmetric relationship joins nodes of the same label");
    }
    if (relationship.sequenced && !("seq" in relationship.properties)) {
      error(`${entry}.sequenced`, "a sequenced relationship needs a seq property (such as { slot: index })");
    }
    const properties = compileProperties(`${entry}.properties`, relationship.properties, environment(group), error, [
      ...RESERVED_RELATIONSHIP_PROPERTIES,
    ]);
    return {
      name,
      type: relationship.type,
      from: relationship.from,
      to: relationship.to,
      group,
      mode: relationship.symmetric ? "symmetric" : relationship.sequenced ? "sequenced" : "plain",
      properties,
    };
  });

  return {
    mapping: {
      file,
      source: input.source,
      input: {
        file: input.input.file,
        key,
        delimiter: input.input.delimiter,
        columns: input.input.columns,
        nulls: input.input.nulls,
        where: Object.entries(input.input.where).map(([column, values]) => ({ column, values: new Set(values) })),
        joins,
      },
      groups,
      nodes,
      references,
      relationships,
    },
    problems,
  };
}

function compileProperties(
  entry: string,
  specs: MappingInput["nodes"][string]["properties"],
  env: ValueEnvironment,
  error: (entry: string, message: string) => void,
  reserved: readonly string[],
): (readonly [string, CompiledValue])[] {
  const compiled = Object.entries(specs).map(([name, spec]) => {
    if (reserved.includes(name)) error(`${entry}.${name}`, `${name} is set by the import itself`);
    return [name, compileValue(spec, `${entry}.${name}`, env)] as const;
  });
  const names = new Set(Object.keys(specs));
  for (const [name, value] of compiled) {
    if (value.rawProperty && names.has(value.rawProperty)) {
      error(`${entry}.${name}.raw`, `${value.rawProperty} is also a property of its own`);
    }
  }
  return compiled;
}

function compileGroup(
  name: string,
  group: GroupInput,
  column: (name: string) => ColumnRef | string,
  error: (entry: string, message: string) => void,
): CompiledGroup {
  const entry = `groups.${name}`;
  const resolve = (where: string, columnName: string): ColumnRef | null => {
    const ref = column(columnName);
    if (typeof ref === "string") {
      error(where, ref);
      return null;
    }
    return ref;
  };

  if ("list" in group) {
    const ref = resolve(`${entry}.list.column`, group.list.column);
    const split = splitter({ separator: group.list.separator, pattern: group.list.pattern, unique: group.list.unique });
    return {
      name,
      slots: new Set(["item", ...INSTANCE_SLOTS]),
      expand: (cell) => {
        const items = ref ? split(cell(ref) ?? "") : [];
        const columns = { item: group.list.column };
        if (items.length === 0) return group.keepEmpty ? [{ slots: { item: null }, columns }] : [];
        return items.map((item) => ({ slots: { item }, columns }));
      },
    };
  }

  const slotNames = new Set<string>();
  const instances = group.instances.map((instance, index) => {
    for (const slot of [...Object.keys(instance.columns), ...Object.keys(instance.values)]) {
      if ((INSTANCE_SLOTS as readonly string[]).includes(slot) || slot === "item") {
        error(`${entry}.instances.${index}`, `slot "${slot}" is built in`);
      }
      slotNames.add(slot);
    }
    const columns = Object.entries(instance.columns).map(([slot, columnName]) => [slot, resolve(`${entry}.instances.${index}.columns.${slot}`, columnName)] as const);
    return { columns, values: instance.values };
  });
  const columnSlots = new Set(instances.flatMap((instance) => instance.columns.map(([slot]) => slot)));
  const skipEmpty = group.skipEmpty ?? [...columnSlots];
  for (const slot of skipEmpty) {
    if (!columnSlots.has(slot)) error(`${entry}.skipEmpty`, `"${slot}" is not a column slot of the group`);
  }
  for (const [index, instance] of instances.entries()) {
    const has = new Set([...instance.columns.map(([slot]) => slot), ...Object.keys(instance.values)]);
    const missing = [...slotNames].filter((slot) => !has.has(slot));
    if (missing.length) error(`${entry}.instances.${index}`, `missing slot(s) ${missing.join(", ")}: every instance gives the same slots`);
  }
  return {
    name,
    slots: new Set([...slotNames, ...INSTANCE_SLOTS]),
    expand: (cell) => {
      const kept: GroupInstance[] = [];
      for (const instance of instances) {
        const slots: Record<string, string | number | boolean | null> = { ...instance.values };
        const columns: Record<string, string> = {};
        for (const [slot, ref] of instance.columns) {
          slots[slot] = ref ? cell(ref)?.trim() || null : null;
          columns[slot] = ref?.display ?? slot;
        }
        if (skipEmpty.some((slot) => slots[slot] !== null)) kept.push({ slots, columns });
      }
      return kept;
    },
  };
}

/** Key of a joined row: as written, or folded (case, accents, punctuation) for hand-made lookup tables. */
export function joinKey(value: string, match: "exact" | "folded"): string {
  return match === "folded" ? foldName(value) : value.trim();
}
