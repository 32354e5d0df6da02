import type { ColumnRef, CompiledMapping } from "../mapping/compiled-mapping.js";
import { holds, type Endpoint, type RecordLookup, type RecordMatch, type RecordReference } from "./plan-row.js";

/**
 * The nodes that rows of each record made, for the mapping's `record` references: built by reading
 * the whole main file once before the import plans it for writing, so that a row finds what another
 * row of its record made whatever their order, and whichever batches they fall in. It keeps, per
 * reference and record, only the nodes that reference may point at.
 */
export class RecordIndex implements RecordLookup {
  private readonly references: readonly RecordReference[];
  /** Reference alias → record value → `label id` → the node. */
  private readonly made = new Map<string, Map<string, Map<string, Endpoint>>>();

  constructor(private readonly mapping: CompiledMapping) {
    this.references = mapping.references.filter((reference): reference is RecordReference => reference.kind === "record");
    for (const reference of this.references) this.made.set(reference.alias, new Map());
  }

  /** Whether the mapping has record references (else no index needs building). */
  static isNeeded(mapping: CompiledMapping): boolean {
    return mapping.input.record !== undefined && mapping.references.some((reference) => reference.kind === "record");
  }

  /** Notes the nodes a row that loads made (`endpoints`: by alias, as its plan has them). */
  add(cells: Readonly<Record<string, string>>, endpoints: ReadonlyMap<string, readonly (Endpoint | null)[]>): void {
    const cell = (ref: ColumnRef) => cells[ref.name]?.trim() || null;
    const key = this.mapping.input.record ? cell(this.mapping.input.record) : null;
    if (key === null) return;
    for (const reference of this.references) {
      if (!holds(reference.where, cell)) continue;
      const byRecord = this.made.get(reference.alias)!;
      const nodes = byRecord.get(key) ?? new Map<string, Endpoint>();
      for (const endpoint of endpoints.get(reference.node) ?? []) {
        if (endpoint) nodes.set(`${endpoint.label}\u0000${endpoint.id}`, endpoint);
      }
      if (nodes.size > 0) byRecord.set(key, nodes);
    }
  }

  find(reference: RecordReference, key: string): RecordMatch {
    const nodes = [...(this.made.get(reference.alias)?.get(key)?.values() ?? [])];
    if (nodes.length === 1) return { endpoint: nodes[0] };
    const wanted = reference.where.map(({ column, values }) => `${column.display} = ${[...values].map((value) => `"${value}"`).join(" or ")}`).join(" and ");
    const rows = `rows of this record${wanted ? ` with ${wanted}` : ""}`;
    if (nodes.length === 0) return { problem: `no ${rows} made a ${reference.labels.join("/")} (${reference.node})` };
    return { problem: `${rows} made ${nodes.length} different nodes (${reference.node}): which one is meant cannot be told` };
  }
}
