import type { NodeLabel } from "../../domain/graph-schema.js";
import type { RowPlan } from "./plan-row.js";

/**
 * The nodes that the earlier files of a plan would have written, in a dry run, where nothing is
 * written: a later file's references to them are confirmed against these as against the database,
 * so a plan checked with `--dry-run` reports what its real import would do.
 */
export class PlannedNodes {
  /** Label → id → whether a synthetic source made it (the node then carries the label Synthetic). */
  private readonly byLabel = new Map<NodeLabel, Map<string, boolean>>();

  /** Notes the nodes of rows that would load (mentioned ones too: the import merges them as well). */
  add(plans: readonly RowPlan[], synthetic: boolean): void {
    for (const plan of plans) {
      for (const node of plan.nodes) {
        const ids = this.byLabel.get(node.label) ?? new Map<string, boolean>();
        this.byLabel.set(node.label, ids);
        ids.set(node.id, (ids.get(node.id) ?? false) || synthetic);
      }
    }
  }

  /** Of the given ids, those planned; Synthetic ones count only when `synthetic` (as in existingIds). */
  filter(label: NodeLabel, ids: readonly string[], synthetic: boolean): string[] {
    const planned = this.byLabel.get(label);
    if (!planned) return [];
    return ids.filter((id) => planned.has(id) && (synthetic || !planned.get(id)));
  }
}
