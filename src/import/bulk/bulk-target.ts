import { closeSync, openSync, writeSync } from "node:fs";
import path from "node:path";

import neo4j, { isDate, isInt } from "neo4j-driver";

import { dateParameter } from "../../db/values.js";
import { NodeLabel, SYNTHETIC_LABEL } from "../../domain/graph-schema.js";
import type { CompiledMapping, PropertyValue } from "../mapping/compiled-mapping.js";
import type { SourceInput } from "../mapping/mapping-schema.js";
import { PlaceIndex, SpeciesIndex, type Lookups } from "../plan/lookups.js";
import type { PlannedRelationship, RowPlan } from "../plan/plan-row.js";
import type { ImportTarget, SourceCounts } from "../write/import-target.js";
import { cellOf, CsvParts, type CsvPartFile, type CsvType } from "./csv-parts.js";
import { IdSet } from "../id-set.js";

const SYNTHETIC = 1;
/** A row described the node (a node only mentioned has no properties and no provenance yet). */
const DESCRIBED = 2;

type Cell = readonly [string, { type: CsvType; text: string }];

/** A change to a node already written to the files, made with Cypher once the database is open. */
export interface NodePatch {
  readonly label: NodeLabel;
  readonly id: string;
  /** Properties, later ones winning, as `SET node += …`; encoded by encodePatchValue. */
  readonly properties: Record<string, unknown>;
  readonly synthetic: boolean;
}

export interface BulkFiles {
  readonly parts: CsvPartFile[];
  readonly multiline: boolean;
  /** JSON lines of NodePatch, in the order they must be applied. */
  readonly patches: string;
  readonly patchCount: number;
  readonly nodes: number;
  readonly relationships: number;
}

interface PlaceState {
  name: string | null;
  kind: string | null;
  iataCode: string | null;
  synthetic: boolean;
  countries: Set<string>;
}

interface SpeciesState {
  scientificName: string | null;
  commonNames: readonly string[] | null;
  /** What the species lookup reads of higher taxa and synonyms (see SpeciesIndex). */
  rank?: string | null;
  genus?: string | null;
  family?: string | null;
  order?: string | null;
  synonyms?: readonly string[] | null;
  synthetic: boolean;
}

interface SymmetricState {
  type: string;
  from: NodeLabel;
  fromId: string;
  to: NodeLabel;
  toId: string;
  sourceId: string;
  row: number;
  properties: Record<string, PropertyValue>;
}

/**
 * The import target of a bulk load: instead of MERGE statements, rows of CSV files for
 * `neo4j-admin database import`, written as MERGE would leave the graph.
 *
 * - A node is written once, the first time a row makes or mentions it. A later row that describes it
 *   again (or a mention that came first) becomes a patch, applied with `SET node += …` in row order
 *   once the database is open: later values win, as in consecutive batches. Ids are kept exactly
 *   (IdSet), so the duplicates found are exactly MERGE's.
 * - Provenance: one SOURCED_FROM per node and source, with the first row that described it; the
 *   relationships carry `sourceId` and `sourceRow` (and `seq`), one per row as the MERGE key says;
 *   a symmetric relationship once per pair and source (held in memory until the end: few).
 * - Reference checks and the planner's place and species look-ups are answered from what was
 *   written before the batch, as the database would answer them.
 * - The Source keeps the counts a normal import keeps (`nodes.<Label>`, `relationships.<TYPE>`),
 *   counted as the rows are written; counts of 0 are not stored (a normal import may store them).
 *
 * Two files of one source that both write one relationship type could state the same relationship
 * (same ends, same row number in their own files); a MERGE makes it once. This target keeps no
 * relationship keys, so it refuses that case rather than write it twice.
 */
export class BulkTarget implements ImportTarget {
  private readonly csv: CsvParts;
  private readonly ids = new Map<NodeLabel, IdSet>();
  private readonly sourceIds: string[] = [""];
  private readonly sourceIndex = new Map<string, number>();
  private readonly sources = new Map<string, Record<string, unknown>>();
  private readonly counts = new Map<string, SourceCounts>();
  /** Sources beyond the first that described a node (`label\0id` → source numbers): rare. */
  private readonly moreSources = new Map<string, Set<number>>();
  private readonly places = new Map<string, PlaceState>();
  private readonly species = new Map<string, SpeciesState>();
  private readonly symmetric = new Map<string, SymmetricState>();
  /** Which mapping (by its order) wrote a source's relationship type first, by source and type. */
  private readonly typeOwners = new Map<string, Map<string, number>>();
  private step = 0;
  private readonly patchesFile: string;
  private readonly patchesFd: number;
  private patchCount = 0;
  /** The node id the next node gets in the new database: they are numbered as they are written. */
  private nodeCount = 0;
  /** The node ids of the Sources (written last, referred to by every SOURCED_FROM). */
  private readonly sourceNodeIds = new Map<string, number>();
  private relationshipCount = 0;

  constructor(dir: string) {
    this.csv = new CsvParts(dir);
    this.patchesFile = path.join(dir, "node-patches.jsonl");
    this.patchesFd = openSync(this.patchesFile, "w");
  }

  loadLookups = async (mapping: CompiledMapping, idPrefix: string | undefined): Promise<Lookups> => {
    const prefix = idPrefix ?? "";
    const synthetic = mapping.source.synthetic;
    const visible = (id: string, state: { synthetic: boolean }) => (synthetic || !state.synthetic) && id.startsWith(prefix);
    const uses = (kind: string) => mapping.references.some((reference) => reference.kind === kind);
    const places = uses("place")
      ? [...this.places].filter(([id, place]) => visible(id, place)).map(([id, place]) => ({
          id,
          name: place.name,
          kind: place.kind,
          iataCode: place.iataCode,
          country: place.countries.size === 0 ? null : [...place.countries].sort()[0]!,
        }))
      : [];
    const species = uses("species")
      ? [...this.species].filter(([id, record]) => visible(id, record)).map(([id, { synthetic: _, ...record }]) => ({ id, ...record }))
      : [];
    return { places: new PlaceIndex(places), species: new SpeciesIndex(species) };
  };

  existingIds = async (label: NodeLabel, ids: readonly string[], synthetic: boolean): Promise<Set<string>> => {
    const set = this.ids.get(label);
    const found = new Set<string>();
    if (!set) return found;
    for (const id of ids) {
      const entry = set.find(id);
      if (entry >= 0 && (synthetic || (set.flags(entry) & SYNTHETIC) === 0)) found.add(id);
    }
    return found;
  };

  keptSourceCounts = async (sourceId: string): Promise<SourceCounts | null> => this.sourceCounts(sourceId);

  sourceCounts = async (sourceId: string): Promise<SourceCounts> => {
    const counts = this.counts.get(sourceId);
    return { nodes: { ...counts?.nodes }, relationships: { ...counts?.relationships } };
  };

  writeSource = async (source: SourceInput, sourceId: string, counts: Record<string, unknown>): Promise<void> => {
    this.step += 1;
    const { id: _, synthetic: __, retrievedOn, ...rest } = source;
    const properties = this.sources.get(sourceId) ?? { countsKept: true };
    // As `SET source += $source`: a null removes a property.
    for (const [name, value] of Object.entries({ ...rest, ...counts, retrievedOn: dateParameter(retrievedOn) })) {
      if (value === null || value === undefined) delete properties[name];
      else properties[name] = value;
    }
    this.sources.set(sourceId, properties);
    if (!this.counts.has(sourceId)) this.counts.set(sourceId, { nodes: {}, relationships: {} });
    if (!this.sourceNodeIds.has(sourceId)) this.sourceNodeIds.set(sourceId, this.nodeCount++);
  };

  write = async (source: SourceInput, sourceId: string, plans: readonly RowPlan[]): Promise<void> => {
    const sourceNumber = this.numberOf(sourceId);
    const sourceNode = this.sourceNodeIds.get(sourceId)!;
    const synthetic = source.synthetic;
    const counts = this.counts.get(sourceId)!;
    const sourceIdCell = cellOf(sourceId)!;
    for (const plan of plans) {
      for (const node of plan.nodes) {
        const set = this.idsOf(node.label);
        let entry = set.find(node.id);
        if (node.mention) {
          if (entry < 0) {
            set.add(node.id, synthetic ? SYNTHETIC : 0, 0, this.writeNode(node.label, node.id, synthetic, {}));
          } else if (synthetic && (set.flags(entry) & SYNTHETIC) === 0) {
            set.setFlags(entry, set.flags(entry) | SYNTHETIC);
            this.patch({ label: node.label, id: node.id, properties: {}, synthetic: true });
          }
          continue;
        }
        let provenance = false;
        if (entry < 0) {
          entry = set.add(node.id, DESCRIBED | (synthetic ? SYNTHETIC : 0), sourceNumber, this.writeNode(node.label, node.id, synthetic, node.properties));
          provenance = true;
        } else {
          const flags = set.flags(entry);
          const addsLabel = synthetic && (flags & SYNTHETIC) === 0;
          if (Object.keys(node.properties).length > 0 || addsLabel) {
            this.patch({ label: node.label, id: node.id, properties: node.properties, synthetic: addsLabel });
          }
          set.setFlags(entry, flags | DESCRIBED | (synthetic ? SYNTHETIC : 0));
          if ((flags & DESCRIBED) === 0) {
            set.setSource(entry, sourceNumber);
            provenance = true;
          } else if (set.source(entry) !== sourceNumber) {
            const key = `${node.label}\u0000${node.id}`;
            const more = this.moreSources.get(key) ?? new Set<number>();
            this.moreSources.set(key, more);
            if (!more.has(sourceNumber)) {
              more.add(sourceNumber);
              provenance = true;
            }
          }
        }
        this.remember(node.label, node.id, node.properties, (set.flags(entry) & SYNTHETIC) !== 0);
        if (provenance) {
          this.csv.relationship("SOURCED_FROM", set.nodeId(entry), sourceNode, [["row", { type: "long", text: String(plan.row) }]]);
          this.relationshipCount += 1;
          counts.nodes[node.label] = (counts.nodes[node.label] ?? 0) + 1;
          counts.relationships.SOURCED_FROM = (counts.relationships.SOURCED_FROM ?? 0) + 1;
        }
      }

      const rowText = String(plan.row);
      for (const { relationship, properties: merged } of relationshipsOfRow(plan.relationships)) {
        const from = relationship.from;
        const to = relationship.to;
        if (relationship.mode === "symmetric") {
          const key = [relationship.type, from.label, from.id, to.label, to.id, sourceId].join("\u0000");
          const known = this.symmetric.get(key);
          if (known) Object.assign(known.properties, merged);
          else {
            this.symmetric.set(key, { type: relationship.type, from: from.label, fromId: from.id, to: to.label, toId: to.id, sourceId, row: plan.row, properties: { ...merged } });
            counts.relationships[relationship.type] = (counts.relationships[relationship.type] ?? 0) + 1;
          }
          continue;
        }
        this.claim(sourceId, relationship.type);
        // As `{ sourceId, sourceRow, seq, ...properties }` would make them, without the object.
        const cells: Cell[] = [
          ["sourceId", sourceIdCell],
          ["sourceRow", { type: "long", text: rowText }],
        ];
        if (relationship.mode === "sequenced") cells.push(["seq", { type: "long", text: relationship.seq!.toString() }]);
        for (const name in merged) {
          const cell = cellOf(merged[name]);
          if (!cell) throw new RangeError(`the value of ${name} cannot be written to a bulk-load file`);
          const at = name === "sourceId" || name === "sourceRow" || name === "seq" ? cells.findIndex(([other]) => other === name) : -1;
          if (at >= 0) cells[at] = [name, cell];
          else cells.push([name, cell]);
        }
        this.csv.relationship(relationship.type, this.nodeIdOf(from.label, from.id), this.nodeIdOf(to.label, to.id), cells);
        this.relationshipCount += 1;
        counts.relationships[relationship.type] = (counts.relationships[relationship.type] ?? 0) + 1;
        if (relationship.type === "IN_COUNTRY" && from.label === NodeLabel.Place && to.label === NodeLabel.Country) {
          this.places.get(from.id)?.countries.add(to.id);
        }
      }
    }
  };

  /** Writes what is held until the end (Sources, symmetric relationships) and closes every file. */
  finish(): BulkFiles {
    for (const [sourceId, properties] of this.sources) {
      const counts = this.counts.get(sourceId)!;
      const kept = {
        ...properties,
        ...Object.fromEntries(Object.entries(counts.nodes).map(([label, count]) => [`nodes.${label}`, neo4j.int(count)])),
        ...Object.fromEntries(Object.entries(counts.relationships).map(([type, count]) => [`relationships.${type}`, neo4j.int(count)])),
      };
      this.csv.node(NodeLabel.Source, this.sourceNodeIds.get(sourceId)!, sourceId, [NodeLabel.Source], cellsOf(kept, true));
    }
    for (const relationship of this.symmetric.values()) {
      const properties = { sourceId: relationship.sourceId, sourceRow: neo4j.int(relationship.row), ...relationship.properties };
      const from = this.nodeIdOf(relationship.from, relationship.fromId);
      this.csv.relationship(relationship.type, from, this.nodeIdOf(relationship.to, relationship.toId), cellsOf(properties, true));
      this.relationshipCount += 1;
    }
    this.symmetric.clear();
    closeSync(this.patchesFd);
    return {
      parts: this.csv.close(),
      multiline: this.csv.multiline,
      patches: this.patchesFile,
      patchCount: this.patchCount,
      nodes: this.nodeCount,
      relationships: this.relationshipCount,
    };
  }

  /** Writes a node; returns its node id in the new database. */
  private writeNode(label: NodeLabel, id: string, synthetic: boolean, properties: Readonly<Record<string, PropertyValue>>): number {
    const cells: Cell[] = [];
    const rest: Record<string, PropertyValue> = {};
    for (const [name, value] of Object.entries(properties)) {
      const cell = cellOf(value);
      if (cell) cells.push([name, cell]);
      else rest[name] = value;
    }
    const nodeId = this.nodeCount++;
    this.csv.node(label, nodeId, id, synthetic ? [label, SYNTHETIC_LABEL] : [label], cells);
    // What a CSV cell cannot hold exactly is set once the database is open.
    if (Object.keys(rest).length > 0) this.patch({ label, id, properties: rest, synthetic: false });
    return nodeId;
  }

  /** The node id of a node written before (a relationship's end: the planner made it, or a reference check found it). */
  private nodeIdOf(label: NodeLabel, id: string): number {
    const entry = this.ids.get(label)?.find(id) ?? -1;
    if (entry < 0) throw new Error(`a relationship points at a ${label} that no row wrote (a defect of the bulk load)`);
    return this.ids.get(label)!.nodeId(entry);
  }

  private patch(patch: NodePatch): void {
    const properties = Object.fromEntries(Object.entries(patch.properties).map(([name, value]) => [name, encodePatchValue(value)]));
    writeSync(this.patchesFd, JSON.stringify({ ...patch, properties }) + "\n");
    this.patchCount += 1;
  }

  /** Places and species, as the planner's look-ups of later files will see them. */
  private remember(label: NodeLabel, id: string, properties: Readonly<Record<string, PropertyValue>>, synthetic: boolean): void {
    const text = (value: PropertyValue | undefined, before: string | null) => (value === undefined ? before : String(value));
    if (label === NodeLabel.Place) {
      const place = this.places.get(id) ?? { name: null, kind: null, iataCode: null, synthetic, countries: new Set<string>() };
      place.name = text(properties.name, place.name);
      place.kind = text(properties.kind, place.kind);
      place.iataCode = text(properties.iataCode, place.iataCode);
      place.synthetic = synthetic;
      this.places.set(id, place);
    } else if (label === NodeLabel.Species) {
      const record = this.species.get(id) ?? { scientificName: null, commonNames: null, synthetic };
      record.scientificName = text(properties.scientificName, record.scientificName);
      if (properties.commonNamesEn !== undefined) record.commonNames = properties.commonNamesEn as readonly string[];
      for (const key of ["rank", "genus", "family", "order"] as const) record[key] = text(properties[key], record[key] ?? null);
      if (properties.synonyms !== undefined) record.synonyms = properties.synonyms as readonly string[];
      record.synthetic = synthetic;
      this.species.set(id, record);
    }
  }

  private claim(sourceId: string, type: string): void {
    let owners = this.typeOwners.get(sourceId);
    if (!owners) this.typeOwners.set(sourceId, (owners = new Map()));
    const owner = owners.get(type);
    if (owner === undefined) owners.set(type, this.step);
    else if (owner !== this.step) {
      throw new Error(
        `two mapping files of source ${sourceId} write ${type} relationships: a bulk load cannot tell whether they state the same ones (import them with npm run import)`,
      );
    }
  }

  private idsOf(label: NodeLabel): IdSet {
    let set = this.ids.get(label);
    if (!set) this.ids.set(label, (set = new IdSet()));
    return set;
  }

  private numberOf(sourceId: string): number {
    let number = this.sourceIndex.get(sourceId);
    if (number === undefined) {
      number = this.sourceIds.push(sourceId) - 1;
      if (number > 0xffff) throw new RangeError("a bulk load takes at most 65,535 sources");
      this.sourceIndex.set(sourceId, number);
    }
    return number;
  }
}

/**
 * The relationships of one row, one per key (the batch writer's key; the row is the same), their
 * properties merged. Rows have a few: they are compared in turn, without a key string each.
 */
function relationshipsOfRow(relationships: readonly PlannedRelationship[]): { relationship: PlannedRelationship; properties: Readonly<Record<string, PropertyValue>> }[] {
  const result: { relationship: PlannedRelationship; properties: Readonly<Record<string, PropertyValue>>; own?: true }[] = [];
  for (const relationship of relationships) {
    const known = result.find(({ relationship: other }) => sameKey(other, relationship));
    if (!known) result.push({ relationship, properties: relationship.properties });
    else {
      if (!known.own) known.properties = { ...known.properties };
      known.own = true;
      Object.assign(known.properties, relationship.properties);
    }
  }
  return result;
}

function sameKey(a: PlannedRelationship, b: PlannedRelationship): boolean {
  return (
    a.type === b.type &&
    a.mode === b.mode &&
    a.from.label === b.from.label &&
    a.to.label === b.to.label &&
    a.from.id === b.from.id &&
    a.to.id === b.to.id &&
    (a.seq === null ? b.seq === null : b.seq !== null && a.seq.equals(b.seq))
  );
}

/** Cells of properties; `strict`: a value no cell can hold is an error (relationships, Sources: no patches). */
function cellsOf(properties: Record<string, unknown>, strict: boolean): Cell[] {
  const cells: Cell[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const cell = cellOf(value);
    if (cell) cells.push([name, cell]);
    else if (strict) throw new RangeError(`the value of ${name} cannot be written to a bulk-load file`);
  }
  return cells;
}

/** JSON for a patch value: Neo4j integers and dates tagged, so they come back as such. */
export function encodePatchValue(value: unknown): unknown {
  if (isInt(value)) return { $int: value.toString() };
  if (isDate(value)) return { $date: value.toString() };
  return value;
}

export function decodePatchValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    if ("$int" in value) return neo4j.int((value as { $int: string }).$int);
    if ("$date" in value) return dateParameter((value as { $date: string }).$date);
  }
  return value;
}
