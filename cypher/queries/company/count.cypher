// How many Company nodes match a filter.
// Parameters: $country (ISO code of registration, or null), $kind (CompanyKind or null).
// Columns: count (integer).
MATCH (node:Company)
WHERE ($country IS NULL OR EXISTS { (node)-[:REGISTERED_IN]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
RETURN count(node) AS count
