// One page of Person nodes matching a filter, in id order (keyset pagination).
// Parameters: $nationality (ISO code or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: node (properties).
MATCH (node:Person)
WHERE ($nationality IS NULL OR EXISTS { (node)-[:NATIONAL_OF]->(:Country {id: $nationality}) })
  AND ($after IS NULL OR node.id > $after)
RETURN node {.*, synthetic: node:Synthetic} AS node
ORDER BY node.id
LIMIT $limit
