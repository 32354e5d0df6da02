import type { NodeLabel } from "../../domain/graph-schema.js";
import type { CompiledMapping } from "../mapping/compiled-mapping.js";
import type { SourceInput } from "../mapping/mapping-schema.js";
import type { Lookups } from "../plan/lookups.js";
import type { RowPlan } from "../plan/plan-row.js";

/** What a source backs: nodes by label (its SOURCED_FROM), relationships by type (its sourceId). */
export interface SourceCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/**
 * Where an import writes, and what it reads back while it plans: a running database (MERGE
 * statements, `importFiles`), or the files of a bulk load (`src/import/bulk/`), which answer the
 * same questions from what they wrote. The pipeline (reading, planning, rejects, flags, reports)
 * is the same for both, so both make the same graph from the same rows.
 */
export interface ImportTarget {
  /** Places and species the planner may resolve names to, as they stand before this file. */
  loadLookups(mapping: CompiledMapping, idPrefix: string | undefined): Promise<Lookups>;
  /** Of the given ids of one label, those written before the current batch (`synthetic`: Synthetic nodes count). */
  existingIds(label: NodeLabel, ids: readonly string[], synthetic: boolean): Promise<Set<string>>;
  /** The counts a Source keeps; null for a Source made before counts were kept; empty for none. */
  keptSourceCounts(sourceId: string): Promise<SourceCounts | null>;
  /** The counts of a Source counted in the graph (for a Source made before counts were kept). */
  sourceCounts(sourceId: string): Promise<SourceCounts>;
  /** Creates or updates the Source; `counts`: properties to store beside its own. */
  writeSource(source: SourceInput, sourceId: string, counts: Record<string, unknown>): Promise<void>;
  /** Writes one batch of planned rows (none rejected), after `existingIds` answered for it. */
  write(source: SourceInput, sourceId: string, plans: readonly RowPlan[]): Promise<void>;
}
