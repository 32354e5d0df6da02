// One page of Species nodes matching a filter, in id order (keyset pagination).
// Parameters: $citesAppendix (CitesAppendix or null), $taxonClass (class name or null), $rank (TaxonRank or null;
// a species node stores no rank).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param citesAppendix: string | null
// @param taxonClass: string | null
// @param rank: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Species)
WHERE ($citesAppendix IS NULL OR node.citesAppendix = $citesAppendix)
  AND ($taxonClass IS NULL OR node.taxonClass = $taxonClass)
  AND ($rank IS NULL OR coalesce(node.rank, 'SPECIES') = $rank)
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
