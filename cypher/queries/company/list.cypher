// One page of Company nodes matching a filter, in id order (keyset pagination).
// Parameters: $country (ISO code of registration, or null), $kind (CompanyKind or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: node (properties).
MATCH (node:Company)
WHERE ($country IS NULL OR EXISTS { (node)-[:REGISTERED_IN]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($after IS NULL OR node.id > $after)
RETURN node {.*, synthetic: node:Synthetic} AS node
ORDER BY node.id
LIMIT $limit
