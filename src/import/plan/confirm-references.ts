import type { NodeLabel } from "../../domain/graph-schema.js";
import type { Endpoint, RowPlan } from "./plan-row.js";

/**
 * Of the given ids of one label, those that name a node written before this batch (`synthetic`:
 * whether Synthetic nodes count): the database's answer, or the bulk load's record of what it wrote.
 */
export type ExistingIds = (label: NodeLabel, ids: readonly string[], synthetic: boolean) => Promise<Set<string>>;

/**
 * Confirms, for a batch, that the reference nodes its rows point at exist (one read per label, in
 * parallel): written before this batch, or made by a row of the batch itself (the batch writes its
 * nodes before its relationships, in one transaction), so that a row may point at a node that the
 * row before it made whatever the batch size. A missing one rejects its row when the reference is
 * required; otherwise it is flagged and the relationships to it are left out, so nothing points at a
 * node that is not there.
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

  // A row that is rejected makes nothing, so the nodes it would have made cannot be pointed at: the
  // rows left are checked again until no further row is rejected.
  const loading = new Set(plans.filter((plan) => plan.rejects.length === 0));
  let made = madeBy(loading);
  const exists = (endpoint: Endpoint) =>
    existing.get(endpoint.label)!.has(endpoint.id) || made.has(key(endpoint));
  for (;;) {
    const failing = [...loading].filter((plan) => plan.checks.some((check) => check.required && !exists(check.endpoint)));
    if (failing.length === 0) break;
    for (const plan of failing) loading.delete(plan);
    made = madeBy(loading);
  }

  for (const plan of plans) {
    const missing: Endpoint[] = [];
    for (const check of plan.checks) {
      if (exists(check.endpoint)) continue;
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

/** The nodes (not only mentioned) that the given rows make. */
function madeBy(plans: Iterable<RowPlan>): Set<string> {
  const made = new Set<string>();
  for (const plan of plans) for (const node of plan.nodes) if (!node.mention) made.add(key(node));
  return made;
}

function key(endpoint: Endpoint): string {
  return `${endpoint.label}\u0000${endpoint.id}`;
}
