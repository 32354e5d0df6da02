// How many Species nodes match a filter.
// Parameters: $citesAppendix (CitesAppendix or null), $taxonClass (class name or null).
// Columns: count (integer).
// @param citesAppendix: string | null
// @param taxonClass: string | null
// @column count: integer
MATCH (node:Species)
WHERE ($citesAppendix IS NULL OR node.citesAppendix = $citesAppendix)
  AND ($taxonClass IS NULL OR node.taxonClass = $taxonClass)
RETURN count(node) AS count
