// One page of Country nodes matching a filter, in id order (keyset pagination).
// Parameters: $borders (ISO code or null: only the countries that border it).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: node (properties).
// @param borders: string | null
// @param after: string | null
// @param limit: integer
// @column node: NodeProperties
MATCH (node:Country)
WHERE ($borders IS NULL OR EXISTS { (node)-[:BORDERS]-(:Country {id: $borders}) })
  AND ($after IS NULL OR node.id > $after)
// The page is cut before the properties are read, so that only its own nodes are projected.
WITH node ORDER BY node.id LIMIT $limit
RETURN node {.*, synthetic: node:Synthetic} AS node
