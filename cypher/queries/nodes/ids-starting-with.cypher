// Ids of one label that start with each prefix of a batch: a pseudonym of an id too long to hold
// whole keeps its first characters, and the id is told among these by its digest.
// Template slots: LABEL (a NodeLabel).
// Parameters: $ids (list of prefixes).
// Columns: key (a prefix), ids (the ids that start with it, in order, at most 1,000).
// @slot LABEL: NodeLabel
// @param ids: string[]
// @column key: string
// @column ids: string[]
UNWIND $ids AS key
CALL (key) {
  MATCH (node:{{LABEL}})
  WHERE node.id STARTS WITH key
  RETURN node.id AS id
  ORDER BY id
  LIMIT 1000
}
RETURN key, collect(id) AS ids
