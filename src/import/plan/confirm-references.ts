import type { NodeLabel } from "../../domain/graph-schema.js";
import type { Endpoint, RowPlan } from "./plan-row.js";

/**
 * Of the given ids of one label, those that name a node written before this batch (`synthetic`:
 * whether Synthetic nodes count): the database's answer, or the bulk load's record of what it wrote.
 */
export type ExistingIds = (label: NodeLabel, ids: readonly string[], synthetic: boolean) => Promise<Set<string>>;

/**
 * Confirms, for a batch, that the reference nodes its rows point at exist (one read per label, in parallel).
 * A missing one rejects its row when the reference is required; otherwise it is flagged and the
 * relationships to it are left out, so nothing points at a node that is not there.
 */
export async function confirmReferences(existingIds: ExistingIds, plans: readonly RowPlan[], synthetic: boolean): Promise<void> {
  const wanted = new Map<NodeLabel, Set<string>>();
  for (const plan of plans) {
    for (const check of plan.checks) {
      const ids = wanted.get(check.endpoint.label) ?? new Set<string>();
      ids.add(check.endpoint.id);
      wanted.set(check.endpoint.label, ids);
    }
  }
  const existing = new Map<NodeLabel, Set<string>>();
  // One read per label, all at once: they are independent, and waiting on each in turn only adds round trips.
  await Promise.all(
    [...wanted].map(async ([label, ids]) => existing.set(label, await existingIds(label, [...ids], synthetic))),
  );

  for (const plan of plans) {
    const missing: Endpoint[] = [];
    for (const check of plan.checks) {
      if (existing.get(check.endpoint.label)!.has(check.endpoint.id)) continue;
      missing.push(check.endpoint);
      const problem = {
        kind: "reference",
        entry: check.entry,
        column: check.column,
        value: check.value,
        reason: `${check.endpoint.label} ${check.endpoint.id} is not in the database (import its reference data first)`,
      };
      (check.required ? plan.rejects : plan.flags).push(problem);
    }
    if (missing.length > 0) {
      const isMissing = (endpoint: Endpoint) => missing.some((other) => other.label === endpoint.label && other.id === endpoint.id);
      plan.relationships = plan.relationships.filter((relationship) => !isMissing(relationship.from) && !isMissing(relationship.to));
    }
  }
}
