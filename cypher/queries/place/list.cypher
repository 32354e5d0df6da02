// One page of Place nodes matching a filter, in id order (keyset pagination).
// Parameters: $country (ISO code or null), $kind (PlaceKind or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param country: string | null
// @param kind: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Place)
WHERE ($country IS NULL OR EXISTS { (node)-[:IN_COUNTRY]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
