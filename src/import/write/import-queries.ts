import type { QueryName } from "../../db/cypher-registry.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { relations } from "../../domain/relations.js";
import { IMPORT_ONLY_RELATIONSHIPS } from "../mapping/import-only-relations.js";

/**
 * Every import query with every set of template slots it can be rendered with: node templates once
 * per label, relationship templates once per relationship the model allows (the API's and the import-only ones). For EXPLAIN tests.
 */
export function importQueryVariants(): [QueryName, Record<string, string>][] {
  const labels = Object.values(NodeLabel).filter((label) => label !== NodeLabel.Source);
  const patterns = new Map<string, Record<string, string>>();
  for (const relation of Object.values(relations)) {
    for (const other of relation.to) {
      const [from, to] = relation.direction === "IN" ? [other, relation.from] : [relation.from, other];
      patterns.set(`${from}|${relation.type}|${to}`, { FROM: from, TYPE: relation.type, TO: to });
    }
  }
  for (const { from, type, to } of IMPORT_ONLY_RELATIONSHIPS) patterns.set(`${from}|${type}|${to}`, { FROM: from, TYPE: type, TO: to });
  const relationshipSlots = [...patterns.values()].filter((slots) => slots.TYPE !== "SOURCED_FROM");
  return [
    ["importMergeSource", {}],
    ["importPlaceIndex", {}],
    ["importSpeciesIndex", {}],
    ["importSourceNodeCounts", {}],
    ["importSourceRelationshipCounts", {}],
    ["importSourceCounts", {}],
    ...labels.map((label): [QueryName, Record<string, string>] => ["importMergeNodes", { LABEL: label }]),
    ...labels.map((label): [QueryName, Record<string, string>] => ["importMergeMentionedNodes", { LABEL: label }]),
    ...labels.map((label): [QueryName, Record<string, string>] => ["importExistingIds", { LABEL: label }]),
    ...labels.map((label): [QueryName, Record<string, string>] => ["importBulkPatchNodes", { LABEL: label }]),
    ...relationshipSlots.map((slots): [QueryName, Record<string, string>] => ["importMergeRelationships", slots]),
    ...relationshipSlots.map((slots): [QueryName, Record<string, string>] => ["importMergeSequencedRelationships", slots]),
    ...relationshipSlots
      .filter((slots) => slots.FROM === slots.TO)
      .map((slots): [QueryName, Record<string, string>] => ["importMergeSymmetricRelationships", slots]),
  ];
}
