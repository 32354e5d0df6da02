// How many Species nodes match a filter.
// Parameters: $citesAppendix (CitesAppendix or null), $taxonClass (class name or null), $rank (TaxonRank or null;
// a species node stores no rank).
// Columns: count (integer).
// @param citesAppendix: string | null
// @param taxonClass: string | null
// @param rank: string | null
// @column count: integer
MATCH (node:Species)
WHERE ($citesAppendix IS NULL OR node.citesAppendix = $citesAppendix)
  AND ($taxonClass IS NULL OR node.taxonClass = $taxonClass)
  AND ($rank IS NULL OR coalesce(node.rank, 'SPECIES') = $rank)
RETURN count(node) AS count
