// One page of Country nodes matching a filter, in id order (keyset pagination).
// Parameters: $borders (ISO code or null: only the countries that border it).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param borders: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Country)
WHERE ($borders IS NULL OR EXISTS { (node)-[:BORDERS]-(:Country {id: $borders}) })
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
