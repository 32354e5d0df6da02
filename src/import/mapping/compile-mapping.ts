import { NodeLabel, RelType } from "../../domain/graph-schema.js";
import { relations } from "../../domain/relations.js";
import { foldName, type NormaliseContext } from "../normalise/normaliser.js";
import type { Gazetteer } from "../normalise/gazetteer/gazetteer.js";
import { regexError, splitter } from "../normalise/list.js";
import { collapseSpace } from "../normalise/text.js";
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
  InputColumn,
  Problem,
} from "./compiled-mapping.js";
import { IMPORT_ONLY_RELATIONSHIPS } from "./import-only-relations.js";
import { compileValue, INSTANCE_SLOTS, integerValue, type ValueEnvironment } from "./compile-value.js";
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

  const inputColumns = compileInputColumns(input.input, error);
  const mainColumns = new Set(inputColumns.map((column) => column.name));
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
      inListGroup: group !== null && input.groups[group]?.list !== undefined,
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
    groups.set(name, compileGroup(name, group, column, context, error));
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

  // A record: rows sharing a column's value, whose nodes `record` references reach across rows.
  const recordName = input.input.record;
  const recordRef = recordName === undefined ? undefined : column(recordName);
  if (recordName !== undefined && (typeof recordRef === "string" || recordRef?.join !== null)) {
    error("input.record", `"${recordName}" is not a column of ${input.input.file}`);
  }
  const record = typeof recordRef === "object" && recordRef.join === null ? recordRef : undefined;
  const compileRecordReference = (
    base: { alias: string; entry: string; group: string | null; required: boolean },
    spec: NonNullable<MappingInput["references"][string]["record"]>,
  ): CompiledReference => {
    const made = nodes.find((node) => node.alias === spec.node);
    if (recordName === undefined) error(`${base.entry}.record`, "a record reference needs input.record (the column that groups rows into records)");
    if (!made) error(`${base.entry}.record.node`, `"${spec.node}" is not a node alias (nodes: ${nodes.map((node) => node.alias).join(", ") || "none"})`);
    else if (made.mention) error(`${base.entry}.record.node`, `"${spec.node}" is only mentioned by its rows: refer to the node a row makes`);
    const conditions = (key: "where" | "when") =>
      Object.entries(spec[key]).map(([name, values]) => {
        const ref = column(name);
        if (typeof ref === "string" || ref.join !== null) error(`${base.entry}.record.${key}.${name}`, `"${name}" is not a column of ${input.input.file}`);
        return { column: typeof ref === "string" ? { join: null, name, display: name } : ref, values: new Set(values) };
      });
    return { ...base, kind: "record", labels: made ? [made.label] : [], node: spec.node, where: conditions("where"), when: conditions("when") };
  };

  // References.
  const references: CompiledReference[] = Object.entries(input.references).map(([alias, reference]) => {
    const entry = `references.${alias}`;
    const group = knownGroup(`${entry}.group`, reference.group);
    const env = environment(group);
    const base = { alias, entry, group, required: reference.required };
    if (reference.country) {
      // A free-text cell may name its country through the gazetteer ("Lagos, Nigeria": places, single).
      const viaGazetteer = reference.country.normalise === "places" && (reference.country as Record<string, unknown>).single === true;
      if (reference.country.normalise !== undefined && reference.country.normalise !== "country" && !viaGazetteer) {
        error(`${entry}.country.normalise`, "a country reference is normalised with country, or with places and single: true");
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
    if (reference.record) return compileRecordReference(base, reference.record);
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
    const env = environment(group);
    // seq is one integer type whatever gives it (a slot, a constant, a column), so stops order and merge alike.
    const properties = compileProperties(`${entry}.properties`, relationship.properties, env, error, [
      ...RESERVED_RELATIONSHIP_PROPERTIES,
    ]).map(([property, value]) => [property, property === "seq" ? integerValue(relationship.properties.seq, value, env) : value] as const);
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
        columns: inputColumns,
        nulls: input.input.nulls,
        where: Object.entries(input.input.where).map(([column, values]) => ({ column, values: new Set(values) })),
        joins,
        ...(record && { record }),
      },
      groups,
      nodes,
      references,
      relationships,
    },
    problems,
  };
}

/**
 * The main file's columns under the names the mapping uses: a header name as it is, a renamed column
 * (`{ name, header }`, `occurrence` among repeated headers), a column by `position`, and the row
 * number (`rowNumber`). Two entries may not give one name, nor read one column by one way twice.
 */
function compileInputColumns(input: MappingInput["input"], error: (entry: string, message: string) => void): InputColumn[] {
  const columns: InputColumn[] = input.columns.map((column): InputColumn => {
    if (typeof column === "string") return { kind: "header", name: column, header: column, occurrence: null };
    if (column.position !== undefined) return { kind: "position", name: column.name, position: column.position, header: column.header ?? null };
    return { kind: "header", name: column.name, header: column.header ?? column.name, occurrence: column.occurrence ?? null };
  });
  const seen = new Map<string, number>();
  const read = new Map<string, number>();
  columns.forEach((column, index) => {
    if (seen.has(column.name)) error(`input.columns.${index}`, `column "${column.name}" is listed twice`);
    seen.set(column.name, index);
    const where =
      column.kind === "position" ? `position ${column.position}` : column.kind === "header" ? `"${column.header}" #${column.occurrence ?? 1}` : "";
    if (read.has(where)) error(`input.columns.${index}`, `reads the same column as input.columns.${read.get(where)}`);
    read.set(where, index);
  });
  if (input.rowNumber !== undefined) {
    if (seen.has(input.rowNumber)) {
      error("input.rowNumber", `"${input.rowNumber}" is also a column of input.columns: the row number needs a name of its own`);
    }
    columns.push({ kind: "rowNumber", name: input.rowNumber });
  }
  return columns;
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
  context: NormaliseContext,
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

  if (group.list !== undefined) return compileListGroup(name, group.list, group.keepEmpty ?? false, resolve, context, error);

  const slotNames = new Set<string>();
  const instances = (group.instances ?? []).map((instance, index) => {
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

/** Slots of the items a gazetteer finds (`find: countries | places`), beside `item` (the words of the cell). */
const FOUND_SLOTS = ["country", "place", "placeKind", "locode", "iata", "candidates"] as const;

/** Built-in slots of a list group's items. */
const ITEM_SLOTS = ["item", "column"] as const;

type Item = { readonly text: string; readonly found?: Readonly<Record<(typeof FOUND_SLOTS)[number], string | null>> };

/**
 * A list group: the items of one column, or of several chained in order (a route's origins, then
 * transits, then destinations), split by a separator or pattern or found by the gazetteer. Every item
 * is an instance with its text (`item`), the column it came from (`column`), its part's `values`, and
 * its `index` in the whole chain; a cell the gazetteer reads as ambiguous, or as naming nothing, is
 * flagged, never guessed.
 */
function compileListGroup(
  name: string,
  list: NonNullable<GroupInput["list"]>,
  keepEmpty: boolean,
  resolve: (where: string, columnName: string) => ColumnRef | null,
  context: NormaliseContext,
  error: (entry: string, message: string) => void,
): CompiledGroup {
  const chained = Array.isArray(list);
  const parts = (Array.isArray(list) ? list : [list]).map((part, index) => {
    const entry = chained ? `groups.${name}.list.${index}` : `groups.${name}.list`;
    const ref = resolve(`${entry}.column`, part.column);
    for (const slot of Object.keys(part.values)) {
      if ([...INSTANCE_SLOTS, ...ITEM_SLOTS, ...FOUND_SLOTS].includes(slot as never)) error(`${entry}.values.${slot}`, `slot "${slot}" is built in`);
    }
    let items: (text: string, report: (problem: Problem) => void) => Item[] = () => [];
    if (part.find !== undefined) {
      const gazetteer = context.gazetteer;
      if (!gazetteer) error(`${entry}.find`, "the gazetteer is not loaded, so nothing can be found in free text");
      else items = finder(gazetteer, part.find, part.unique, entry, ref?.display ?? part.column);
    } else {
      const problem = part.pattern === undefined ? undefined : regexError(part.pattern);
      if (problem) error(`${entry}.pattern`, `not a regular expression: ${problem}`);
      else {
        const split = splitter({ separator: part.separator, pattern: part.pattern, unique: part.unique });
        items = (text) => split(text).map((item) => ({ text: item }));
      }
    }
    return { entry, ref, column: part.column, values: part.values, finds: part.find !== undefined, items };
  });

  const valueSlots = new Set(parts.flatMap((part) => Object.keys(part.values)));
  for (const part of parts) {
    const missing = [...valueSlots].filter((slot) => !(slot in part.values));
    if (missing.length) error(`${part.entry}.values`, `missing slot(s) ${missing.join(", ")}: every column of the list gives the same slots`);
  }
  const finds = parts.some((part) => part.finds);
  const slots = [...ITEM_SLOTS, ...valueSlots, ...(finds ? FOUND_SLOTS : [])];
  const empty = Object.fromEntries(slots.map((slot) => [slot, null]));
  // Every slot of an item is reported under the column it came from.
  const columnsOf = parts.map((part) => Object.fromEntries(slots.map((slot) => [slot, part.ref?.display ?? part.column])));

  return {
    name,
    slots: new Set([...slots, ...INSTANCE_SLOTS]),
    expand: (cell, report) => {
      const instances: GroupInstance[] = [];
      parts.forEach((part, index) => {
        const text = part.ref ? cell(part.ref) : null;
        if (text === null) return;
        for (const item of part.items(text, report)) {
          instances.push({ slots: { ...empty, ...part.values, ...item.found, item: item.text, column: part.column }, columns: columnsOf[index] });
        }
      });
      if (instances.length > 0 || !keepEmpty) return instances;
      return [{ slots: { ...empty, ...parts[0].values }, columns: columnsOf[0] }];
    },
  };
}

/**
 * Items the gazetteer finds in a cell, in the order written. `countries`: each country once per cell
 * (a city gives its country; "Lagos, Nigeria" is Nigeria once); `places`: every mention. A mention
 * that fits several countries keeps no country, and is flagged with the ones that fit; a cell in
 * which nothing is found is flagged.
 */
function finder(
  gazetteer: Gazetteer,
  find: "countries" | "places",
  unique: boolean,
  entry: string,
  column: string,
): (text: string, report: (problem: Problem) => void) => Item[] {
  return (text, report) => {
    const mentions = gazetteer.find(text);
    if (mentions.length === 0) {
      report({ kind: "place", entry: `${entry}.find`, column, value: collapseSpace(text), reason: "names no place or country the gazetteer knows" });
      return [];
    }
    const items: Item[] = [];
    const seen = new Set<string>();
    for (const mention of mentions) {
      if (mention.ambiguous || mention.country === null) {
        report({
          kind: "place",
          entry: `${entry}.find`,
          column,
          value: mention.text,
          reason: mention.candidates.length
            ? `ambiguous: may be in ${mention.candidates.join(", ")}; left without a country`
            : "names no country; left without one",
        });
      }
      const country = mention.ambiguous ? null : mention.country;
      const place = find === "places" ? mention.place : null;
      // Compared by what the item stands for: a country, or a place in one.
      const key = find === "countries" ? country : unique ? `${country ?? ""}\u0000${foldName(place?.name ?? mention.text)}` : null;
      if (key !== null && seen.has(key)) continue;
      if (key !== null) seen.add(key);
      items.push({
        text: mention.text,
        found: {
          country,
          place: place?.name ?? null,
          placeKind: place?.kind ?? null,
          locode: place?.locode ?? null,
          iata: place?.iata ?? null,
          candidates: mention.candidates.length > 1 ? mention.candidates.join(",") : null,
        },
      });
    }
    return items;
  };
}

/** Key of a joined row: as written, or folded (case, accents, punctuation) for hand-made lookup tables. */
export function joinKey(value: string, match: "exact" | "folded"): string {
  return match === "folded" ? foldName(value) : value.trim();
}
